import { describe, expect, it } from 'vitest';
import { achievement, parseDirection } from '@stratex/core';

describe('achievement', () => {
  it('uses the template figures', () => {
    expect(achievement(5_000_000, 5_400_000)).toEqual({ rate: 1.08, gap: 400_000 });
    expect(achievement(0.15, 0.12)).toEqual({ rate: 0.8, gap: -0.03 });
    expect(achievement(30, 28).rate).toBeCloseTo(0.9333, 4);
  });

  it('inverts the rate when lower is better (cost per lead)', () => {
    expect(achievement(200, 250, 'lower')).toEqual({ rate: 0.8, gap: 50 });
    expect(achievement(200, 160, 'lower')).toEqual({ rate: 1.25, gap: -40 });
  });

  it('never returns Infinity or NaN for zero or absent figures', () => {
    expect(achievement(0, 10)).toEqual({ rate: null, gap: 10, reason: 'zero-target' });
    expect(achievement(0, 0, 'lower')).toEqual({ rate: null, gap: 0, reason: 'zero-target' });
    expect(achievement(null, 10)).toEqual({ rate: null, gap: null, reason: 'no-target' });
    expect(achievement(undefined, 10)).toEqual({ rate: null, gap: null, reason: 'no-target' });
    expect(achievement(Number.NaN, 10)).toEqual({
      rate: null,
      gap: null,
      reason: 'invalid-target',
    });
    expect(achievement(Number.POSITIVE_INFINITY, 10).reason).toBe('invalid-target');
    expect(achievement(10, null)).toEqual({ rate: null, gap: null, reason: 'no-actual' });
    expect(achievement(10, 0, 'lower')).toEqual({ rate: null, gap: -10, reason: 'zero-actual' });
  });

  it('scores negative actuals against a positive target so that better always scores higher', () => {
    expect(achievement(100, -20)).toEqual({ rate: -0.2, gap: -120 });
    expect(achievement(100, -20, 'lower').rate).toBe(2.2);
    expect(achievement(100, -50, 'lower').rate).toBe(2.5);
  });

  it('gives a negative target no rate, in either direction, and keeps the gap', () => {
    expect(achievement(-100, 50)).toEqual({ rate: null, gap: 150, reason: 'negative-target' });
    expect(achievement(-100, 50, 'lower')).toEqual({
      rate: null,
      gap: 150,
      reason: 'negative-target',
    });
    expect(achievement(-100, -50).rate).toBeNull();
  });
});

describe('parseDirection', () => {
  it.each([
    ['lower', 'lower'],
    ['越低越好', 'lower'],
    ['↓', 'lower'],
    ['反向', 'lower'],
    ['higher', 'higher'],
    ['越高越好', 'higher'],
    ['', 'higher'],
    [undefined, 'higher'],
  ] as const)('%s → %s', (text, direction) => expect(parseDirection(text)).toBe(direction));
});
