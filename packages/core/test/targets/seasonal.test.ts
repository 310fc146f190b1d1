import { describe, expect, it } from 'vitest';
import {
  elapsedShare,
  expectedToDate,
  fromDayNumber,
  dayNumber,
  judgePace,
  pacingCurve,
  readDailyWeights,
  readPacing,
  weightsCoverage,
} from '@stratex/core';

const q3 = { start: '2024-07-01', end: '2024-09-30' };

/** A weight for every day of Q3 2024: 1 a day in July and September, 2 a day in August. */
function q3Weights(skip?: string): Map<string, number> {
  const weights = new Map<string, number>();
  const first = dayNumber(q3.start) ?? 0;
  const last = dayNumber(q3.end) ?? 0;
  for (let day = first; day <= last; day++) {
    const iso = fromDayNumber(day);
    if (iso !== skip) weights.set(iso, iso.startsWith('2024-08') ? 2 : 1);
  }
  return weights;
}

describe('seasonal pacing by daily weights', () => {
  it('expects the target times the weights to date over the weights of the period', () => {
    const curve = pacingCurve('seasonal', { weights: q3Weights() });
    // July 31 + Aug 1–15 at 2 = 61 of 31 + 62 + 30 = 123.
    expect(elapsedShare(q3, '2024-08-15', curve)?.share).toBeCloseTo(61 / 123, 12);
    expect(expectedToDate(5_000_000, q3, '2024-08-15', curve)).toBeCloseTo(
      (5_000_000 * 61) / 123,
      4,
    );
    expect(elapsedShare(q3, '2024-07-31', curve)?.share).toBeCloseTo(31 / 123, 12);
    expect(elapsedShare(q3, '2024-09-30', curve)?.share).toBe(1);
    // Linear would expect half by day 46 of 92.
    expect(elapsedShare(q3, '2024-08-15')?.share).toBe(0.5);
  });

  it('judges the template’s revenue against the seasonal pace', () => {
    const curve = pacingCurve('seasonal', { weights: q3Weights() });
    const judged = judgePace(
      {
        metric: '销售额',
        unit: 'money',
        measure: 'total',
        direction: 'higher',
        target: 5_000_000,
        actual: 2_500_000,
      },
      q3,
      '2024-08-15',
      { curve, lang: 'zh-CN' },
    );
    expect(judged.expected).toBeCloseTo((5_000_000 * 61) / 123, 4);
    expect(judged.paceRatio).toBeCloseTo(2_500_000 / ((5_000_000 * 61) / 123), 4);
    expect(judged.state).toBe('running');
  });

  it('falls back to linear when the weights miss a day of the period or add up to nothing', () => {
    const gap = q3Weights('2024-09-10');
    const curve = pacingCurve('seasonal', { weights: gap });
    expect(weightsCoverage(q3, gap)).toEqual({
      uncovered: 1,
      firstUncovered: '2024-09-10',
      total: 122,
    });
    expect(elapsedShare(q3, '2024-08-15', curve)?.share).toBe(0.5);
    const zero = new Map([...q3Weights()].map(([day]) => [day, 0]));
    expect(elapsedShare(q3, '2024-08-15', pacingCurve('seasonal', { weights: zero }))?.share).toBe(
      0.5,
    );
  });

  it('reads 日期 / date with 权重 / weight / share, counting the rows it cannot use', () => {
    const read = readDailyWeights([
      { 日期: '2024-07-01', 权重: '0.5%' },
      { 日期: '2024/7/2', 权重: '1.5%' },
      { 日期: 'soon', 权重: '1%' },
      { 日期: '2024-07-03', 权重: '-1' },
      { 日期: '2024-07-04', 权重: 'n/a' },
      { 日期: '2024-07-02', 权重: '1%' },
    ]);
    expect([...read.weights.keys()]).toEqual(['2024-07-01', '2024-07-02']);
    expect(read.weights.get('2024-07-02')).toBeCloseTo(0.025, 12);
    expect(read.bad.map((bad) => [bad.row, bad.reason])).toEqual([
      [3, 'date'],
      [4, 'weight'],
      [5, 'weight'],
    ]);
    expect(readDailyWeights([{ date: '2024-07-01', share: '3' }]).weights.get('2024-07-01')).toBe(
      3,
    );
    expect(readDailyWeights([{ day: '2024-07-01', amount: '3' }]).missing).toEqual(['weight']);
  });

  it('is the pacing in effect only with weights to follow', () => {
    expect(readPacing('seasonal', true)).toBe('seasonal');
    expect(readPacing(' Seasonal ', true)).toBe('seasonal');
    expect(readPacing('seasonal')).toBe('linear');
    expect(pacingCurve('seasonal')).toEqual({ kind: 'linear' });
  });
});
