import { describe, expect, it } from 'vitest';
import {
  countByState,
  filterTasks,
  formatCalendarTick,
  sortTasks,
  taskOwners,
  trackProgress,
} from '@stratex/core';

const template = [
  {
    任务名称: '展会物料设计',
    负责人: '**',
    计划开始时间: '2024/6/1',
    计划结束时间: '2024年6月10日',
    '实际进度（%/完成状态）': '90%（设计中）',
  },
  {
    任务名称: '华东区客户拜访',
    负责人: '**',
    计划开始时间: '2024/6/1',
    计划结束时间: '2024年6月30日',
    '实际进度（%/完成状态）': '60%（已拜访18家）',
  },
  {
    任务名称: '直播线索跟进',
    负责人: '赵六',
    计划开始时间: '2024/6/15',
    计划结束时间: '2024年6月20日',
    '实际进度（%/完成状态）': '100%（已完成500条）',
  },
  {
    任务名称: '渠道签约',
    负责人: '',
    计划开始时间: '2024/7/1',
    计划结束时间: '2024年7月30日',
    '实际进度（%/完成状态）': '未开始',
  },
  {
    任务名称: '经销商培训',
    负责人: '王五',
    计划开始时间: '',
    计划结束时间: '',
    '实际进度（%/完成状态）': '10%',
  },
];

const { tasks } = trackProgress(template, { asOf: '2024-06-25' });
const names = (list: readonly { task: string }[]): string[] => list.map((task) => task.task);

describe('sortTasks', () => {
  it('keeps the table order by default and does not change its input', () => {
    expect(names(sortTasks(tasks, 'table'))).toEqual(names(tasks));
    sortTasks(tasks, 'lag');
    expect(tasks[0]?.task).toBe('展会物料设计');
  });

  it('orders by planned end, undated tasks last', () => {
    expect(names(sortTasks(tasks, 'end'))).toEqual([
      '展会物料设计',
      '直播线索跟进',
      '华东区客户拜访',
      '渠道签约',
      '经销商培训',
    ]);
  });

  it('puts the task most behind its expected progress first', () => {
    // 华东 60 % against 25/30 ≈ 83 %: 23 points; 展会 90 % against 100 %: 10 points.
    expect(names(sortTasks(tasks, 'lag')).slice(0, 2)).toEqual(['华东区客户拜访', '展会物料设计']);
    expect(sortTasks(tasks, 'lag').at(-1)?.task).toBe('经销商培训');
  });

  it('orders by owner, tasks without one last, ties in table order', () => {
    expect(sortTasks(tasks, 'owner', 'en').map((task) => task.owner ?? '')).toEqual([
      '**',
      '**',
      '王五',
      '赵六',
      '',
    ]);
  });
});

describe('filterTasks, taskOwners, countByState', () => {
  it('filters by owner, by state, and by both', () => {
    expect(names(filterTasks(tasks, { owner: '**' }))).toEqual(['展会物料设计', '华东区客户拜访']);
    expect(names(filterTasks(tasks, { owner: '' }))).toEqual(['渠道签约']);
    expect(names(filterTasks(tasks, { state: 'done' }))).toEqual(['直播线索跟进']);
    expect(filterTasks(tasks, { owner: '赵六', state: 'lagging' })).toEqual([]);
    expect(filterTasks(tasks, {})).toHaveLength(5);
  });

  it('lists each owner once, the unnamed owner last', () => {
    expect(taskOwners(tasks)).toEqual(['**', '王五', '赵六', '']);
  });

  it('counts the template tasks by state on 25 June', () => {
    expect(countByState(tasks)).toEqual({
      overdue: 1,
      lagging: 1,
      'on-track': 0,
      'not-started': 1,
      done: 1,
      unknown: 1,
    });
  });
});

describe('formatCalendarTick', () => {
  it.each([
    ['2024-06-10', 'day', 'zh-CN', '6月10日'],
    ['2024-06-10', 'day', 'en', 'Jun 10'],
    ['2024-06-01', 'month', 'zh-CN', '6月'],
    ['2024-06-01', 'month', 'en', 'Jun'],
    ['2025-01-01', 'year', 'zh-CN', '2025年'],
    ['2025-01-01', 'year', 'en', '2025'],
  ] as const)('%s as %s in %s → %s', (iso, unit, lang, label) => {
    expect(formatCalendarTick(iso, unit, lang)).toBe(label);
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatCalendarTick('soon', 'month', 'en')).toBe('soon');
  });
});
