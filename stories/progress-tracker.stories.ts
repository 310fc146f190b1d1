import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { manifestArgs } from './manifest-args';
import { staleSource } from './stale-source';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';

interface TrackerArgs {
  src?: string;
  source?: string;
  data?: Record<string, string>[];
  lang: 'zh-CN' | 'en';
  asOf: string;
  theme: 'auto' | 'light' | 'dark';
  sort: 'table' | 'end' | 'lag' | 'owner';
  lagThreshold?: number;
  width?: number;
}

/** A year of launch work for one region, written the way a team fills the template in. */
const yearPlan: Record<string, string>[] = [
  ['市场调研与竞品分析', '张三', '2025-01-06', '2025-02-28', '100%（报告已提交）'],
  ['提炼三大核心卖点', '产品经理', '2025-02-10', '2025-03-31', '100%'],
  ['签约三家区域经销商', '渠道经理', '2025-03-01', '2025-07-30', '45%（已签1家）'],
  ['五场行业直播', '赵六', '2025-06-01', '2025-08-31', '40%（已办2场）'],
  ['华东区客户拜访', '李四', '2025-04-01', '2025-09-30', '50%（已拜访60家）'],
  ['经销商培训', '王五', '2025-08-01', '2025-10-31', '未开始'],
  ['年度展会', '市场部', '2025-10-15', '2025-11-15', '未开始'],
  ['年度复盘与下年目标', '张三', '2025-12-01', '2025-12-31', '未开始'],
].map(([task = '', owner = '', start = '', end = '', progress = '']) => ({
  任务名称: task,
  负责人: owner,
  计划开始时间: start,
  计划结束时间: end,
  '实际进度（%/完成状态）': progress,
}));

const meta: Meta<TrackerArgs> = {
  title: 'Widgets/Progress tracker',
  component: 'sx-progress-tracker',
  args: {
    src: 'fixtures/template/progress.csv',
    lang: 'zh-CN',
    asOf: '2024-06-25',
    theme: 'auto',
    sort: 'table',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    sort: { control: 'inline-radio', options: ['table', 'end', 'lag', 'owner'] },
    asOf: { control: 'text' },
    lagThreshold: { control: { type: 'number', min: 0, max: 100 } },
  },
  render: (args) =>
    html`<div style=${styleMap({ width: args.width ? `${args.width}px` : undefined })}>
      <sx-progress-tracker
        src=${ifDefined(args.src)}
        source=${ifDefined(args.source)}
        .data=${args.data}
        lang=${args.lang}
        as-of=${args.asOf}
        sort=${args.sort}
        lag-threshold=${ifDefined(args.lagThreshold)}
        theme=${ifDefined(args.theme === 'auto' ? undefined : args.theme)}
        ${manifestArgs(args)}
      ></sx-progress-tracker>
    </div>`,
};
export default meta;

type Story = StoryObj<TrackerArgs>;

export const Chinese: Story = {};
export const English: Story = { args: { src: 'fixtures/template/progress.en.csv', lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Narrow: Story = { args: { width: 360 } };
export const GbkExport: Story = { args: { src: 'fixtures/template/progress.gbk.csv' } };
export const YearLongPlan: Story = {
  args: { src: undefined, data: yearPlan, asOf: '2025-07-15', sort: 'lag' },
};
/** Waits for a source that no element defines: loading, then after 15 s the error that names it. */
export const Loading: Story = { args: { src: undefined, source: 'tasks-not-yet-defined' } };
export const Empty: Story = { args: { src: undefined, data: [] } };
export const MissingFile: Story = { args: { src: 'fixtures/template/no-such-file.csv' } };
/** The file was read once, then a refresh could not reach it: the tasks stay, marked stale. */
export const Stale: Story = {
  args: { src: undefined, source: 'progress_stale_story' },
  render: (args, context) =>
    html`${staleSource('progress_stale_story', 'fixtures/template/progress.csv')}${meta.render?.(args, context)}`,
};
