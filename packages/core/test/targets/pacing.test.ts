import { describe, expect, it } from 'vitest';
import { elapsedShare, expectedToDate, pace, paceGap } from '@stratex/core';

const q3 = { start: '2024-07-01', end: '2024-09-30' };

describe('elapsedShare', () => {
  it('counts calendar days through the as-of day', () => {
    expect(elapsedShare(q3, '2024-08-15')).toEqual({
      share: 0.5,
      state: 'running',
      daysElapsed: 46,
      daysTotal: 92,
    });
    expect(elapsedShare(q3, '2024-07-01')?.share).toBeCloseTo(1 / 92, 12);
    expect(elapsedShare(q3, '2024-09-30')).toMatchObject({ share: 1, state: 'running' });
  });

  it('is zero before the period and one after it', () => {
    expect(elapsedShare(q3, '2024-06-30')).toMatchObject({
      share: 0,
      state: 'not-started',
      daysElapsed: 0,
    });
    expect(elapsedShare(q3, '2024-10-01')).toMatchObject({
      share: 1,
      state: 'over',
      daysElapsed: 92,
    });
  });

  it('counts the leap day', () => {
    const february = { start: '2024-02-01', end: '2024-02-29' };
    expect(elapsedShare(february, '2024-02-29')).toMatchObject({ share: 1, daysTotal: 29 });
    expect(elapsedShare(february, '2024-02-28')?.share).toBeCloseTo(28 / 29, 12);
  });

  it('is null for unreadable dates or an end before the start', () => {
    expect(elapsedShare({ start: '2024-07-01', end: '2024-06-30' }, '2024-07-01')).toBeNull();
    expect(elapsedShare({ start: '2023-02-29', end: '2023-03-31' }, '2023-03-01')).toBeNull();
    expect(elapsedShare(q3, 'soon')).toBeNull();
  });

  it('counts working days, skipping holidays and honouring make-up working days', () => {
    const week = { start: '2024-09-30', end: '2024-10-13' };
    const curve = {
      kind: 'working-days' as const,
      holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
      extraWorkdays: ['2024-10-12'],
    };
    expect(elapsedShare(week, '2024-10-08', curve)?.share).toBeCloseTo(2 / 6, 10);
    expect(elapsedShare(week, '2024-10-12', curve)?.share).toBe(1);
    expect(
      elapsedShare({ start: '2024-10-05', end: '2024-10-06' }, '2024-10-05', curve)?.share,
    ).toBe(0);
  });

  it('follows a custom cumulative curve', () => {
    const curve = {
      kind: 'cumulative' as const,
      points: [
        { date: '2024-07-31', share: 0.2 },
        { date: '2024-08-31', share: 0.5 },
      ],
    };
    expect(elapsedShare(q3, '2024-07-31', curve)?.share).toBe(0.2);
    expect(elapsedShare(q3, '2024-08-31', curve)?.share).toBe(0.5);
    expect(elapsedShare(q3, '2024-09-15', curve)?.share).toBeCloseTo(0.5 + 0.5 * (15 / 30), 12);
  });
});

describe('expectedToDate, paceGap and the projection', () => {
  it('expects half of 500万 by 15 Aug and projects the run rate', () => {
    expect(expectedToDate(5_000_000, q3, '2024-08-15')).toBe(2_500_000);
    expect(paceGap(2_000_000, 2_500_000)).toBe(-500_000);
    expect(pace(5_000_000, 2_000_000, q3, '2024-08-15')?.projected).toBe(4_000_000);
    expect(pace(5_000_000, 2_000_000, q3, '2024-06-01')?.projected ?? null).toBeNull();
  });
});

describe('pace', () => {
  it('puts the figures together', () => {
    expect(pace(5_000_000, 2_000_000, q3, '2024-08-15')).toMatchObject({
      expected: 2_500_000,
      gap: -500_000,
      ratio: 0.8,
      projected: 4_000_000,
      projectedRate: 0.8,
      state: 'running',
    });
  });

  it('has no ratio before the period starts and the full target after it ends', () => {
    expect(pace(100, 0, q3, '2024-06-01')).toMatchObject({
      expected: 0,
      ratio: null,
      projected: null,
    });
    expect(pace(100, 90, q3, '2024-12-01')).toMatchObject({
      expected: 100,
      ratio: 0.9,
      projected: 90,
    });
  });

  it('inverts the ratio when lower is better', () => {
    expect(pace(100, 60, q3, '2024-08-15', { direction: 'lower' })?.ratio).toBeCloseTo(50 / 60, 10);
  });
});
