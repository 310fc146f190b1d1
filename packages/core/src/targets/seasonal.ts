import { headersOf, resolveColumns, type RoleSchema } from '../records/roles';
import { isBlankRecord, roleCell, roleText, type CellRecord } from '../records/records';
import { readCell } from '../values/cells';
import { dayNumber, fromDayNumber } from '../values/dates';
import { type BadPacingRow, rowDate } from './calendar-file';
import type { Period } from './pacing';

/** The columns of a seasonal pacing's source: 日期 / date and 权重 / weight / share. */
export const DAILY_WEIGHTS_SCHEMA: RoleSchema = {
  name: 'weights',
  roles: [
    { role: 'date', required: true, aliases: ['date', '日期', 'day'] },
    { role: 'weight', required: true, aliases: ['weight', '权重', 'share', '占比', '份额'] },
  ],
};

/** Daily weights as read: weight by ISO day, the rows left out, the columns missing. */
export interface DailyWeights {
  weights: ReadonlyMap<string, number>;
  bad: BadPacingRow[];
  missing: string[];
}

/**
 * Reads a source of daily weights (e.g. last year's daily shares moved onto this period's
 * days); a row whose date or weight (a number, not negative) cannot be read is counted and
 * left out. Two rows of one day add up.
 */
export function readDailyWeights(records: readonly CellRecord[]): DailyWeights {
  const resolution = resolveColumns(headersOf(records), DAILY_WEIGHTS_SCHEMA);
  if (resolution.missing.length > 0)
    return { weights: new Map(), bad: [], missing: resolution.missing };
  const weights = new Map<string, number>();
  const bad: BadPacingRow[] = [];
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const date = rowDate(record, resolution);
    const cell = readCell(roleCell(record, resolution, 'weight'), 'number');
    const weight = cell.kind === 'number' && cell.value >= 0 ? cell.value : undefined;
    if (!date) bad.push({ row, reason: 'date', value: roleText(record, resolution, 'date') ?? '' });
    else if (weight === undefined)
      bad.push({ row, reason: 'weight', value: roleText(record, resolution, 'weight') ?? '' });
    else weights.set(date, (weights.get(date) ?? 0) + weight);
  });
  return { weights, bad, missing: [] };
}

/** How far daily weights cover a period: the days with no weight (and the first of them), and the period's sum. */
export interface WeightsCoverage {
  uncovered: number;
  firstUncovered: string | null;
  total: number;
}

/** Which days of the period the weights leave out; null for unreadable dates. */
export function weightsCoverage(
  period: Period,
  weights: ReadonlyMap<string, number>,
): WeightsCoverage | null {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  if (start === null || end === null || end < start) return null;
  let uncovered = 0;
  let firstUncovered: string | null = null;
  let total = 0;
  for (let day = start; day <= end; day++) {
    const weight = weights.get(fromDayNumber(day));
    if (weight === undefined) {
      uncovered++;
      firstUncovered ??= fromDayNumber(day);
    } else total += weight;
  }
  return { uncovered, firstUncovered, total };
}

/** True when every day of the period has a weight and they add up to more than nothing. */
export function weightsCover(period: Period, weights: ReadonlyMap<string, number>): boolean {
  const coverage = weightsCoverage(period, weights);
  return coverage !== null && coverage.uncovered === 0 && coverage.total > 0;
}

/** The weights' share of the period by the end of day `today` (day numbers): their sum to date ÷ the period's sum. */
export function seasonalShare(
  start: number,
  end: number,
  today: number,
  weights: ReadonlyMap<string, number>,
): number {
  let total = 0;
  let done = 0;
  for (let day = start; day <= end; day++) {
    const weight = weights.get(fromDayNumber(day)) ?? 0;
    total += weight;
    if (day <= today) done += weight;
  }
  return total === 0 ? 0 : done / total;
}
