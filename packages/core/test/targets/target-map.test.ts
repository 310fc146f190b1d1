import { describe, expect, it } from 'vitest';
import {
  TARGET_SPLIT_SCHEMA,
  amountFromText,
  checkStatedTotal,
  dateFromText,
  describeSplit,
  measureTarget,
  periodFromText,
  rateAtScore,
  resolveColumns,
  rollupByLevels,
} from '@stratex/core';

const q3 = { start: '2024-07-01', end: '2024-09-30' };

describe('measureTarget', () => {
  it('rates East China at 112 % of its 150万 target, 18万 ahead', () => {
    expect(measureTarget(1_500_000, 1_680_000)).toEqual({
      rate: 1.12,
      score: 1.12,
      basis: 'target',
      gap: 180_000,
      expected: null,
      paceGap: null,
      status: 'on-track',
    });
  });

  it('calls Southwest China at 90 % at risk and its gap negative', () => {
    const measure = measureTarget(600_000, 540_000);
    expect(measure.rate).toBe(0.9);
    expect(measure.gap).toBe(-60_000);
    expect(measure.status).toBe('at-risk');
  });

  it('treats a budget as lower-is-better: the rate is the share spent, over-spend is negative', () => {
    const within = measureTarget(20_000, 18_600, { direction: 'lower' });
    expect(within.rate).toBe(0.93);
    expect(within.gap).toBe(1_400);
    expect(within.status).toBe('on-track');
    const over = measureTarget(100_000, 130_000, { direction: 'lower' });
    expect(over.rate).toBe(1.3);
    expect(over.gap).toBe(-30_000);
    expect(over.score).toBeLessThan(1);
    expect(over.status).toBe('off-track');
  });

  it('judges against the part of the target due by the as-of day', () => {
    // 2024-08-15 is day 46 of 92: half of the quarter's 500万 is due.
    const measure = measureTarget(5_000_000, 2_420_000, { period: q3, asOf: '2024-08-15' });
    expect(measure.basis).toBe('pace');
    expect(measure.expected).toBe(2_500_000);
    expect(measure.score).toBe(0.968);
    expect(measure.paceGap).toBe(-80_000);
    expect(measure.rate).toBe(0.484);
    expect(measure.status).toBe('at-risk');
  });

  it('paces a budget the other way: spending ahead of the calendar is bad', () => {
    const measure = measureTarget(100_000, 80_000, {
      direction: 'lower',
      period: q3,
      asOf: '2024-08-15',
    });
    expect(measure.expected).toBe(50_000);
    expect(measure.paceGap).toBe(-30_000);
    expect(measure.score).toBe(0.625);
    expect(measure.status).toBe('off-track');
  });

  it('labels a colour scale in the rate people read: spent share for a budget', () => {
    expect(rateAtScore(1.15)).toBe(1.15);
    expect(rateAtScore(1.25, 'lower')).toBe(0.8);
    expect(rateAtScore(0.8, 'lower')).toBe(1.25);
    expect(rateAtScore(0, 'lower')).toBeNull();
  });

  it('has no rate and an unknown status without a target', () => {
    const measure = measureTarget(null, 10);
    expect(measure.rate).toBeNull();
    expect(measure.status).toBe('unknown');
  });
});

describe('reading the attributes', () => {
  it('reads a quarter or two dates as a period', () => {
    expect(periodFromText('2024-Q3')).toEqual(q3);
    expect(periodFromText('2024年第3季度')).toEqual(q3);
    expect(periodFromText(null, '2024/7/1', '2024年9月30日')).toEqual(q3);
    expect(periodFromText('soon')).toBeNull();
  });

  it('reads dates and amounts the way the exports write them', () => {
    expect(dateFromText('2024/8/15')).toBe('2024-08-15');
    expect(dateFromText('Q3')).toBeNull();
    expect(amountFromText('500万')).toBe(5_000_000);
    expect(amountFromText('5,000,000')).toBe(5_000_000);
    expect(amountFromText('lots')).toBeNull();
  });

  it('finds target and actual columns in the region table and in the budget table', () => {
    const regions = resolveColumns(['区域', '产品线', '目标值', '实际值'], TARGET_SPLIT_SCHEMA);
    expect(regions.columns).toMatchObject({ target: '目标值', actual: '实际值' });
    const budget = resolveColumns(['模块', '动作', '预算', '已花费'], TARGET_SPLIT_SCHEMA);
    expect(budget.columns).toMatchObject({ target: '预算', actual: '已花费' });
    const sales = resolveColumns(['date', 'region', 'amount', 'target_share'], TARGET_SPLIT_SCHEMA);
    expect(sales.columns).toMatchObject({ target: 'target_share', actual: 'amount' });
  });
});

describe('splits that do not add up', () => {
  it('says the regions fall 20万 short of a stated 500万', () => {
    const check = checkStatedTotal(5_000_000, 4_800_000);
    expect(check).toEqual({
      path: [],
      stated: 5_000_000,
      allocated: 4_800_000,
      gap: 200_000,
      balanced: false,
    });
    if (!check) return;
    expect(describeSplit(check, '区域', 'money', 'zh-CN')).toBe(
      '区域目标合计 480万，比 500万 少 20万',
    );
    expect(describeSplit(check, 'region', 'money', 'en')).toBe(
      'region targets sum to 4.8M, 200K short of 5M',
    );
  });

  it('says when the parts exceed the whole, and when they match', () => {
    const over = checkStatedTotal(1_000_000, 1_100_000, ['华北']);
    expect(over && describeSplit(over, '产品线', 'money', 'zh-CN')).toBe(
      '产品线目标合计 110万，比 100万 多 10万',
    );
    const even = checkStatedTotal(5_000_000, 5_000_000);
    expect(even?.balanced).toBe(true);
    expect(checkStatedTotal(5_000_000, null)).toBeNull();
  });

  it('uses the same shape as the rollup of a subtotal row', () => {
    const tree = rollupByLevels(
      [
        { 区域: '', 目标值: '500万' },
        { 区域: '华东', 目标值: '150万' },
        { 区域: '华北', 目标值: '330万' },
      ],
      { levels: ['区域'], target: '目标值' },
    );
    expect(tree.splits[0]).toEqual(checkStatedTotal(5_000_000, 4_800_000));
  });
});
