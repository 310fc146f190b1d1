import { describe, expect, it } from 'vitest';
import {
  buildScorecard,
  judgePace,
  measureTarget,
  pacingCurve,
  paceStatusWord,
  readPacing,
} from '@stratex/core';

const q3 = { start: '2024-07-01', end: '2024-09-30' };
const revenue = {
  metric: '销售额',
  unit: 'money' as const,
  measure: 'total' as const,
  direction: 'higher' as const,
  target: 5_000_000,
};

describe('the one pace rule', () => {
  it('reads the pacing attribute, linear by default', () => {
    expect(readPacing('workdays')).toBe('workdays');
    expect(readPacing(' WorkDays ')).toBe('workdays');
    expect(readPacing('linear')).toBe('linear');
    expect(readPacing(undefined)).toBe('linear');
    expect(readPacing('seasonal')).toBe('linear');
  });

  it('judges half a quarter’s revenue at day 46 of 92 by its pace, not its target', () => {
    // 250万 of 500万 by Aug 15 is exactly the pace: on track while the quarter runs.
    const judged = judgePace({ ...revenue, actual: 2_500_000 }, q3, '2024-08-15', {
      lang: 'zh-CN',
    });
    expect(judged).toMatchObject({ expected: 2_500_000, paceRatio: 1, status: 'on-track' });
    expect(judged.state).toBe('running');
    expect(paceStatusWord(judged.status, 'running', 'zh-CN')).toBe('正常');
  });

  it('warns at 96.5 % of pace, and calls 80 % critical', () => {
    const warned = judgePace({ ...revenue, actual: 2_412_500 }, q3, '2024-08-15', {
      lang: 'zh-CN',
    });
    expect(warned.paceRatio).toBeCloseTo(0.965, 12);
    expect(warned.status).toBe('at-risk');
    expect(paceStatusWord(warned.status, 'running', 'zh-CN')).toBe('预警');
    expect(paceStatusWord(warned.status, 'running', 'en')).toBe('warning');
    const behind = judgePace({ ...revenue, actual: 2_000_000 }, q3, '2024-08-15', { lang: 'en' });
    expect(behind.status).toBe('off-track');
    expect(paceStatusWord(behind.status, 'running', 'zh-CN')).toBe('严重');
  });

  it('judges a finished quarter by its target: 540万 of 500万 met, 93 % missed', () => {
    const met = judgePace({ ...revenue, actual: 5_400_000 }, q3, '2024-10-08', { lang: 'zh-CN' });
    expect(met).toMatchObject({ state: 'over', status: 'on-track' });
    expect(paceStatusWord(met.status, 'over', 'zh-CN')).toBe('达标');
    const missed = judgePace(
      { ...revenue, target: 30, unit: 'count', actual: 28 },
      q3,
      '2024-10-08',
      {
        lang: 'zh-CN',
      },
    );
    expect(paceStatusWord(missed.status, 'over', 'zh-CN')).toBe('未达标');
    expect(paceStatusWord(missed.status, 'over', 'en')).toBe('target missed');
  });

  it('judges a rate by its mean against the target rate, whatever the day', () => {
    const rate = {
      ...revenue,
      metric: '线索转化率',
      unit: 'percent' as const,
      measure: 'average' as const,
    };
    const judged = judgePace({ ...rate, target: 0.15, actual: 0.12 }, q3, '2024-08-15', {
      lang: 'zh-CN',
    });
    expect(judged).toMatchObject({ expected: 0.15, paceRatio: 0.8, status: 'off-track' });
  });

  it('expects less by a working day than by a calendar day in a quarter with 国庆', () => {
    const q4 = { start: '2024-10-01', end: '2024-12-31' };
    const figure = { ...revenue, actual: 700_000 };
    // By Oct 15: 15 of 92 calendar days, 7 of 62 working days.
    const linear = judgePace(figure, q4, '2024-10-15', { lang: 'zh-CN' });
    const workdays = judgePace(figure, q4, '2024-10-15', {
      lang: 'zh-CN',
      curve: pacingCurve('workdays'),
    });
    expect(linear.expected).toBeCloseTo((5_000_000 * 15) / 92, 4);
    expect(workdays.expected).toBeCloseTo((5_000_000 * 7) / 62, 4);
    expect(linear.status).toBe('at-risk');
    expect(workdays.status).toBe('on-track');
  });
});

describe('a scorecard of figures to date', () => {
  const rows = [
    { 指标: '销售额', 目标值: '5000000', 实际值: '2412500' },
    { 指标: '新签合同', 目标值: '30家', 实际值: '16家' },
  ];
  const overrides = { dimension: '指标' };

  it('judges every row by its pace mid-quarter, with the expected value beside it', () => {
    const paced = buildScorecard(rows, {
      overrides,
      pacing: { period: q3, asOf: '2024-08-15' },
    });
    expect(
      paced.rows.map((row) => [
        row.dimension,
        Number(row.achievement.rate?.toFixed(4)),
        row.status,
      ]),
    ).toEqual([
      ['销售额', 0.4825, 'at-risk'],
      ['新签合同', 0.5333, 'on-track'],
    ]);
    expect(paced.rows[0]?.pace).toEqual({ expected: 2_500_000, ratio: 0.965, state: 'running' });
    expect(paced.rows[1]?.pace?.expected).toBe(15);
  });

  it('judges the same rows by their targets without a period, as before', () => {
    const plain = buildScorecard(rows, { overrides });
    expect(plain.rows.map((row) => row.status)).toEqual(['off-track', 'off-track']);
    expect(plain.rows[0]?.pace).toBeUndefined();
  });
});

describe('a target tile judged by the same rule', () => {
  it('is on pace mid-quarter and short of its target once the quarter is over', () => {
    const running = measureTarget(600_000, 540_000, { period: q3, asOf: '2024-08-15' });
    expect(running).toMatchObject({ basis: 'pace', periodState: 'running', status: 'on-track' });
    expect(paceStatusWord(running.status, 'running', 'zh-CN')).toBe('正常');
    const over = measureTarget(600_000, 540_000, { period: q3, asOf: '2024-10-08' });
    expect(over).toMatchObject({ score: 0.9, periodState: 'over', status: 'off-track' });
    expect(paceStatusWord(over.status, 'over', 'zh-CN')).toBe('未达标');
    // Without a period the tile keeps its rate's three steps: 90 % is at risk.
    expect(measureTarget(600_000, 540_000).status).toBe('at-risk');
  });
});
