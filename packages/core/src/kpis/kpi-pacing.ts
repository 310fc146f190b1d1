import { tidy } from '../targets/achievement';
import type { Direction } from '../targets/achievement';
import { dayNumber, fromDayNumber } from '../values/dates';
import { formatDayMonth, formatValue } from '../values/format';
import { KPI_SERIES_SCHEMA, readKpiSeries } from './kpi-series';
import type { MetricSeries, TargetRows } from './kpi-series';
import { elapsedShare } from '../targets/pacing';
import { judgePace, type KpiMeasure } from '../targets/pace-status';
import type { ElapsedShare, PacingCurve, Period, PeriodState } from '../targets/pacing';
import type { CellRecord, UnreadableCell } from '../records/records';
import { headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import type { Status, StatusThresholds } from '../targets/status';
import type { Lang, Unit } from '../values/values';
import { type MessageCode, messageText } from '../messages/catalogue';

/** One point of a KPI's line: `day` counts from the period start (1 = its first day, 0 = before it). */
export interface KpiPoint {
  day: number;
  value: number;
}

export interface KpiPacing {
  metric: string;
  unit: Unit;
  measure: KpiMeasure;
  direction: Direction;
  /** The period target (for an average: the target rate). */
  target: number | null;
  /** Sum of the daily values through the as-of date, or their mean for a rate. */
  toDate: number | null;
  /** What the target asks for by the as-of date: its share of a total, or the target rate itself. */
  expected: number | null;
  /** toDate ÷ expected (expected ÷ toDate when lower is better); null when either is missing. */
  paceRatio: number | null;
  /** toDate − expected. */
  gap: number | null;
  /** Where a total ends at the current run rate. */
  projected: number | null;
  status: Status;
  reason: string;
  /** Whether the period is running or over at the as-of day: it decides the status's word. */
  periodState: PeriodState;
  /** Running total (or running mean) through the as-of date. */
  actualLine: KpiPoint[];
  /** The target's path over the whole period. */
  paceLine: KpiPoint[];
  daysTotal: number;
}

export interface KpiSeriesOptions {
  /** Default: the last date in the data. */
  asOf?: string;
  /** Default: the first and last dates in the data. */
  period?: Partial<Period>;
  overrides?: Readonly<Record<string, string>>;
  lang?: Lang;
  /** onTrack: the pace at which a KPI is on track; atRisk: below it, critical. */
  thresholds?: StatusThresholds;
  /** For metrics whose rows do not say; default higher is better. */
  direction?: Direction;
  curve?: PacingCurve;
  /** What a row's target cell holds: the period target (default) or the row's share of it. */
  targetRows?: TargetRows;
}

export interface KpiSeriesReport {
  kpis: KpiPacing[];
  period: Period | null;
  asOf: string | null;
  elapsed: ElapsedShare | null;
  resolution: ColumnResolution;
  unreadable: UnreadableCell[];
}

const URGENCY: Record<Status, number> = { 'off-track': 0, 'at-risk': 1, unknown: 2, 'on-track': 3 };

/** Reads a daily KPI series (日期, 指标, 实际值, 目标值, 单位) and paces every metric at the as-of date, worst first. */
export function paceKpiSeries(
  records: readonly CellRecord[],
  options: KpiSeriesOptions = {},
): KpiSeriesReport {
  const lang = options.lang ?? 'zh-CN';
  const resolution = resolveColumns(headersOf(records), KPI_SERIES_SCHEMA, options.overrides);
  const empty = { kpis: [], period: null, asOf: null, elapsed: null, resolution };
  if (resolution.missing.length > 0) return { ...empty, unreadable: [] };
  const { metrics, dates, unreadable } = readKpiSeries(
    records,
    resolution,
    lang,
    options.period,
    options.targetRows,
  );
  const first = dates[0];
  const last = dates[dates.length - 1];
  const period = { start: options.period?.start ?? first, end: options.period?.end ?? last };
  const asOf = options.asOf ?? last;
  if (!period.start || !period.end || !asOf) return { ...empty, unreadable };
  const range = { start: period.start, end: period.end };
  const elapsed = elapsedShare(range, asOf, options.curve);
  if (!elapsed) return { ...empty, unreadable };
  // The share of the target due by each day of the period is the same for every metric.
  let shares: (number | null)[] | undefined;
  const due = (): (number | null)[] =>
    (shares ??= dueShares(range, elapsed.daysTotal, options.curve));
  const kpis = [...metrics].map(([metric, days]) =>
    paceMetric(
      metric,
      days,
      range,
      asOf,
      { daysTotal: elapsed.daysTotal, due },
      {
        ...options,
        lang,
      },
    ),
  );
  kpis.sort(
    (a, b) =>
      URGENCY[a.status] - URGENCY[b.status] ||
      (a.paceRatio ?? Infinity) - (b.paceRatio ?? Infinity),
  );
  return { kpis, period: range, asOf, elapsed, resolution, unreadable };
}

function paceMetric(
  metric: string,
  series: MetricSeries,
  period: Period,
  asOf: string,
  days: { daysTotal: number; due: () => readonly (number | null)[] },
  options: KpiSeriesOptions & { lang: Lang },
): KpiPacing {
  const { daysTotal } = days;
  const { unit } = series;
  const measure: KpiMeasure = unit === 'percent' ? 'average' : 'total';
  const direction = series.direction ?? options.direction ?? 'higher';
  const target = series.target?.value ?? null;
  const actualLine = runningLine(series, measure, period, asOf);
  const toDate = actualLine.length > 0 ? (actualLine[actualLine.length - 1]?.value ?? null) : null;
  const hasReadings = [...series.days.keys()].some((day) => fromDayNumber(day) <= asOf);
  const reached = hasReadings ? toDate : null;
  const { expected, paceRatio, projected, ...verdict } = judgePace(
    { metric, unit, measure, direction, target, actual: reached },
    period,
    asOf,
    { curve: options.curve, thresholds: options.thresholds, lang: options.lang },
  );
  const kpi: KpiPacing = {
    metric,
    unit,
    measure,
    direction,
    target,
    toDate: reached,
    expected,
    paceRatio,
    gap: reached === null || expected === null ? null : tidy(reached - expected),
    projected,
    status: verdict.status,
    reason: verdict.reason,
    // A period read off the export's own days is not known to be over when the days stop.
    periodState:
      verdict.state === 'over' && !options.period?.end ? 'running' : (verdict.state ?? 'running'),
    actualLine: hasReadings ? actualLine : [],
    paceLine: paceLine(target, measure, daysTotal, days.due),
    daysTotal,
  };
  if (asOf < period.start) {
    const starts = formatDayMonth(period.start, options.lang);
    kpi.status = 'on-track';
    kpi.reason = messageText(options.lang ?? 'zh-CN', 'kpiNotStarted', { metric, starts });
  } else if (verdict.status !== 'unknown') {
    kpi.reason = paceReason(kpi, asOf > period.end, options.lang);
  }
  return kpi;
}

function runningLine(
  series: MetricSeries,
  measure: KpiMeasure,
  period: Period,
  asOf: string,
): KpiPoint[] {
  const start = dayNumber(period.start) ?? 0;
  const last = Math.min(dayNumber(asOf) ?? start, dayNumber(period.end) ?? start);
  const line: KpiPoint[] = measure === 'total' ? [{ day: 0, value: 0 }] : [];
  let sum = 0;
  let count = 0;
  for (let day = start; day <= last; day++) {
    const values = series.days.get(day) ?? [];
    for (const value of values) sum += value;
    count += values.length;
    if (measure === 'total') line.push({ day: day - start + 1, value: tidy(sum) });
    else if (count > 0) line.push({ day: day - start + 1, value: tidy(sum / count) });
  }
  return line;
}

function paceLine(
  target: number | null,
  measure: KpiMeasure,
  daysTotal: number,
  due: () => readonly (number | null)[],
): KpiPoint[] {
  if (target === null) return [];
  if (measure === 'average')
    return [
      { day: 0, value: target },
      { day: daysTotal, value: target },
    ];
  const line: KpiPoint[] = [{ day: 0, value: 0 }];
  due().forEach((share, at) => {
    if (share !== null) line.push({ day: at + 1, value: tidy(target * share) });
  });
  return line;
}

/** The share of a period's target due by the end of each of its days, first day first (null where none can be said). */
function dueShares(
  period: Period,
  daysTotal: number,
  curve: PacingCurve | undefined,
): (number | null)[] {
  const start = dayNumber(period.start) ?? 0;
  const shares: (number | null)[] = [];
  for (let day = 1; day <= daysTotal; day++)
    shares.push(elapsedShare(period, fromDayNumber(start + day - 1), curve)?.share ?? null);
  return shares;
}

const oneDecimalRate = new Map<Lang, Intl.NumberFormat>();

/** A KPI figure in the metric's unit; a rate averaged over days keeps one decimal (11.0%). */
export function formatKpiValue(
  value: number | null,
  kpi: Pick<KpiPacing, 'unit' | 'measure'>,
  lang: Lang,
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (kpi.unit !== 'percent' || kpi.measure !== 'average')
    return formatValue(value, kpi.unit, lang);
  let format = oneDecimalRate.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    oneDecimalRate.set(lang, format);
  }
  return format.format(value);
}

/** '线索转化率 仅达进度的 73.3%：11.0% 对比目标 15%' / 'lead conversion rate 73.3% of pace: 11.0% against 15%'. */
function paceReason(kpi: KpiPacing, over: boolean, lang: Lang): string {
  const ratio = formatValue(kpi.paceRatio ?? Number.NaN, 'percent', lang);
  const actual = formatKpiValue(kpi.toDate, kpi, lang);
  const expected = formatValue(kpi.expected ?? Number.NaN, kpi.unit, lang);
  const behind = (kpi.paceRatio ?? 0) < 1;
  const lower = kpi.direction === 'lower' ? messageText(lang, 'kpiLowerIsBetter') : '';
  const rate = kpi.measure === 'average';
  const code: MessageCode = over
    ? 'kpiOfTarget'
    : rate
      ? behind
        ? 'kpiRateBehind'
        : 'kpiRateAhead'
      : behind
        ? 'kpiTotalBehind'
        : 'kpiTotalAhead';
  return messageText(lang, code, { metric: kpi.metric, ratio, actual, expected, lower });
}
