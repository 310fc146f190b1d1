import type { Period, Unit, VarianceAlert } from '@stratex/core';

/** An alert was raised, or its level changed while it stays raised. */
export const SX_ALERT = 'sx-alert';
/** A raised alert is gone, or fell below a warning. */
export const SX_ALERT_CLEARED = 'sx-alert-cleared';

/** How urgent a raised alert is; an alert on track (or of unknown standing) is not raised. */
export type AlertLevel = 'warning' | 'critical';

/** What an alert is about: a KPI against its pace, a task behind plan, or a budget line. */
export type AlertKind = 'kpi' | 'task' | 'budget';

/** Detail of `sx-alert-cleared`: which alert no longer stands. */
export interface SxAlertClearedDetail {
  /** Stable for (kind, metric, path, period): `kpi:销售额@2024-07-01/2024-09-30`. */
  id: string;
  /** The widget's series: its source name, its file, `query` or `data`. */
  source: string;
  kind: AlertKind;
  /** The KPI's name as the export writes it; `progress` for a task; `spent` or `contingency` for a budget line. */
  metric: string;
  /** The dimension values the alert is about: the task or the budget module; none for a KPI of the whole series. */
  path: string[];
  /** The period judged, as an ISO interval `start/end`. */
  period: string;
}

/** Detail of `sx-alert`: the alert as it stands now, with its figures and the widget's sentence. */
export interface SxAlertDetail extends SxAlertClearedDetail {
  level: AlertLevel;
  /** The level this widget raised the alert at before (null when it is new): lower when it rose, higher when it eased. */
  previous: AlertLevel | null;
  /** The day the figures are judged at (ISO), when known. */
  asOf: string | null;
  /** The KPI to date, the task's progress (0–1), or what was spent (or kept, for the contingency). */
  value: number | null;
  /** What was expected by the as-of day, the task's expected progress, or the budget (the whole budget for the contingency). */
  expected: number | null;
  /** value ÷ expected (the other way round when lower is better); spent ÷ budget; the contingency's share. */
  ratio: number | null;
  unit: Unit;
  /** The alert's reason in the widget's language, as its list and table say it. */
  message: string;
}

/** An alert as the events tell it, before it is compared with what was raised before. */
export type RaisedAlert = Omit<SxAlertDetail, 'previous'>;

/** A name or dimension value inside an id, its separators escaped so no two keys meet. */
const keyPart = (text: string): string => text.replace(/[\\/@]/g, (mark) => `\\${mark}`);

/** `kind:metric/path…@period`, readable, and the same on every load of the same data. */
export function alertId(
  kind: AlertKind,
  metric: string,
  path: readonly string[],
  period: string,
): string {
  return `${kind}:${[metric, ...path].map(keyPart).join('/')}@${period}`;
}

/** What the widget's alerts are judged against: the series, the period and the as-of day. */
export interface AlertScope {
  source: string;
  period: Period | null;
  asOf: string | null;
}

type Figures = Pick<RaisedAlert, 'metric' | 'path' | 'value' | 'expected' | 'ratio' | 'unit'>;

function figuresOf(alert: VarianceAlert): Figures {
  switch (alert.kind) {
    case 'kpi': {
      const { kpi } = alert;
      const figures = { value: kpi.toDate, expected: kpi.expected, ratio: kpi.paceRatio };
      return { metric: kpi.metric, path: [], unit: kpi.unit, ...figures };
    }
    case 'task': {
      const { task } = alert;
      const { actual, expected } = task;
      const ratio = actual === null || !expected ? null : actual / expected;
      return {
        metric: 'progress',
        path: [task.task],
        value: actual,
        expected,
        ratio,
        unit: 'percent',
      };
    }
    case 'budget': {
      const { budget } = alert;
      const metric = budget.issue === 'contingency-outside-guidance' ? 'contingency' : 'spent';
      const figures = { value: budget.amount, expected: budget.budget, ratio: budget.ratio };
      return { metric, path: [budget.module], unit: 'money', ...figures };
    }
  }
}

/** The widget's alerts at a warning or worse, as the events tell them. */
export function raisedAlerts(alerts: readonly VarianceAlert[], scope: AlertScope): RaisedAlert[] {
  const period = scope.period ? `${scope.period.start}/${scope.period.end}` : '';
  const raised: RaisedAlert[] = [];
  for (const alert of alerts) {
    if (alert.severity !== 'warning' && alert.severity !== 'critical') continue;
    const figures = figuresOf(alert);
    raised.push({
      id: alertId(alert.kind, figures.metric, figures.path, period),
      source: scope.source,
      kind: alert.kind,
      level: alert.severity,
      period,
      asOf: scope.asOf,
      message: alert.reason,
      ...figures,
    });
  }
  return raised;
}

/** What to tell the page, and the alerts that stand afterwards. */
export interface AlertChanges {
  raised: SxAlertDetail[];
  cleared: SxAlertClearedDetail[];
  standing: Map<string, RaisedAlert>;
}

/**
 * Compares the alerts found now with those raised before. Only kinds in `settled` (the tables
 * read in full this time) can clear; an alert at the level it stood at says nothing.
 */
export function alertChanges(
  before: ReadonlyMap<string, RaisedAlert>,
  now: readonly RaisedAlert[],
  settled: ReadonlySet<AlertKind>,
): AlertChanges {
  const standing = new Map<string, RaisedAlert>();
  for (const alert of before.values()) {
    if (!settled.has(alert.kind)) standing.set(alert.id, alert);
  }
  const raised: SxAlertDetail[] = [];
  for (const alert of now) {
    if (!settled.has(alert.kind) || standing.has(alert.id)) continue;
    standing.set(alert.id, alert);
    const previous = before.get(alert.id)?.level ?? null;
    if (previous !== alert.level) raised.push({ ...alert, previous });
  }
  const cleared: SxAlertClearedDetail[] = [];
  for (const alert of before.values()) {
    if (standing.has(alert.id)) continue;
    const { id, source, kind, metric, path, period } = alert;
    cleared.push({ id, source, kind, metric, path, period });
  }
  return { raised, cleared, standing };
}
