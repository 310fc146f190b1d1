import { describe, expect, it } from 'vitest';
import { expectedProgress, progressLag, readProgress, trackProgress } from '@stratex/core';

const template = [
  {
    任务名称: '展会物料设计',
    负责人: '**',
    计划开始时间: '2024-06-01',
    计划结束时间: '2024-06-10',
    '实际进度（%/完成状态）': '90%（设计中）',
    风险点: '设计师请假',
    解决措施: '协调其他设计师支援',
  },
  {
    任务名称: '华东客户拜访',
    负责人: '**',
    计划开始时间: '2024-06-01',
    计划结束时间: '2024-06-30',
    '实际进度（%/完成状态）': '60%（已拜访18家）',
    风险点: '暴雨天气',
    解决措施: '改为视频拜访',
  },
  {
    任务名称: '直播线索跟进',
    负责人: '赵六',
    计划开始时间: '2024-06-15',
    计划结束时间: '2024-06-20',
    '实际进度（%/完成状态）': '100%（已完成500条）',
    风险点: '线索质量低',
    解决措施: '增加筛选环节',
  },
];

describe('readProgress', () => {
  it.each([
    ['90%（设计中）', 0.9, '设计中'],
    ['60%', 0.6, undefined],
    ['60', 0.6, undefined],
    ['0.6', 0.6, undefined],
    ['已完成', 1, '已完成'],
    ['未开始', 0, '未开始'],
    ['进行中', null, '进行中'],
    ['', null, undefined],
  ] as const)('%s → %s', (raw, value, note) => {
    expect(readProgress(raw)).toEqual(note === undefined ? { value } : { value, note });
  });
});

describe('expectedProgress', () => {
  it('grows linearly from planned start to planned end', () => {
    expect(expectedProgress('2024-06-01', '2024-06-30', '2024-06-25')).toBeCloseTo(25 / 30, 12);
    expect(expectedProgress('2024-06-01', '2024-06-30', '2024-05-31')).toBe(0);
    expect(expectedProgress('2024-06-01', '2024-06-30', '2024-07-31')).toBe(1);
    expect(expectedProgress('2024-06-10', '2024-06-01', '2024-06-05')).toBeNull();
  });
});

describe('trackProgress', () => {
  it('finds the East China visits lagging and the livestream follow-up done on 25 June', () => {
    const report = trackProgress(template, { asOf: '2024-06-25' });
    const [design, visits, livestream] = report.tasks;
    expect(design).toMatchObject({
      state: 'overdue',
      status: 'off-track',
      daysLate: 15,
      actual: 0.9,
    });
    expect(design?.note).toBe('设计中');
    expect(visits).toMatchObject({ state: 'lagging', status: 'at-risk', actual: 0.6 });
    expect(visits?.expected).toBeCloseTo(0.8333, 4);
    expect(visits?.lag).toBeCloseTo(0.2333, 4);
    expect(visits?.reason).toBe('华东客户拜访 进度 60%，截至6月25日应达 83%（落后 23 个百分点）');
    expect(livestream).toMatchObject({ state: 'done', status: 'on-track', owner: '赵六' });
    expect(visits).toMatchObject({ risk: '暴雨天气', mitigation: '改为视频拜访', sourceRow: 2 });
    expect(report.unreadable).toEqual([]);
  });

  it('judges each task on its own dates', () => {
    const onTheirDates = trackProgress(template, { asOf: '2024-06-10', lang: 'en' }).tasks;
    expect(onTheirDates.map((task) => task.state)).toEqual(['lagging', 'on-track', 'done']);
    expect(onTheirDates[0]?.expected).toBe(1);
    expect(onTheirDates[1]?.reason).toBe('华东客户拜访 at 60%, expected 33% by Jun 10');
  });

  it('reports unreadable dates and progress and skips blank rows', () => {
    const report = trackProgress(
      [
        { task: 'A', planned_start: 'soon', planned_end: '2024-06-30', progress: 'half' },
        { task: '', planned_start: '', planned_end: '', progress: '' },
      ],
      { asOf: '2024-06-25', lang: 'en' },
    );
    expect(report.tasks).toHaveLength(1);
    expect(report.tasks[0]?.state).toBe('unknown');
    expect(report.unreadable.map((cell) => cell.column)).toEqual(['planned_start', 'progress']);
  });

  it('reports missing columns', () => {
    const report = trackProgress([{ 任务名称: 'A', 进度: '10%' }], { asOf: '2024-06-25' });
    expect(report.resolution.missing).toEqual(['planned_start', 'planned_end']);
    expect(report.tasks).toEqual([]);
  });
});

describe('progressLag', () => {
  const plan = {
    task: 'visits',
    plannedStart: '2024-06-01',
    plannedEnd: '2024-06-30',
    progress: 0.6,
  };

  it('flags a task whose end is before its start', () => {
    const lag = progressLag({ ...plan, plannedEnd: '2024-05-01' }, '2024-06-25', { lang: 'en' });
    expect(lag).toMatchObject({ state: 'unknown', status: 'unknown' });
    expect(lag.reason).toBe('visits has a planned end before its start');
  });

  it('says when a task has not started yet', () => {
    const lag = progressLag({ ...plan, progress: 0 }, '2024-05-20', { lang: 'en' });
    expect(lag).toMatchObject({ state: 'not-started', expected: 0, reason: 'visits starts Jun 1' });
  });

  it('flags a task that should have started', () => {
    expect(progressLag({ ...plan, progress: 0 }, '2024-06-10').state).toBe('lagging');
  });

  it('accepts a wider tolerance', () => {
    expect(progressLag(plan, '2024-06-25', { tolerance: 0.25 }).state).toBe('on-track');
  });

  it('counts overdue days and handles missing dates', () => {
    expect(progressLag(plan, '2024-07-02', { lang: 'en' })).toMatchObject({
      state: 'overdue',
      daysLate: 2,
      reason: 'visits overdue by 2 days at 60% (planned end Jun 30)',
    });
    expect(progressLag({ task: 'x', progress: 0.5 }, '2024-07-02').state).toBe('unknown');
  });
});
