import {
  allocateBudget,
  budgetAlerts,
  budgetFromStrategy,
  type CellRecord,
  DEFAULT_THRESHOLDS,
  gatherAlerts,
  type KpiSeriesReport,
  type Lang,
  type PacingCurve,
  paceKpiSeries,
  parseDirection,
  type TargetRows,
  trackProgress,
  type VarianceAlert,
} from '@stratex/core';
import type { SideTable } from '../base/side-tables';

/** The alerts' settings, as their attributes give them. */
export interface PaceSettings {
  asOf: string | undefined;
  periodStart: string | undefined;
  periodEnd: string | undefined;
  curve: PacingCurve;
  warningBelow: number | undefined;
  criticalBelow: number | undefined;
  direction: string | undefined;
  overrides: Record<string, string>;
  targetRows: TargetRows;
  lang: Lang;
}

/** Every KPI of the series paced at the as-of day, against the thresholds the attributes set. */
export function paceSeries(rows: readonly CellRecord[], settings: PaceSettings): KpiSeriesReport {
  const onTrack = settings.warningBelow ?? DEFAULT_THRESHOLDS.onTrack;
  const atRisk = Math.min(settings.criticalBelow ?? DEFAULT_THRESHOLDS.atRisk, onTrack);
  const period: { start?: string; end?: string } = {};
  if (settings.periodStart) period.start = settings.periodStart;
  if (settings.periodEnd) period.end = settings.periodEnd;
  return paceKpiSeries(rows, {
    asOf: settings.asOf || undefined,
    period,
    overrides: settings.overrides,
    lang: settings.lang,
    thresholds: { onTrack, atRisk },
    direction: settings.direction ? parseDirection(settings.direction) : undefined,
    targetRows: settings.targetRows,
    curve: settings.curve,
  });
}

/** The alerts, most urgent first, and the column that names each kind's subject (for choosing one). */
export interface GatheredAlerts {
  alerts: VarianceAlert[];
  subjectColumns: Partial<Record<VarianceAlert['kind'], string>>;
}

/** The KPIs' alerts with those of the progress table and the budget, when they have been read. */
export function gatherAll(
  report: KpiSeriesReport,
  sides: Partial<Record<'tasks' | 'budget', SideTable>>,
  lang: Lang,
  curve?: PacingCurve,
): GatheredAlerts {
  const asOf = report.asOf;
  const subjectColumns: Partial<Record<VarianceAlert['kind'], string>> = {
    kpi: report.resolution.columns.metric,
  };
  let tasks;
  const taskTable = sides.tasks;
  if (taskTable?.phase === 'ready' && asOf) {
    const progress = trackProgress(taskTable.rows, { asOf, lang, curve });
    tasks = progress.tasks;
    subjectColumns.task = progress.resolution.columns.task;
  }
  let budget;
  const budgetTable = sides.budget;
  if (budgetTable?.phase === 'ready') {
    const read = budgetFromStrategy(budgetTable.rows, { lang });
    budget = budgetAlerts(allocateBudget(read.lines, { lang }), { lang });
    subjectColumns.budget = read.resolution.columns.module;
  }
  return { alerts: gatherAlerts({ kpis: report.kpis, tasks, budget }), subjectColumns };
}
