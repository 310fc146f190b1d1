import { tidy } from '../targets/achievement';
import { isBlankRecord, roleCell, roleText } from '../records/records';
import type { CellRecord, UnreadableCell } from '../records/records';
import type { ColumnResolution } from '../records/roles';
import { readCell } from '../values/cells';
import type { Lang, NumberCell, Unit } from '../values/values';
import { messageText } from '../messages/catalogue';
import { applyUnitLabel, unitFromLabel } from './kpi-series';

/** Rates are shown to this many decimals of their written unit (10.2 %). */
const RATE_DIGITS = 1;

/** The order metrics are listed in: amounts of money, then counts, plain numbers, and rates. */
const UNIT_ORDER: Record<Unit, number> = { money: 0, count: 1, number: 2, percent: 3 };

interface MetricToDate {
  metric: string;
  unit: Unit;
  /** The actual readings and the largest stated target, in their unit (15 % is 0.15). */
  actuals: number[];
  target: number | null;
}

/**
 * A daily KPI export rolled up to date, one evaluation row per metric: an amount's actual is
 * the sum of its days, a rate's (unit %) the mean of its readings (to one decimal), and the
 * target is the one the rows state (the largest stated, as every row states the period's).
 * The rows are keyed by the export's own metric, target and actual headers, so the scorecard
 * reads them with those as its dimension, target and actual; they list money first, then
 * counts, plain numbers and rates, each by name.
 *
 * `records` are the export's rows or rows already summed per metric (and unit): then
 * `meanColumn` holds a rate's mean reading and `actual` its sum.
 */
export function kpisToDate(
  records: readonly CellRecord[],
  resolution: ColumnResolution,
  lang: Lang,
  meanColumn?: string,
): { rows: CellRecord[]; unreadable: UnreadableCell[] } {
  const columns = resolution.columns;
  const metricColumn = columns.metric;
  const targetColumn = columns.target;
  const actualColumn = columns.actual;
  if (!metricColumn || !targetColumn || !actualColumn) return { rows: [], unreadable: [] };
  const metrics = new Map<string, MetricToDate>();
  const unreadable: UnreadableCell[] = [];
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const label = unitFromLabel(roleText(record, resolution, 'unit'));
    const metric = roleText(record, resolution, 'metric') ?? '';
    const entry = metrics.get(metric) ?? { metric, unit: label.unit, actuals: [], target: null };
    const read = (
      role: 'actual' | 'target',
      column: string,
      raw = roleCell(record, resolution, role),
    ): NumberCell | null => {
      // A scaled label (万元, %) multiplies bare numbers; a plain one (元, 家) only names their unit.
      const cell =
        label.scale === 1 ? readCell(raw, label.unit) : applyUnitLabel(readCell(raw), label);
      if (cell.kind === 'number') {
        if (cell.unit !== 'number') entry.unit = cell.unit;
        return cell;
      }
      if (cell.kind !== 'empty') {
        unreadable.push({
          row: index + 1,
          column,
          value: roleText(record, resolution, role) ?? '',
          reason: messageText(lang, 'cellExpectedNumber'),
        });
      }
      return null;
    };
    const actual =
      label.unit === 'percent' && meanColumn && record[meanColumn] !== undefined
        ? read('actual', actualColumn, record[meanColumn])
        : read('actual', actualColumn);
    if (actual) entry.actuals.push(actual.value);
    const target = read('target', targetColumn);
    if (target && (entry.target === null || target.value > entry.target))
      entry.target = target.value;
    metrics.set(metric, entry);
  });
  const rows = [...metrics.values()]
    .sort(
      (a, b) =>
        UNIT_ORDER[a.unit] - UNIT_ORDER[b.unit] ||
        (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0),
    )
    .map((entry): CellRecord => {
      const rate = entry.unit === 'percent';
      const total = entry.actuals.reduce((sum, value) => sum + value, 0);
      const actual =
        entry.actuals.length === 0
          ? null
          : rate
            ? tidy(Number(((total / entry.actuals.length) * 100).toFixed(RATE_DIGITS)) / 100)
            : tidy(total);
      return {
        [metricColumn]: entry.metric,
        [targetColumn]: numberCell(entry.target, entry.unit),
        [actualColumn]: numberCell(actual, entry.unit),
      };
    });
  return { rows, unreadable };
}

function numberCell(value: number | null, unit: Unit): NumberCell | null {
  return value === null ? null : { kind: 'number', value, unit, raw: String(value) };
}
