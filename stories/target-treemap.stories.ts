import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { manifestArgs } from './manifest-args';
import { staleSource } from './stale-source';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';

interface TreemapArgs {
  src: string;
  source?: string;
  lang: 'zh-CN' | 'en';
  levels: string;
  target?: string;
  actual?: string;
  direction?: 'higher' | 'lower';
  asOf?: string;
  period?: string;
  totalTarget?: string;
  theme: 'auto' | 'light' | 'dark';
  width: string;
  rows?: readonly Record<string, string>[];
  /** A dated notes source (`notes`). */
  notes?: string;
}

const meta: Meta<TreemapArgs> = {
  title: 'Widgets/Target treemap',
  component: 'sx-target-treemap',
  args: {
    src: 'fixtures/template/region_targets.csv',
    lang: 'zh-CN',
    levels: '区域,产品线,客户类型',
    theme: 'auto',
    width: '760px',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    direction: { control: 'inline-radio', options: ['higher', 'lower'] },
  },
  render: (args) =>
    html`<div style=${styleMap({ width: args.width })}>
      <sx-target-treemap
        src=${ifDefined(args.rows || args.source ? undefined : args.src)}
        source=${ifDefined(args.source)}
        .data=${args.rows}
        lang=${args.lang}
        levels=${args.levels}
        target=${ifDefined(args.target)}
        actual=${ifDefined(args.actual)}
        direction=${ifDefined(args.direction)}
        as-of=${ifDefined(args.asOf)}
        period=${ifDefined(args.period)}
        total-target=${ifDefined(args.totalTarget)}
        notes=${ifDefined(args.notes)}
        theme=${ifDefined(args.theme === 'auto' ? undefined : args.theme)}
        ${manifestArgs(args, ['src'])}
      ></sx-target-treemap>
    </div>`,
};
export default meta;

type Story = StoryObj<TreemapArgs>;

export const Chinese: Story = {};

export const English: Story = {
  args: {
    src: 'fixtures/template/region_targets.en.csv',
    lang: 'en',
    levels: 'region,product_line,customer_type',
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const Narrow: Story = { args: { width: '360px' } };

export const Budget: Story = {
  args: {
    src: 'fixtures/template/budget.csv',
    levels: '模块,动作',
    target: '预算',
    actual: '已花费',
    direction: 'lower',
  },
};

/** Spend judged against the calendar: half of Q3 gone on 15 Aug, so spending past half the budget is over pace. */
export const BudgetPace: Story = {
  args: {
    src: 'fixtures/template/budget.en.csv',
    lang: 'en',
    levels: 'module,action',
    direction: 'lower',
    asOf: '2024-08-15',
    period: '2024-Q3',
  },
};

/** The regions add up to 500万 while the plan states 520万: the gap is named above the map. */
export const SplitShort: Story = { args: { levels: '区域,产品线', totalTarget: '520万' } };

/** Waits for a data source that this page never defines (after 15 s it says so). */
export const Loading: Story = { args: { source: 'a-source-still-loading' } };

export const Empty: Story = { args: { rows: [] } };

export const ErrorMissingFile: Story = {
  args: { src: 'fixtures/template/no-such-targets.csv' },
};

const generated = {
  lang: 'en',
  levels: 'region,product_line,customer_type',
  target: 'target_share',
  actual: 'amount',
} as const;

/**
 * 100k generated sales rows (CSV), summed in the engine (GROUP BY the levels). Needs the
 * generated files (`npx tsx fixtures/generate.ts`), which `storybook dev` serves at
 * `/fixtures/generated/`; the static build does not carry them.
 */
export const GeneratedSales100k: Story = {
  args: { ...generated, src: '/fixtures/generated/sales_100000.csv' },
};

/** The 1M-row Parquet facts, read column by column into the engine (generated files, as above). */
export const GeneratedSales1M: Story = {
  args: { ...generated, src: '/fixtures/generated/sales_1000000.parquet' },
};
/** The file was read once, then a refresh could not reach it: the tiles stay, marked stale. */
export const Stale: Story = {
  args: { src: undefined, source: 'regions_stale_story' },
  render: (args, context) =>
    html`${staleSource('regions_stale_story', 'fixtures/template/region_targets.csv')}${meta.render?.(args, context)}`,
};

/** Dated notes in a tile's details and in the data table, by dimension path. */
export const WithNotes: Story = { args: { notes: 'fixtures/template/notes.csv' } };
