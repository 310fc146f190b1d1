import type { RecordRow } from '../loaded-table';
import type { AnswerCache } from './answer-cache';
import type {
  AggregateRequest,
  AnswerPlan,
  DataResult,
  DimensionFilter,
  Measure,
} from './contract';

/** The sums of a figure's measures over the rows behind it, and the rows outside them. */
export interface DrillSums {
  /** Per measure (its `as`, else its column). */
  totals: Record<string, number | null>;
  /** Matching rows whose measure cells did not read as numbers: outside the totals, as in the figure. */
  unreadRows: number;
}

/** Answers whose rows are all sums (none came apart as text), so a group's row is its figure. */
const SUMMED: ReadonlySet<AnswerPlan> = new Set(['sum-typed', 'aggregate', 'pre-aggregate']);

/** What a drill-through says of every matching row, not just the page. */
export interface DrillFigures extends DrillSums {
  /** Every matching row, not just the page. */
  count: number;
}

/** A figure's own answer, kept: its request, and the sums it gives the rows behind it. */
export interface KeptFigure {
  asked: AggregateRequest;
  sums: DrillSums;
}

/**
 * The figure's sums as the figure itself was answered: from an aggregate kept in `answers`
 * whose own filter is part of `filter` and whose groups hold the rest of it, the sum of the
 * groups that match (the one group, when it is grouped by exactly the rest), with each
 * measure asked alike. Undefined when no kept answer holds the figure.
 */
export function keptFigure(
  answers: AnswerCache,
  source: string,
  filter: DimensionFilter,
  measures: readonly Measure[],
): KeptFigure | undefined {
  let best: (KeptFigure & { groups: number }) | undefined;
  for (const { request, result } of answers.delivered()) {
    const asked = aggregateOf(request, source);
    if (!asked || !SUMMED.has(result.plan)) continue;
    const own = asked.filter ?? {};
    if (Object.entries(own).some(([column, value]) => filter[column] !== value)) continue;
    const rest = Object.keys(filter).filter((column) => !(column in own));
    if (!rest.every((column) => asked.groupBy.includes(column))) continue;
    const names = measures.map((measure) => sameMeasure(asked.measures, measure));
    if (names.some((name) => name === undefined)) continue;
    const groups = matchingGroups(result.rows, filter, rest);
    if (groups.length === 0 || (best && best.groups <= groups.length)) continue;
    const totals: Record<string, number | null> = {};
    measures.forEach((measure, index) => {
      totals[measure.as ?? measure.column] = summed(groups, names[index]!, measure.digits);
    });
    best = { asked, groups: groups.length, sums: { totals, unreadRows: 0 } };
  }
  return best && { asked: best.asked, sums: best.sums };
}

/** The name under which the rows per group of a figure's answer come back. */
const ROWS = 'sx_rows';

/**
 * The request for the rows per group of a kept figure's answer, grouped as it is, so that one
 * answer (kept in turn) counts every figure of it; undefined when the figure is the whole
 * answer. The count is of a column the drill's filter fixes, so no group's row goes uncounted.
 */
export function groupCountRequest(
  kept: KeptFigure,
  filter: DimensionFilter,
): AggregateRequest | undefined {
  const own = kept.asked.filter ?? {};
  const fixed = Object.keys(filter).find((column) => !(column in own));
  if (fixed === undefined) return undefined;
  return {
    kind: 'aggregate',
    source: kept.asked.source,
    groupBy: kept.asked.groupBy,
    measures: [{ column: fixed, aggregate: 'count', as: ROWS }],
    filter: own,
  };
}

/** The rows behind `filter`, from the rows per group `groupCountRequest` asked. */
export function groupCount(
  answer: DataResult,
  asked: AggregateRequest,
  filter: DimensionFilter,
): number {
  const own = asked.filter ?? {};
  const rest = Object.keys(filter).filter((column) => !(column in own));
  return matchingGroups(answer.rows, filter, rest).reduce(
    (count, row) => count + Number(row[ROWS] ?? 0),
    0,
  );
}

function matchingGroups(
  rows: readonly RecordRow[],
  filter: DimensionFilter,
  columns: readonly string[],
): RecordRow[] {
  return rows.filter((row) => columns.every((column) => row[column] === filter[column]));
}

/** `request` when it is a whole aggregate of `source` (not cut by a limit). */
function aggregateOf(request: unknown, source: string): AggregateRequest | undefined {
  const asked = request as Partial<AggregateRequest> | null;
  return asked?.kind === 'aggregate' && asked.source === source && asked.limit === undefined
    ? (asked as AggregateRequest)
    : undefined;
}

/** The result column of the measure among `held` that sums `measure`'s column alike. */
function sameMeasure(held: readonly Measure[], measure: Measure): string | undefined {
  const found = held.find(
    (candidate) =>
      candidate.column === measure.column &&
      candidate.aggregate === 'sum' &&
      measure.aggregate === 'sum' &&
      candidate.digits === measure.digits,
  );
  return found && (found.as ?? found.column);
}

/** The groups' values of `name` added up, to `digits` decimals when the figure has them so. */
function summed(groups: readonly RecordRow[], name: string, digits?: number): number | null {
  let total: number | null = null;
  for (const row of groups) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    total = (total ?? 0) + Number(value);
  }
  if (total === null || groups.length === 1 || digits === undefined) return total;
  return Number(total.toFixed(digits));
}

/** The request for a figure's sums over the rows that match `filter`, when none is kept. */
export function totalsRequest(
  source: string,
  measures: readonly Measure[],
  filter: DimensionFilter,
): AggregateRequest {
  return {
    kind: 'aggregate',
    source,
    groupBy: [],
    measures: measures.map((measure) => ({ ...measure, aggregate: 'sum' })),
    filter,
  };
}

/** The sums' row (the first), and the rows that came apart because a measure cell did not read. */
export function sumsOf(answer: DataResult, measures: readonly Measure[]): DrillSums {
  const [sums, ...unread] = answer.rows;
  const totals: Record<string, number | null> = {};
  for (const measure of measures) {
    const name = measure.as ?? measure.column;
    const value = sums?.[name];
    totals[name] = value === null || value === undefined ? null : Number(value);
  }
  return { totals, unreadRows: unread.length };
}
