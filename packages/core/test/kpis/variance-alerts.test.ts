import { describe, expect, it } from 'vitest';
import {
  alertSummary,
  countBySeverity,
  gatherAlerts,
  paceKpiSeries,
  severityLabel,
  severityOf,
  trackProgress,
} from '@stratex/core';
import type { BudgetAlert } from '@stratex/core';

const day = (date: string, metric: string, actual: string, target: string, unit: string) => ({
  日期: date,
  指标: metric,
  实际值: actual,
  目标值: target,
  单位: unit,
});

const kpis = paceKpiSeries(
  [
    day('2024-07-01', '销售额', '80', '1000', '元'),
    day('2024-07-01', '线索转化率', '5', '15', '%'),
    day('2024-07-01', '直播线索', '20', '100', '条'),
    day('2024-07-10', '销售额', '0', '1000', '元'),
  ],
  { asOf: '2024-07-01', period: { start: '2024-07-01', end: '2024-07-10' } },
).kpis;

const progress = [
  {
    任务名称: '展会物料设计',
    计划开始时间: '2024/6/1',
    计划结束时间: '2024年6月10日',
    '实际进度（%/完成状态）': '90%（设计中）',
  },
  {
    任务名称: '华东区客户拜访',
    计划开始时间: '2024/6/1',
    计划结束时间: '2024年6月30日',
    '实际进度（%/完成状态）': '60%（已拜访18家）',
  },
  {
    任务名称: '直播线索跟进',
    计划开始时间: '2024/6/15',
    计划结束时间: '2024年6月20日',
    '实际进度（%/完成状态）': '100%（已完成500条）',
  },
];

const overSpent: BudgetAlert = {
  issue: 'over-spent',
  module: '渠道策略',
  severity: 'critical',
  reason: '渠道策略 超支 2万',
  ratio: 1.13,
  amount: 170_000,
  budget: 150_000,
};

describe('gatherAlerts', () => {
  it('orders by severity, then KPIs, tasks and budget, then distance from plan', () => {
    const tasks = trackProgress(progress, { asOf: '2024-06-25' }).tasks;
    const alerts = gatherAlerts({ kpis, tasks, budget: [overSpent] });
    expect(alerts.map((alert) => [alert.kind, alert.subject, alert.severity])).toEqual([
      ['kpi', '线索转化率', 'critical'],
      ['kpi', '销售额', 'critical'],
      ['task', '展会物料设计', 'critical'],
      ['budget', '渠道策略', 'critical'],
      ['task', '华东区客户拜访', 'warning'],
      ['kpi', '直播线索', 'on-track'],
    ]);
  });

  it('leaves out tasks that are done, on track or not started', () => {
    const tasks = trackProgress(progress, { asOf: '2024-06-18' }).tasks;
    expect(gatherAlerts({ tasks }).map((alert) => alert.subject)).toEqual(['展会物料设计']);
  });
});

describe('severity words', () => {
  it('maps statuses and counts them', () => {
    expect(severityOf('off-track')).toBe('critical');
    expect(severityOf('at-risk')).toBe('warning');
    expect(severityLabel('critical', 'zh-CN')).toBe('严重');
    expect(severityLabel('on-track', 'en')).toBe('on track');
    const counts = countBySeverity(gatherAlerts({ kpis }));
    expect(counts).toEqual({ critical: 2, warning: 0, unknown: 0, 'on-track': 1 });
  });

  it('summarises in both languages', () => {
    expect(alertSummary({ critical: 2, warning: 1, unknown: 0, 'on-track': 1 }, 'en')).toBe(
      '2 critical, 1 warning',
    );
    expect(alertSummary({ critical: 1, warning: 2, unknown: 1, 'on-track': 0 }, 'zh-CN')).toBe(
      '1 项严重，2 项预警，1 项无法判断',
    );
    expect(alertSummary({ critical: 0, warning: 3, unknown: 0, 'on-track': 0 }, 'en')).toBe(
      '3 warnings',
    );
    expect(alertSummary({ critical: 0, warning: 0, unknown: 0, 'on-track': 4 }, 'zh-CN')).toBe(
      '全部正常',
    );
  });
});
