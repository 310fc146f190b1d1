import { achievement, tidy } from '../targets/achievement';
import type { Achievement, Direction } from '../targets/achievement';
import { isBlankRecord, roleText } from '../records/records';
import type { TableRecord, UnreadableCell } from '../records/records';
import { KPI_SCHEMA, headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import { elapsedShare } from '../targets/pacing';
import type { PacingCurve, Period } from '../targets/pacing';
import { defaultStatusRules, judgeStatus } from '../targets/status';
import type { Status, StatusRule, StatusThresholds } from '../targets/status';
import { normaliseText, parseCell } from '../values/values';
import type { Lang, ParsedCell, Unit } from '../values/values';

export interface UnitLabel {
  unit: Unit;
  /** What one written unit is worth: 万元 → 10000, % → 0.01. */
  scale: number;
}

/** Reads a unit column: '元'/'万元'/'亿元' money, '%' percent, '家'/'个'/'条' count, anything else a plain number. */
export function unitFromLabel(label: string | null | undefined): UnitLabel {
  const text = normaliseText(label ?? '');
  if (text === '%' || text === '百分比') return { unit: 'percent', scale: 0.01 };
  const money = /^(万亿|亿|千万|百万|万|千)?(元|人民币|rmb|cny)$/i.exec(text);
  if (money) {
    const scales: Record<string, number> = {
      万亿: 1e12,
      亿: 1e8,
      千万: 1e7,
      百万: 1e6,
      万: 1e4,
      千: 1e3,
    };
    return { unit: 'money', scale: scales[money[1] ?? ''] ?? 1 };
  }
  if (/^(万)?[家个人次件台条场位单户名项份篇座所辆套张笔批]/.test(text)) {
    return { unit: 'count', scale: text.startsWith('万') ? 1e4 : 1 };
  }
  return { unit: 'number', scale: 1 };
}

/** Applies a unit column to a cell that did not state its own unit ('540' with 万元 → 5,400,000 money). */
export function applyUnitLabel(cell: ParsedCell, label: UnitLabel): ParsedCell {
  if (cell.kind !== 'number' || cell.unit !== 'number' || label.unit === 'number') return cell;
  const value = Number((cell.value * label.scale).toPrecision(15));
  return { ...cell, value, unit: label.unit };
}

export interface KpiReading {
  metric: string;
  date: string;
  actual: number | null;
  target: number | null;
  unit: Unit;
  achievement: Achievement;
  /** Set when the row's target is a period total: the share of it expected by the row's date. */
  expected?: number | null;
  status: Status;
  reason: string;
  previous?: { date: string; actual: number | null };
  sourceRow: number;
}

export interface KpiMonitorOptions {
  asOf: string;
  overrides?: Readonly<Record<string, string>>;
  lang?: Lang;
  thresholds?: StatusThresholds;
  rules?: readonly StatusRule[];
  /** metric name → direction; metrics not listed are higher-is-better. */
  directions?: Readonly<Record<string, Direction>>;
  /** When targets are totals for a period, judge against the share expected by each row's date. */
  period?: Period;
  curve?: PacingCurve;
}

const SEVERITY: Record<Status, number> = {
  'off-track': 0,
  'at-risk': 1,
  unknown: 2,
  'on-track': 3,
};

/** Latest reading of each KPI on or before the as-of date, judged and sorted worst first. */
export function monitorKpis(
  records: readonly TableRecord[],
  options: KpiMonitorOptions,
): { readings: KpiReading[]; resolution: ColumnResolution; unreadable: UnreadableCell[] } {
  const lang = options.lang ?? 'zh-CN';
  const rules = options.rules ?? defaultStatusRules(options.thresholds);
  const resolution = resolveColumns(headersOf(records), KPI_SCHEMA, options.overrides);
  const unreadable: UnreadableCell[] = [];
  if (resolution.missing.length > 0) return { readings: [], resolution, unreadable };
  const latest = new Map<
    string,
    { date: string; actual: number | null; target: number | null; unit: Unit; row: number }[]
  >();

  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const text = (role: string): string | undefined => roleText(record, resolution, role);
    const date = parseCell(text('date'));
    if (date.kind !== 'date') {
      const reason =
        lang === 'zh-CN' ? '应为日期，如 2024-08-15' : 'expected a date such as 2024-08-15';
      unreadable.push({
        row,
        column: resolution.columns.date ?? 'date',
        value: text('date') ?? '',
        reason,
      });
      return;
    }
    if (date.value > options.asOf) return;
    const label = unitFromLabel(text('unit'));
    const read = (role: 'actual' | 'target'): ParsedCell => {
      const cell = applyUnitLabel(parseCell(text(role)), label);
      if (cell.kind !== 'number' && cell.kind !== 'empty') {
        const reason = lang === 'zh-CN' ? '应为数字' : 'expected a number';
        unreadable.push({
          row,
          column: resolution.columns[role] ?? role,
          value: text(role) ?? '',
          reason,
        });
      }
      return cell;
    };
    const actual = read('actual');
    const target = read('target');
    const unit = [target, actual].find((c) => c.kind === 'number' && c.unit !== 'number');
    const metric = text('metric') ?? '';
    const series = latest.get(metric) ?? [];
    series.push({
      date: date.value,
      actual: actual.kind === 'number' ? actual.value : null,
      target: target.kind === 'number' ? target.value : null,
      unit: unit?.kind === 'number' ? unit.unit : label.unit,
      row,
    });
    latest.set(metric, series);
  });

  const readings: KpiReading[] = [];
  for (const [metric, series] of latest) {
    series.sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
    const last = series[series.length - 1];
    const before = series[series.length - 2];
    if (!last) continue;
    const direction = options.directions?.[metric] ?? 'higher';
    const share = options.period
      ? elapsedShare(options.period, last.date, options.curve)?.share
      : undefined;
    const expected =
      share === undefined || last.target === null ? undefined : tidy(last.target * share);
    const result = achievement(last.target, last.actual, direction);
    const pace = expected ? achievement(expected, last.actual, direction).rate : null;
    const verdict = judgeStatus(
      {
        metric,
        unit: last.unit,
        target: last.target,
        actual: last.actual,
        achievement: result,
        expected,
        pace,
        asOf: last.date,
        deadline: options.period?.end,
      },
      lang,
      rules,
    );
    const reading: KpiReading = {
      metric,
      date: last.date,
      actual: last.actual,
      target: last.target,
      unit: last.unit,
      achievement: result,
      status: verdict.status,
      reason: verdict.reason,
      sourceRow: last.row,
    };
    if (expected !== undefined) reading.expected = expected;
    if (before) reading.previous = { date: before.date, actual: before.actual };
    readings.push(reading);
  }
  readings.sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      (a.achievement.rate ?? 0) - (b.achievement.rate ?? 0),
  );
  return { readings, resolution, unreadable };
}
