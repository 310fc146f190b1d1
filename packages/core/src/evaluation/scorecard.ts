import { achievement, parseDirection, tidy } from '../targets/achievement';
import type { Achievement, Direction } from '../targets/achievement';
import { EVALUATION_SCHEMA, headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import { decideStatus, defaultStatusRules, statusWords } from '../targets/status';
import type { Status, StatusRule, StatusThresholds } from '../targets/status';
import { isBlankRecord, roleCell, roleText, unreadableReason } from '../records/records';
import type { CellRecord, UnreadableCell } from '../records/records';
import { cellText, readCell } from '../values/cells';
import { cellNumber, type Lang, type ParsedCell, type Unit } from '../values/values';
import { messageText } from '../messages/catalogue';
import { judgePace, type KpiMeasure } from '../targets/pace-status';
import type { PacingCurve, Period, PeriodState } from '../targets/pacing';

export interface ScorecardRow {
  dimension: string;
  target: ParsedCell;
  actual: ParsedCell;
  unit: Unit;
  achievement: Achievement;
  status: Status;
  statusReason: string;
  variance?: string;
  suggestion?: string;
  weight: number;
  sourceRow: number;
  direction: Direction;
  /** The rate the file itself states (达成率 column), when it has one. */
  statedRate?: number;
  /** When the scorecard is paced: the row against its expected-to-date, by the one pace rule. */
  pace?: RowPace;
}

export interface RowPace {
  expected: number | null;
  ratio: number | null;
  state: PeriodState;
}

/** A period the figures are to date of: each row is then judged by its pace at `asOf`. */
export interface ScorecardPacing {
  period: Period;
  asOf: string;
  curve?: PacingCurve;
}

export interface Scorecard {
  rows: ScorecardRow[];
  overall: number | null;
  resolution: ColumnResolution;
  unreadable: UnreadableCell[];
}

export interface ScorecardOptions {
  overrides?: Readonly<Record<string, string>>;
  lang?: Lang;
  thresholds?: StatusThresholds;
  rules?: readonly StatusRule[];
  /** Figures to date of a period: status by pace while it runs, by target once it is over. */
  pacing?: ScorecardPacing;
}

/** The metric unit two cells share: the first one that is more than a plain number. */
export function sharedUnit(...cells: readonly ParsedCell[]): Unit {
  for (const cell of cells) if (cell.kind === 'number' && cell.unit !== 'number') return cell.unit;
  return 'number';
}

/** Weighted mean of rates (rows without a rate or with zero weight are left out). */
export function weightedOverall(
  rows: readonly { rate: number | null; weight: number }[],
): number | null {
  let sum = 0;
  let weights = 0;
  for (const row of rows) {
    if (row.rate === null || row.weight <= 0) continue;
    sum += row.rate * row.weight;
    weights += row.weight;
  }
  return weights > 0 ? tidy(sum / weights) : null;
}

/** records are objects keyed by header (strings as read from the file, all VARCHAR). Default status: rate>=1 on-track, >=0.85 at-risk, else off-track (thresholds overridable). */
export function buildScorecard(
  records: readonly CellRecord[],
  options: ScorecardOptions = {},
): Scorecard {
  const lang = options.lang ?? 'zh-CN';
  const rules = options.rules ?? defaultStatusRules(options.thresholds);
  const resolution = resolveColumns(headersOf(records), EVALUATION_SCHEMA, options.overrides);
  const unreadable: UnreadableCell[] = [];
  const rows: ScorecardRow[] = [];
  const column = (role: string): string | undefined => resolution.columns[role];
  const targetColumn = column('target');
  const actualColumn = column('actual');
  if (targetColumn === undefined || actualColumn === undefined) {
    return { rows, overall: null, resolution, unreadable };
  }
  const text = (record: CellRecord, role: string): string | undefined =>
    roleText(record, resolution, role);

  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const sourceRow = index + 1;
    const numeric = (header: string): ParsedCell => {
      const cell = readCell(record[header]);
      if (cell.kind !== 'empty' && cell.kind !== 'number') {
        const value = cellText(record[header]);
        unreadable.push({
          row: sourceRow,
          column: header,
          value,
          reason: unreadableReason(cell, lang),
        });
      }
      return cell;
    };
    const rawTarget = numeric(targetColumn);
    const rawActual = numeric(actualColumn);
    const unit = sharedUnit(rawTarget, rawActual);
    const target = readCell(record[targetColumn], unit);
    const actual = readCell(record[actualColumn], unit);
    const direction = parseDirection(text(record, 'direction'));
    // A target cell that holds something other than a number is said to be one, not absent.
    const targetValue =
      target.kind === 'number' ? target.value : target.kind === 'empty' ? null : Number.NaN;
    const actualValue = cellNumber(actual);
    const result = achievement(targetValue, actualValue, direction);
    const dimension = text(record, 'dimension') ?? '';
    const paced = options.pacing
      ? judgePace(
          {
            metric: dimension,
            unit,
            measure: measureOf(unit),
            direction,
            target: targetValue,
            actual: actualValue,
          },
          options.pacing.period,
          options.pacing.asOf,
          { curve: options.pacing.curve, thresholds: options.thresholds, lang },
        )
      : undefined;
    const facts = {
      metric: dimension,
      unit,
      target: targetValue,
      actual: actualValue,
      achievement: result,
    };
    const decided = paced ?? decideStatus(facts, rules);
    // Worded when first read: a long scorecard shows a few of its rows at a time.
    let reason = paced?.reason;
    const row: ScorecardRow = {
      dimension,
      target,
      actual,
      unit,
      achievement: result,
      status: decided.status,
      get statusReason(): string {
        reason ??= statusWords(facts, decided, lang);
        return reason;
      },
      weight: readWeight(record, column('weight'), sourceRow, lang, unreadable),
      sourceRow,
      direction,
    };
    const variance = text(record, 'variance_analysis');
    const suggestion = text(record, 'suggestion');
    const stated = readCell(roleCell(record, resolution, 'rate'));
    if (variance) row.variance = variance;
    if (suggestion) row.suggestion = suggestion;
    if (stated.kind === 'number') row.statedRate = stated.value;
    if (paced?.state)
      row.pace = { expected: paced.expected, ratio: paced.paceRatio, state: paced.state };
    rows.push(row);
  });

  const overall = weightedOverall(
    rows.map((row) => ({ rate: row.achievement.rate, weight: row.weight })),
  );
  return { rows, overall, resolution, unreadable };
}

/** A rate (unit %) is judged by its mean, any other figure as a total. */
function measureOf(unit: Unit): KpiMeasure {
  return unit === 'percent' ? 'average' : 'total';
}

function readWeight(
  record: CellRecord,
  header: string | undefined,
  row: number,
  lang: Lang,
  unreadable: UnreadableCell[],
): number {
  if (header === undefined) return 1;
  const cell = readCell(record[header]);
  if (cell.kind === 'empty') return 1;
  if (cell.kind === 'number' && cell.value >= 0) return cell.value;
  const reason =
    cell.kind === 'number' ? messageText(lang, 'weightNegative') : unreadableReason(cell, lang);
  unreadable.push({ row, column: header, value: cellText(record[header]), reason });
  return 1;
}
