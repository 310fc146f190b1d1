import { describe, expect, it } from 'vitest';
import {
  achievement,
  defaultStatusRules,
  judgeStatus,
  statusOf,
  thresholdRules,
} from '@stratex/core';
import type { StatusFacts } from '@stratex/core';

const revenue = (target: number | null, actual: number | null): StatusFacts => ({
  metric: 'revenue',
  unit: 'money',
  target,
  actual,
  achievement: achievement(target, actual),
});

describe('statusOf', () => {
  it('applies the default and changed thresholds', () => {
    expect(statusOf(1.08)).toBe('on-track');
    expect(statusOf(0.9333)).toBe('at-risk');
    expect(statusOf(0.8)).toBe('off-track');
    expect(statusOf(0.85)).toBe('at-risk');
    expect(statusOf(null)).toBe('unknown');
    expect(statusOf(0.8, { onTrack: 0.95, atRisk: 0.75 })).toBe('at-risk');
  });
});

describe('judgeStatus', () => {
  it('explains the rate in both languages', () => {
    expect(judgeStatus(revenue(5_000_000, 5_400_000), 'en')).toEqual({
      status: 'on-track',
      reason: 'revenue at 108% of target: 5.4M against 5M',
      decidedBy: 'rate',
    });
    expect(
      judgeStatus({ ...revenue(5_000_000, 5_400_000), metric: '销售额' }, 'zh-CN').reason,
    ).toBe('销售额 达成率 108%：实际 540万，目标 500万');
  });

  it('prefers pace while the period is running', () => {
    const facts: StatusFacts = {
      ...revenue(5_000_000, 4_000_000),
      expected: 4_500_000,
      pace: 4_000_000 / 4_500_000,
      asOf: '2024-08-15',
      deadline: '2024-09-30',
    };
    const verdict = judgeStatus(facts, 'en');
    expect(verdict.status).toBe('at-risk');
    expect(verdict.decidedBy).toBe('pace');
    expect(verdict.reason).toBe('revenue 89% of pace: 4M of an expected 4.5M by Aug 15');
    expect(judgeStatus({ ...facts, metric: '销售额' }, 'zh-CN').reason).toBe(
      '销售额 达到进度的 89%：截至8月15日应达 450万，实际 400万',
    );
  });

  it('marks a missed deadline off track', () => {
    const facts: StatusFacts = { ...revenue(100, 95), asOf: '2024-10-02', deadline: '2024-09-30' };
    const verdict = judgeStatus(facts, 'en');
    expect(verdict.status).toBe('off-track');
    expect(verdict.reason).toBe('revenue past its deadline (Sep 30) at 95% of target');
  });

  it('can judge by the pace gap in the metric’s own unit', () => {
    const rules = [
      { status: 'off-track' as const, when: [{ measure: 'paceGap' as const, below: -1_000_000 }] },
      { status: 'at-risk' as const, when: [{ measure: 'paceGap' as const, below: 0 }] },
      { status: 'on-track' as const, when: [{ measure: 'paceGap' as const, atLeast: 0 }] },
    ];
    const facts = {
      ...revenue(5_000_000, 4_000_000),
      expected: 4_500_000,
      pace: 0.89,
      asOf: '2024-08-15',
    };
    expect(judgeStatus(facts, 'en', rules)).toMatchObject({
      status: 'at-risk',
      decidedBy: 'paceGap',
    });
    expect(judgeStatus({ ...facts, actual: 3_000_000 }, 'en', rules).status).toBe('off-track');
    expect(judgeStatus(revenue(5_000_000, 4_000_000), 'en', rules).status).toBe('unknown');
  });

  it('follows custom ordered rules', () => {
    const lenient = thresholdRules('rate', { onTrack: 0.9, atRisk: 0.5 });
    expect(judgeStatus(revenue(100, 92), 'en', lenient).status).toBe('on-track');
    expect(judgeStatus(revenue(100, 92), 'en', defaultStatusRules()).status).toBe('at-risk');
  });

  it('says why a status is unknown', () => {
    expect(judgeStatus(revenue(0, 10), 'en')).toEqual({
      status: 'unknown',
      reason: 'revenue has a target of zero, so no rate can be computed',
    });
    expect(judgeStatus(revenue(null, 10), 'zh-CN').reason).toBe('revenue 没有目标值');
    expect(judgeStatus(revenue(10, null), 'en').reason).toBe('revenue has no actual value yet');
  });

  it('says a negative target, or one that is not a number, gives no rate', () => {
    expect(judgeStatus(revenue(-100, 50), 'en')).toEqual({
      status: 'unknown',
      reason: 'revenue has a negative target, so no rate can be computed',
    });
    expect(judgeStatus(revenue(-100, 50), 'zh-CN').reason).toBe(
      'revenue 目标值为负数，无法计算达成率',
    );
    expect(judgeStatus(revenue(Number.NaN, 50), 'en').reason).toBe(
      'revenue has a target that is not a number, so no rate can be computed',
    );
    expect(judgeStatus(revenue(Number.NaN, 50), 'zh-CN').reason).toBe(
      'revenue 目标值不是数字，无法计算达成率',
    );
  });
});
