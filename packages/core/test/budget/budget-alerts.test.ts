import { describe, expect, it } from 'vitest';
import { allocateBudget, budgetAlerts, budgetFromStrategy } from '@stratex/core';

/** budget.csv as DuckDB reads it: every cell text, thousands separators kept. */
const budgetCsv = [
  { 模块: '产品策略', 动作: '提炼3个核心卖点', 预算: '20,000', 已花费: '18,600' },
  { 模块: '渠道策略', 动作: '签约3家区域经销商', 预算: '150,000', 已花费: '62,000' },
  { 模块: '推广策略', 动作: '开展5场行业线上直播', 预算: '100,000', 已花费: '80,000' },
  { 模块: '预备金', 动作: '应急预留（三项预算合计的15%）', 预算: '40,500', 已花费: '6,000' },
];

const alertsFor = (records: typeof budgetCsv, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  budgetAlerts(allocateBudget(budgetFromStrategy(records, { lang }).lines, { lang }), { lang });

describe('budgetAlerts', () => {
  it('flags the template budget line that is nearly used up, and nothing else', () => {
    expect(alertsFor(budgetCsv)).toEqual([
      {
        issue: 'nearly-spent',
        module: '产品策略',
        severity: 'warning',
        ratio: 0.93,
        amount: 18_600,
        budget: 20_000,
        reason: '产品策略 已用预算的 93%：已花费 1.86万，预算 2万，剩余 1,400',
      },
    ]);
  });

  it('raises over-spending as critical, worst first, in English too', () => {
    const records = budgetCsv.map((row) =>
      row.模块 === '渠道策略' ? { ...row, 已花费: '170,000' } : row,
    );
    const alerts = alertsFor(records, 'en');
    expect(alerts.map((alert) => [alert.issue, alert.module, alert.severity])).toEqual([
      ['over-spent', '渠道策略', 'critical'],
      ['nearly-spent', '产品策略', 'warning'],
    ]);
    expect(alerts[0]?.reason).toBe('渠道策略 over budget by 20K: 170K spent of 150K');
  });

  it('warns when the contingency is outside 10–20 % of the budget', () => {
    const records = budgetCsv.map((row) =>
      row.模块 === '预备金' ? { ...row, 预算: '5,000', 已花费: '0' } : row,
    );
    const contingency = alertsFor(records).find(
      (alert) => alert.issue === 'contingency-outside-guidance',
    );
    expect(contingency).toMatchObject({
      module: '预备金',
      severity: 'warning',
      amount: 5_000,
      budget: 275_000,
    });
    expect(contingency?.reason).toBe('预备金占 2%，低于建议的 10–20%');
    const without = alertsFor(
      budgetCsv.filter((row) => row.模块 !== '预备金'),
      'en',
    );
    expect(without.at(-1)).toMatchObject({ module: 'contingency', severity: 'warning' });
  });

  it('takes its own threshold for "nearly spent"', () => {
    const allocation = allocateBudget(budgetFromStrategy(budgetCsv).lines);
    expect(budgetAlerts(allocation, { nearlySpentFrom: 0.95 })).toEqual([]);
    expect(budgetAlerts(allocation, { nearlySpentFrom: 0.8 }).map((a) => a.module)).toEqual([
      '产品策略',
      '推广策略',
    ]);
  });
});
