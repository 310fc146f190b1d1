// The report's cases grouped for comparison, the contestants' names, and the table of ratios:
// Stratex's median beside each other contestant's, as Stratex ÷ theirs.
import { type BenchResults, type CaseResult, CONTESTANTS, type Contestant } from './results.ts';

const NAMES: Record<Contestant, string> = {
  stratex: 'Stratex',
  'stratex-before': 'Stratex, earlier build',
  'duckdb-wasm-raw': 'DuckDB-WASM by hand',
  perspective: 'Perspective 3.8 viewer',
  arquero: 'arquero 8 + d3',
  'duckdb-native': 'DuckDB native (Node)',
};

/** A contestant as the report names it: the earlier build by the revision it was built from. */
export function contestantName(
  contestant: Contestant,
  results: Pick<BenchResults, 'before'>,
): string {
  return contestant === 'stratex-before' && results.before
    ? `Stratex at ${results.before.rev}`
    : NAMES[contestant];
}

/** The contestants a report shows: the earlier build only when the run measured one. */
export function contestantsOf(results: Pick<BenchResults, 'before'>): Contestant[] {
  return CONTESTANTS.filter((name) => name !== 'stratex-before' || results.before);
}

export const CASE_NAMES: Record<CaseResult['case'], string> = {
  'portal-cold': 'portal demo, cold',
  'portal-warm': 'portal demo, warm return visit',
  treemap: 'navigation → treemap drawn',
  interaction: 'drill-down / cross-filter',
  'interaction-cold': 'drill-down, first drill after load',
  'interaction-answered': 'drill-down / cross-filter, answered by SQL',
  'interaction-repeat': 'drill-down / cross-filter, repeated (kept answers)',
  tracker: 'navigation → progress tracker drawn',
  'tracker-draw': 'progress tracker: rows read → drawn',
};

export const seconds = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
export const rowsLabel = (rows: number | null): string =>
  rows === null ? 'seed' : rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`;

export interface Group {
  key: string;
  label: string;
  byContestant: Partial<Record<Contestant, CaseResult>>;
}

/** The results by case, size and format, each with every contestant that ran it. */
export function groups(results: Pick<BenchResults, 'cases'>): Group[] {
  const map = new Map<string, Group>();
  for (const result of results.cases) {
    const key = `${result.case}:${result.rows}:${result.format}`;
    const label = [CASE_NAMES[result.case], rowsLabel(result.rows), result.format ?? '']
      .filter(Boolean)
      .join(', ');
    const group = map.get(key) ?? { key, label, byContestant: {} };
    group.byContestant[result.contestant] = result;
    map.set(key, group);
  }
  // The phases of an interaction are compared with the same bare query as the whole case.
  for (const group of map.values()) {
    const [kind, ...rest] = group.key.split(':');
    if (!kind?.startsWith('interaction-')) continue;
    const bare = map.get(['interaction', ...rest].join(':'))?.byContestant['duckdb-wasm-raw'];
    if (bare) group.byContestant['duckdb-wasm-raw'] ??= bare;
  }
  return [...map.values()];
}

/** Stratex's median ÷ `other`'s in the group, to two places, or '—' when either is missing. */
export function ratio(group: Group, other: Contestant): string {
  const ours = group.byContestant.stratex?.median_ms;
  const theirs = group.byContestant[other]?.median_ms;
  return ours && theirs ? (ours / theirs).toFixed(2) : '—';
}

/** The "Ratios" table, one row a case; with `--before REV` a column for the earlier build. */
export function ratioTable(results: Pick<BenchResults, 'cases' | 'before'>): string[] {
  const before = results.before ? [`÷ Stratex at ${results.before.rev}`] : [];
  const header = [
    'case',
    'Stratex median (p95)',
    ...before,
    '÷ DuckDB-WASM by hand',
    '÷ Perspective',
    '÷ arquero',
    'DuckDB native',
  ];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const group of groups(results)) {
    const ours = group.byContestant.stratex;
    const native = group.byContestant['duckdb-native'];
    const cells = [
      group.label,
      ours ? `${seconds(ours.median_ms)} (${seconds(ours.p95_ms)})` : '—',
      ...(results.before ? [ratio(group, 'stratex-before')] : []),
      ratio(group, 'duckdb-wasm-raw'),
      ratio(group, 'perspective'),
      ratio(group, 'arquero'),
      native ? seconds(native.median_ms) : '—',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}
