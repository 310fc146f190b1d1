import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

interface ScorecardArgs {
  src: string;
  lang: 'zh-CN' | 'en';
  compact: boolean;
  theme: 'light' | 'dark';
}

const meta: Meta<ScorecardArgs> = {
  title: 'Widgets/Scorecard',
  component: 'sx-scorecard',
  args: { src: '/fixtures/template/evaluation.csv', lang: 'zh-CN', compact: false, theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) =>
    html`<sx-scorecard
      src=${args.src}
      lang=${args.lang}
      ?compact=${args.compact}
      theme=${ifDefined(args.theme === 'dark' ? 'dark' : undefined)}
    ></sx-scorecard>`,
};
export default meta;

type Story = StoryObj<ScorecardArgs>;

export const Chinese: Story = {};
export const English: Story = { args: { src: '/fixtures/template/evaluation.en.csv', lang: 'en' } };
export const Compact: Story = { args: { compact: true } };
export const Dark: Story = { args: { theme: 'dark' } };
export const GbkExport: Story = { args: { src: '/fixtures/template/evaluation.gbk.csv' } };
export const MissingFile: Story = { args: { src: '/fixtures/template/no-such-file.csv' } };
