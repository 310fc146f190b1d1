import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { manifestArgs } from './manifest-args';
import { staleSource } from './stale-source';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';

interface AlertsArgs {
  src?: string;
  source?: string;
  data?: Record<string, string>[];
  lang: 'zh-CN' | 'en';
  asOf: string;
  theme: 'auto' | 'light' | 'dark';
  warningBelow: number;
  criticalBelow: number;
  tasksSrc?: string;
  budgetSrc?: string;
  maxAlerts?: number;
  width?: number;
  /** A dated notes source (`notes`). */
  notes?: string;
}

const meta: Meta<AlertsArgs> = {
  title: 'Widgets/Variance alerts',
  component: 'sx-variance-alerts',
  args: {
    src: 'fixtures/template/kpi_daily_2024q3.csv',
    lang: 'zh-CN',
    asOf: '2024-08-15',
    theme: 'auto',
    warningBelow: 1,
    criticalBelow: 0.85,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    asOf: { control: 'text' },
    warningBelow: { control: { type: 'number', min: 0, max: 1.5, step: 0.05 } },
    criticalBelow: { control: { type: 'number', min: 0, max: 1.5, step: 0.05 } },
    maxAlerts: { control: { type: 'number', min: 1, max: 20 } },
  },
  render: (args) =>
    html`<div style=${styleMap({ width: args.width ? `${args.width}px` : undefined })}>
      <sx-variance-alerts
        src=${ifDefined(args.src)}
        source=${ifDefined(args.source)}
        .data=${args.data}
        lang=${args.lang}
        as-of=${args.asOf}
        warning-below=${args.warningBelow}
        critical-below=${args.criticalBelow}
        tasks-src=${ifDefined(args.tasksSrc)}
        budget-src=${ifDefined(args.budgetSrc)}
        max-alerts=${ifDefined(args.maxAlerts)}
        notes=${ifDefined(args.notes)}
        theme=${ifDefined(args.theme === 'auto' ? undefined : args.theme)}
        ${manifestArgs(args)}
      ></sx-variance-alerts>
    </div>`,
};
export default meta;

type Story = StoryObj<AlertsArgs>;

export const Chinese: Story = {};
export const English: Story = {
  args: { src: 'fixtures/template/kpi_daily_2024q3.en.csv', lang: 'en' },
};
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow: Story = { args: { width: 360 } };
/** Q3 KPIs with the tasks of the progress table (overdue by August) and the budget's alerts. */
export const WithTasksAndBudget: Story = {
  args: {
    tasksSrc: 'fixtures/template/progress.csv',
    budgetSrc: 'fixtures/template/budget.csv',
  },
};
/** In late June the quarter has not started; the tasks of the progress table are what lags. */
export const WithTasks: Story = {
  args: { asOf: '2024-06-25', tasksSrc: 'fixtures/template/progress.csv' },
};
export const GbkExport: Story = { args: { src: 'fixtures/template/kpi_daily_2024q3.gbk.csv' } };
/** Waits for a source that no element defines: loading, then after 15 s the error that names it. */
export const Loading: Story = { args: { src: undefined, source: 'kpis-not-yet-defined' } };
export const Empty: Story = { args: { src: undefined, data: [] } };
export const MissingFile: Story = { args: { src: 'fixtures/template/no-such-kpis.csv' } };
/** The file was read once, then a refresh could not reach it: the alerts stay, marked stale. */
export const Stale: Story = {
  args: { src: undefined, source: 'kpis_stale_story' },
  render: (args, context) =>
    html`${staleSource('kpis_stale_story', 'fixtures/template/kpi_daily_2024q3.csv')}${meta.render?.(args, context)}`,
};

/** Dated notes in each alert, latest first, and in the data table. */
export const WithNotes: Story = { args: { notes: 'fixtures/template/notes.csv' } };
