import { describe, expect, it } from 'vitest';
import { contestantsOf, ratioTable } from '../lib/ratio-table.ts';
import type { CaseResult, Contestant } from '../lib/results.ts';

function timed(kind: CaseResult['case'], contestant: Contestant, median: number): CaseResult {
  return {
    case: kind,
    rows: kind === 'portal-cold' ? null : 1_000_000,
    format: kind === 'portal-cold' ? null : 'parquet',
    contestant,
    median_ms: median,
    p95_ms: median,
    runs: 1,
    samples_ms: [median],
  };
}

const cases = [
  timed('portal-cold', 'stratex', 2_100),
  timed('portal-cold', 'stratex-before', 2_000),
  timed('portal-cold', 'duckdb-wasm-raw', 1_400),
  timed('treemap', 'stratex', 2_900),
  timed('treemap', 'stratex-before', 3_625),
  timed('treemap', 'arquero', 2_000),
  timed('treemap', 'duckdb-native', 54),
  timed('interaction', 'stratex', 10),
  timed('interaction', 'duckdb-wasm-raw', 50),
  timed('interaction-cold', 'stratex', 400),
  timed('interaction-cold', 'stratex-before', 500),
];

describe('the ratio table', () => {
  it('sets this build beside the earlier one: this build ÷ the earlier build', () => {
    const table = ratioTable({
      cases,
      before: { rev: '5fb7fc2', commit: '5fb7fc2'.padEnd(40, '0') },
    });
    expect(table).toEqual([
      '| case | Stratex median (p95) | ÷ Stratex at 5fb7fc2 | ÷ DuckDB-WASM by hand | ÷ Perspective | ÷ arquero | DuckDB native |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| portal demo, cold, seed | 2.10 s (2.10 s) | 1.05 | 1.50 | — | — | — |',
      '| navigation → treemap drawn, 1M, parquet | 2.90 s (2.90 s) | 0.80 | — | — | 1.45 | 54 ms |',
      '| drill-down / cross-filter, 1M, parquet | 10 ms (10 ms) | — | 0.20 | — | — | — |',
      '| drill-down, first drill after load, 1M, parquet | 400 ms (400 ms) | 0.80 | 8.00 | — | — | — |',
    ]);
  });

  it('has no column for an earlier build when the run measured none', () => {
    const without = cases.filter((result) => result.contestant !== 'stratex-before');
    const [header, , portal] = ratioTable({ cases: without });
    expect(header).toBe(
      '| case | Stratex median (p95) | ÷ DuckDB-WASM by hand | ÷ Perspective | ÷ arquero | DuckDB native |',
    );
    expect(portal).toBe('| portal demo, cold, seed | 2.10 s (2.10 s) | 1.50 | — | — | — |');
    expect(contestantsOf({})).not.toContain('stratex-before');
    expect(contestantsOf({ before: { rev: 'main', commit: 'c' } })).toContain('stratex-before');
  });
});
