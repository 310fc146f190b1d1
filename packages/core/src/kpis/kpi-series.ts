import { parseDirection, tidy } from '../targets/achievement';
import type { Direction } from '../targets/achievement';
import { dayNumber } from '../values/dates';
import type { Period } from '../targets/pacing';
import { isBlankRecord, roleCell, roleText } from '../records/records';
import type { CellRecord, UnreadableCell } from '../records/records';
import { KPI_SCHEMA } from '../records/roles';
import type { ColumnResolution, RoleSchema } from '../records/roles';
import { normaliseText } from '../values/values';
import { readCell } from '../values/cells';
import type { Lang, ParsedCell, Unit } from '../values/values';
import { messageText } from '../messages/catalogue';

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

/** The daily KPI table, with an optional column saying which way is better. */
export const KPI_SERIES_SCHEMA: RoleSchema = {
  name: 'kpi-series',
  roles: [
    ...KPI_SCHEMA.roles,
    { role: 'direction', required: false, aliases: ['direction', '方向', '指标方向', '考核方向'] },
  ],
};

/** One metric's daily values as read: day number → the values of that day. */
export interface MetricSeries {
  unit: Unit;
  direction?: Direction;
  target: { date: string; value: number } | null;
  days: Map<number, number[]>;
}

/**
 * What a row's target cell holds: `period` — the metric's period target, written on every
 * row (the latest row's counts); `share` — the row's share of it, as fact rows hold it (the
 * period target is the sum of the shares within the period).
 */
export type TargetRows = 'period' | 'share';

/** Reads a daily KPI table into one series per metric, within the period when one is given. */
export function readKpiSeries(
  records: readonly CellRecord[],
  resolution: ColumnResolution,
  lang: Lang,
  period: Partial<Period> | undefined,
  targetRows: TargetRows = 'period',
): { metrics: Map<string, MetricSeries>; dates: string[]; unreadable: UnreadableCell[] } {
  const metrics = new Map<string, MetricSeries>();
  const dates = new Set<string>();
  const unreadable: UnreadableCell[] = [];
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const text = (role: string): string | undefined => roleText(record, resolution, role);
    const problem = (role: string, reason: string): void => {
      unreadable.push({
        row,
        column: resolution.columns[role] ?? role,
        value: text(role) ?? '',
        reason,
      });
    };
    const date = readCell(roleCell(record, resolution, 'date'));
    if (date.kind !== 'date') {
      problem('date', messageText(lang, 'cellExpectedKpiDate'));
      return;
    }
    if ((period?.start && date.value < period.start) || (period?.end && date.value > period.end))
      return;
    dates.add(date.value);
    const label = unitFromLabel(text('unit'));
    const number = (role: 'actual' | 'target'): { value: number; unit: Unit } | null => {
      // A scaled label (万元, %) multiplies bare numbers; a plain one (元, 家) only names their unit.
      const raw = roleCell(record, resolution, role);
      const cell =
        label.scale === 1 ? readCell(raw, label.unit) : applyUnitLabel(readCell(raw), label);
      if (cell.kind === 'number') return { value: cell.value, unit: cell.unit };
      if (cell.kind !== 'empty') problem(role, messageText(lang, 'cellExpectedNumber'));
      return null;
    };
    const actual = number('actual');
    const target = number('target');
    const metric = text('metric') ?? '';
    const entry: MetricSeries = metrics.get(metric) ?? {
      unit: label.unit,
      target: null,
      days: new Map(),
    };
    const unit = [target?.unit, actual?.unit].find((u) => u && u !== 'number');
    if (unit) entry.unit = unit;
    const direction = text('direction');
    if (direction) entry.direction = parseDirection(direction);
    if (target && targetRows === 'share') {
      const latest =
        entry.target && entry.target.date > date.value ? entry.target.date : date.value;
      entry.target = { date: latest, value: tidy((entry.target?.value ?? 0) + target.value) };
    } else if (target && (!entry.target || entry.target.date <= date.value))
      entry.target = { date: date.value, value: target.value };
    const day = dayNumber(date.value);
    if (actual && day !== null) entry.days.set(day, [...(entry.days.get(day) ?? []), actual.value]);
    metrics.set(metric, entry);
  });
  return { metrics, dates: [...dates].sort(), unreadable };
}
