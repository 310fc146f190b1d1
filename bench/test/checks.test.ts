import { describe, expect, it } from 'vitest';
import { checkAgreement } from '../lib/checks.ts';
import type { CaseResult, Check, Contestant } from '../lib/results.ts';
import { median, percentile } from '../lib/stats.ts';

function treemap(contestant: Contestant, check: Check): CaseResult {
  return {
    case: 'treemap',
    rows: 1_000_000,
    format: 'csv',
    contestant,
    median_ms: 1,
    p95_ms: 1,
    runs: 1,
    samples_ms: [1],
    check,
  };
}

const native: Check = { groups: 15, target: 5_000_000_000, actual: 5_387_123_678 };

describe('benchmark checks', () => {
  it('accepts contestants whose sums differ only by summation order', () => {
    const [check] = checkAgreement([
      treemap('duckdb-native', native),
      treemap('stratex', { ...native, target: 4_999_999_999.998943 }),
      treemap('arquero', { ...native, actual: 5_387_123_678.000005 }),
    ]);
    expect(check).toMatchObject({ rows: 1_000_000, format: 'csv', agree: true });
  });

  it('refuses a contestant that found fewer groups or other sums', () => {
    const fewer = checkAgreement([
      treemap('duckdb-native', native),
      treemap('perspective', { ...native, groups: 5 }),
    ]);
    const short = checkAgreement([
      treemap('duckdb-native', native),
      treemap('duckdb-wasm-raw', { ...native, actual: native.actual - 1_000 }),
    ]);
    expect(fewer[0]?.agree).toBe(false);
    expect(short[0]?.agree).toBe(false);
  });

  it('cannot agree without the native reference', () => {
    expect(checkAgreement([treemap('stratex', native)])[0]?.agree).toBe(false);
  });

  it('takes medians and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
  });
});
