import type { CaseResult, CheckResult, Contestant } from './results.ts';

/**
 * Difference allowed between two sums of the same amounts added in another order: half a
 * yuan. Rounding drift over 5M doubles stays far below it (seen: 0.00003), while one order
 * line left out or read wrong moves a sum by its amount (yuan with two decimals).
 */
const TOLERANCE_YUAN = 0.5;

const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE_YUAN;

/** Every contestant of a treemap case must find the same groups and the same sums as native DuckDB. */
export function checkAgreement(cases: readonly CaseResult[]): CheckResult[] {
  const keyed = new Map<string, CaseResult[]>();
  for (const result of cases) {
    if (result.case !== 'treemap' || !result.check) continue;
    const key = `${result.rows}:${result.format}`;
    keyed.set(key, [...(keyed.get(key) ?? []), result]);
  }
  return [...keyed.values()].map((list) => {
    const reference = list.find((result) => result.contestant === 'duckdb-native')?.check;
    const detail: Partial<Record<Contestant, CaseResult['check']>> = {};
    for (const result of list) detail[result.contestant] = result.check;
    const agree =
      reference !== undefined &&
      list.every(
        ({ check }) =>
          check !== undefined &&
          check.groups === reference.groups &&
          close(check.target, reference.target) &&
          close(check.actual, reference.actual),
      );
    return { rows: list[0]!.rows!, format: list[0]!.format!, agree, detail } as CheckResult;
  });
}
