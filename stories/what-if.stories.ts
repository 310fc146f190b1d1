import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { splitBudget, TEMPLATE_BUDGET_SPLIT } from '@stratex/core';
import { html } from 'lit';
import { manifestArgs } from './manifest-args';
import { ifDefined } from 'lit/directives/if-defined.js';

interface WhatIfArgs {
  lang: 'zh-CN' | 'en';
  /** The reserve edits may draw on, e.g. `10%` or `50万`. */
  reserve?: string;
  width: string;
}

/**
 * What-if reallocation: type a tile's new target in the panel below the map; the difference
 * comes from the other regions in proportion, from the reserve, or raises the total. The
 * scorecard and the alerts read the same source, so they recompute with every edit. Nothing
 * is written back to the file.
 */
const meta: Meta<WhatIfArgs> = {
  title: 'What-if/Reallocation',
  component: 'sx-target-treemap',
  args: { lang: 'zh-CN', reserve: '10%', width: '760px' },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: (args) => html`
    <sx-data-source
      name="what-if-regions"
      src="fixtures/template/region_targets.csv"
    ></sx-data-source>
    <div style="display: grid; gap: 16px; max-width: ${args.width}">
      <sx-target-treemap
        source="what-if-regions"
        levels="区域,产品线"
        lang=${args.lang}
        what-if
        what-if-reserve=${ifDefined(args.reserve)}
        ${manifestArgs(args)}
      ></sx-target-treemap>
    </div>
  `,
};
export default meta;

type Story = StoryObj<WhatIfArgs>;

/** The template's regions, 500万 in all, with 10 % kept as contingency. */
export const Regions: Story = {};

export const English: Story = { args: { lang: 'en', reserve: '50万' } };

/** One region a row with its day, target and actual: what the treemap, the scorecard and the alerts all read. */
const regionsToDate = [
  '区域,日期,目标值,实际值,权重',
  '华东,2024-08-15,150万,80万,0.3',
  '华北,2024-08-15,110万,52万,0.25',
  '华南,2024-08-15,100万,55万,0.2',
  '华中,2024-08-15,80万,33万,0.15',
  '西南,2024-08-15,60万,31万,0.1',
].join('\n');

/** An edit on the map moves the scorecard's weighted score and the alerts at once. */
export const WithScorecardAndAlerts: Story = {
  render: (args) => {
    const src = URL.createObjectURL(new Blob([regionsToDate], { type: 'text/csv' }));
    return html`
      <sx-data-source name="what-if-to-date" src=${src}></sx-data-source>
      <div style="display: grid; gap: 16px; max-width: ${args.width}">
        <sx-target-treemap
          source="what-if-to-date"
          levels="区域"
          period-start="2024-07-01"
          period-end="2024-09-30"
          as-of="2024-08-15"
          lang=${args.lang}
          what-if
          what-if-reserve=${ifDefined(args.reserve)}
        ></sx-target-treemap>
        <sx-scorecard
          source="what-if-to-date"
          dimension-column="区域"
          period-start="2024-07-01"
          period-end="2024-09-30"
          as-of="2024-08-15"
          lang=${args.lang}
        ></sx-scorecard>
        <sx-variance-alerts
          source="what-if-to-date"
          metric-column="区域"
          period-start="2024-07-01"
          period-end="2024-09-30"
          as-of="2024-08-15"
          lang=${args.lang}
        ></sx-variance-alerts>
      </div>
    `;
  },
};

/**
 * The template's budget split — promotion 40 %, channel support 30 %, training 10 %, 20 %
 * contingency — of 100万: raising a module draws on the contingency, which is then checked
 * against the 10–20 % guidance.
 */
export const BudgetSplit: Story = {
  render: (args) =>
    html`<div style="max-width: ${args.width}">
      <sx-target-treemap
        .data=${splitBudget(1_000_000, TEMPLATE_BUDGET_SPLIT).map((line) => ({
          模块: line.module,
          预算: String(line.planned),
        }))}
        levels="模块"
        target="预算"
        direction="lower"
        lang=${args.lang}
        what-if
      ></sx-target-treemap>
    </div>`,
};
