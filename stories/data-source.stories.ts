import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { manifestArgs } from './manifest-args';
import { staleSource } from './stale-source';

interface DataSourceArgs {
  name: string;
  src: string;
  encoding: 'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'utf-16';
  lang: 'zh-CN' | 'en';
}

// A source draws nothing itself: each story pairs it with the widgets that show what it loaded.
const meta: Meta<DataSourceArgs> = {
  title: 'Widgets/Data source',
  component: 'sx-data-source',
  args: {
    name: 'evaluation_story',
    src: '/fixtures/template/evaluation.csv',
    encoding: 'auto',
    lang: 'zh-CN',
  },
  argTypes: {
    encoding: { control: 'select', options: ['auto', 'utf-8', 'gbk', 'gb18030', 'utf-16'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: (args) =>
    html`<sx-data-source
        name=${args.name}
        src=${args.src}
        encoding=${args.encoding}
        ${manifestArgs(args)}
      ></sx-data-source>
      <sx-scorecard source=${args.name} lang=${args.lang}></sx-scorecard>`,
};
export default meta;

type Story = StoryObj<DataSourceArgs>;

export const Utf8Export: Story = {};
/** Excel's CSV on Chinese Windows: GBK bytes, found without being told. */
export const GbkExport: Story = {
  args: { name: 'evaluation_gbk_story', src: '/fixtures/template/evaluation.gbk.csv' },
};
/** The encoding said outright, for a file whose bytes could pass for another. */
export const GbkDeclared: Story = {
  args: {
    name: 'evaluation_gbk_declared_story',
    src: '/fixtures/template/evaluation.gbk.csv',
    encoding: 'gbk',
  },
};
/** One load, two widgets: a dimension chosen in one filters the other. */
export const SharedByTwoWidgets: Story = {
  args: { name: 'evaluation_shared_story' },
  render: (args) =>
    html`<sx-data-source
        name=${args.name}
        src=${args.src}
        encoding=${args.encoding}
      ></sx-data-source>
      <sx-scorecard source=${args.name} lang=${args.lang}></sx-scorecard>
      <sx-scorecard source=${args.name} lang=${args.lang} compact></sx-scorecard>`,
};
/** A file the server does not have: every widget on the source says which file and why. */
export const MissingFile: Story = {
  args: { name: 'missing_story', src: '/fixtures/template/no-such-file.csv' },
};
/**
 * Stale: the file was read once, then a refresh could not reach it. The widgets keep the
 * last good figures and say since when; the source's `state` reads `stale`.
 */
export const Stale: Story = {
  args: { name: 'evaluation_stale_story' },
  render: (args) =>
    html`${staleSource(args.name, args.src)}
      <sx-scorecard source=${args.name} lang=${args.lang}></sx-scorecard>`,
};
