import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { manifestArgs } from './manifest-args';
import { staleSource } from './stale-source';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';

interface ScorecardArgs {
  src?: string;
  source?: string;
  data?: readonly Record<string, string>[];
  lang: 'zh-CN' | 'en';
  compact: boolean;
  exportable: boolean;
  theme: 'auto' | 'light' | 'dark';
  width?: number;
  /** A dated notes source (`notes`). */
  notes?: string;
}

const meta: Meta<ScorecardArgs> = {
  title: 'Widgets/Scorecard',
  component: 'sx-scorecard',
  args: {
    src: '/fixtures/template/evaluation.csv',
    lang: 'zh-CN',
    compact: false,
    exportable: false,
    theme: 'auto',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  render: (args) =>
    html`<div style=${styleMap({ width: args.width ? `${args.width}px` : undefined })}>
      <sx-scorecard
        src=${ifDefined(args.src)}
        source=${ifDefined(args.source)}
        .data=${args.data}
        lang=${args.lang}
        ?compact=${args.compact}
        ?exportable=${args.exportable}
        notes=${ifDefined(args.notes)}
        theme=${ifDefined(args.theme === 'auto' ? undefined : args.theme)}
        ${manifestArgs(args)}
      ></sx-scorecard>
    </div>`,
};
export default meta;

type Story = StoryObj<ScorecardArgs>;

export const Chinese: Story = {};
export const English: Story = { args: { src: '/fixtures/template/evaluation.en.csv', lang: 'en' } };
export const Compact: Story = { args: { compact: true } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow: Story = { args: { width: 360 } };
export const WithExports: Story = { args: { exportable: true } };
export const GbkExport: Story = { args: { src: '/fixtures/template/evaluation.gbk.csv' } };
/** Waits for a source that no element defines: loading, then after 15 s the error that names it. */
export const Loading: Story = { args: { src: undefined, source: 'evaluation-not-yet-defined' } };
export const Empty: Story = { args: { src: undefined, data: [] } };
/** A cell that is not a number is counted and named, never dropped. */
export const UnreadableCell: Story = {
  args: {
    src: undefined,
    lang: 'en',
    data: [
      { dimension: 'revenue', target: '500万元', actual: '540万元' },
      { dimension: 'store visits', target: '40', actual: 'about thirty' },
    ],
  },
};
export const MissingFile: Story = { args: { src: '/fixtures/template/no-such-file.csv' } };

/** The quarter to date of a daily KPI export, declared: amounts summed, rates averaged, no SQL. */
export const QuarterToDate: Story = {
  render: (args) =>
    html`<sx-data-source
        name="kpi_daily"
        src="/fixtures/template/kpi_daily_2024q3.csv"
      ></sx-data-source>
      <sx-scorecard
        source="kpi_daily"
        rollup="kpi-to-date"
        lang=${args.lang}
        compact
      ></sx-scorecard>`,
};

/**
 * The same figures written as SQL in the `query` attribute: any rows the SQL returns that
 * have a dimension, a target and an actual. The widget waits for the database to start.
 */
export const QuarterToDateBySql: Story = {
  render: (args) =>
    html`<sx-data-source
        name="kpi_daily_sql"
        src="/fixtures/template/kpi_daily_2024q3.csv"
      ></sx-data-source>
      <sx-scorecard
        lang=${args.lang}
        compact
        query="SELECT 指标 AS 评估维度, any_value(目标值) || any_value(单位) AS 目标值,
          CASE WHEN any_value(单位) = '%'
            THEN round(avg(CAST(实际值 AS DOUBLE)), 1)::VARCHAR || '%'
            ELSE CAST(sum(CAST(实际值 AS DOUBLE)) AS BIGINT)::VARCHAR || any_value(单位)
          END AS 实际值
          FROM kpi_daily_sql GROUP BY 指标 ORDER BY 指标"
      ></sx-scorecard>`,
};
/** The file was read once, then a refresh could not reach it: the rows stay, marked stale. */
export const Stale: Story = {
  args: { src: undefined, source: 'evaluation_card_stale_story' },
  render: (args, context) =>
    html`${staleSource('evaluation_card_stale_story', '/fixtures/template/evaluation.csv')}${meta.render?.(args, context)}`,
};

/** Dated notes under each row, latest first, and in the data table. */
export const WithNotes: Story = { args: { notes: '/fixtures/template/notes.csv' } };
