import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/*
 * Drill-through: every figure opens the source rows behind it. The "source rows" button under
 * a treemap, scorecard, alert list or task list (click, Enter or Space) opens the panel on the
 * focused tile, row, alert or task; `drillThrough(figure)` does it by script. A page that
 * handles `sx-drill-through` and calls `preventDefault()` shows its own view instead.
 */

interface DrillArgs {
  widget: 'sx-target-treemap' | 'sx-scorecard' | 'sx-variance-alerts' | 'sx-progress-tracker';
  src: string;
  levels?: string;
  target?: string;
  asOf?: string;
  lang: 'zh-CN' | 'en';
  /** A figure to open as soon as the rows are read, e.g. `{ 区域: '华东' }`. */
  open?: Readonly<Record<string, string>>;
  /** The page takes the drill-through over and says what it would open. */
  pageTakesOver: boolean;
}

type Drillable = HTMLElement & {
  drillThrough(figure?: Readonly<Record<string, string>>): Promise<boolean>;
};

function openOnLoad(figure: DrillArgs['open']) {
  return (event: Event): void => {
    if (figure) void (event.target as Drillable).drillThrough(figure);
  };
}

function takeOver(enabled: boolean) {
  return (event: Event): void => {
    if (!enabled) return;
    event.preventDefault();
    const { detail } = event as CustomEvent<{ filters: Record<string, string> }>;
    const said = document.querySelector('#page-view');
    if (said) said.textContent = `The page's own view: ${JSON.stringify(detail.filters)}`;
  };
}

function widget(args: DrillArgs): TemplateResult {
  const common = {
    load: openOnLoad(args.open),
    drill: takeOver(args.pageTakesOver),
  };
  switch (args.widget) {
    case 'sx-target-treemap':
      return html`<sx-target-treemap
        src=${args.src}
        levels=${ifDefined(args.levels)}
        target=${ifDefined(args.target)}
        lang=${args.lang}
        @sx-data-load=${common.load}
        @sx-drill-through=${common.drill}
      ></sx-target-treemap>`;
    case 'sx-scorecard':
      return html`<sx-scorecard
        src=${args.src}
        lang=${args.lang}
        @sx-data-load=${common.load}
        @sx-drill-through=${common.drill}
      ></sx-scorecard>`;
    case 'sx-variance-alerts':
      return html`<sx-variance-alerts
        src=${args.src}
        as-of=${ifDefined(args.asOf)}
        lang=${args.lang}
        @sx-data-load=${common.load}
        @sx-drill-through=${common.drill}
      ></sx-variance-alerts>`;
    case 'sx-progress-tracker':
      return html`<sx-progress-tracker
        src=${args.src}
        as-of=${ifDefined(args.asOf)}
        lang=${args.lang}
        @sx-data-load=${common.load}
        @sx-drill-through=${common.drill}
      ></sx-progress-tracker>`;
  }
}

const meta: Meta<DrillArgs> = {
  title: 'Features/Drill-through',
  args: {
    widget: 'sx-target-treemap',
    src: '/fixtures/template/region_targets.csv',
    levels: '区域,产品线,客户类型',
    lang: 'zh-CN',
    pageTakesOver: false,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: (args) =>
    html`<div style="width: 720px">
      ${widget(args)}
      <p id="page-view" aria-live="polite"></p>
    </div>`,
};
export default meta;

type Story = StoryObj<DrillArgs>;

/** Focus a tile, then press the "source rows" button under the map. */
export const TreemapTile: Story = {};
/** The scorecard of the GBK export: 540万元 as written beside 5,400,000 read. */
export const ScorecardRowGbk: Story = {
  args: { widget: 'sx-scorecard', src: '/fixtures/template/evaluation.gbk.csv', lang: 'en' },
};
export const KpiAlert: Story = {
  args: {
    widget: 'sx-variance-alerts',
    src: '/fixtures/template/kpi_daily_2024q3.csv',
    asOf: '2024-08-15',
  },
};
export const Task: Story = {
  args: {
    widget: 'sx-progress-tracker',
    src: '/fixtures/template/progress.csv',
    asOf: '2024-06-18',
  },
};
/** A Parquet file: each row's number in the file instead of a line. */
export const ParquetTile: Story = {
  args: {
    src: '/fixtures/parquet/sales_sample.zstd.parquet',
    levels: 'region,product_line',
    target: 'amount',
    lang: 'en',
  },
};
/** The panel opened on East China as soon as the rows are read. */
export const OpenedOnEastChina: Story = { args: { open: { 区域: '华东' } } };
/** The page handles `sx-drill-through` itself: no panel, its own view instead. */
export const PageTakesOver: Story = { args: { pageTakesOver: true, open: { 区域: '华北' } } };
