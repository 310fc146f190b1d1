import type { BudgetAlert } from '../budget/budget-alerts';
import type { KpiPacing } from './kpi-pacing';
import type { TrackedTask } from '../progress/progress-lag';
import type { Status } from '../targets/status';
import { paceStatusWord } from '../targets/pace-status';
import type { Lang } from '../values/values';
import { type MessageCode, messageText } from '../messages/catalogue';

export type AlertSeverity = 'critical' | 'warning' | 'unknown' | 'on-track';

interface AlertBase {
  /** What the alert is about: the metric, the task or the budget module. */
  subject: string;
  severity: AlertSeverity;
  reason: string;
}

/** One line of the monitoring view: a KPI against its pace, a task behind plan, or a budget problem. */
export type VarianceAlert =
  | (AlertBase & { kind: 'kpi'; kpi: KpiPacing })
  | (AlertBase & { kind: 'task'; task: TrackedTask })
  | (AlertBase & { kind: 'budget'; budget: BudgetAlert });

const SEVERITY_OF: Record<Status, AlertSeverity> = {
  'off-track': 'critical',
  'at-risk': 'warning',
  unknown: 'unknown',
  'on-track': 'on-track',
};

const SEVERITY_ORDER: Record<AlertSeverity, number> = {
  critical: 0,
  warning: 1,
  unknown: 2,
  'on-track': 3,
};

const KIND_ORDER: Record<VarianceAlert['kind'], number> = { kpi: 0, task: 1, budget: 2 };

/** off track → critical, at risk → warning. */
export function severityOf(status: Status): AlertSeverity {
  return SEVERITY_OF[status];
}

/** How far an alert's subject stands from plan; lower is more urgent. */
function standing(alert: VarianceAlert): number {
  switch (alert.kind) {
    case 'kpi':
      return alert.kpi.paceRatio ?? Infinity;
    case 'task': {
      const { actual, expected } = alert.task;
      return actual === null || !expected ? Infinity : actual / expected;
    }
    case 'budget':
      return alert.budget.issue === 'contingency-outside-guidance'
        ? Infinity
        : 1 / (alert.budget.ratio ?? 1);
  }
}

/**
 * Every KPI (on track ones too), the tasks that lag or are overdue, and the budget problems,
 * most urgent first: by severity, then KPIs before tasks before budget, then furthest off plan.
 */
export function gatherAlerts(sources: {
  kpis?: readonly KpiPacing[];
  tasks?: readonly TrackedTask[];
  budget?: readonly BudgetAlert[];
}): VarianceAlert[] {
  const alerts: VarianceAlert[] = [
    ...(sources.kpis ?? []).map((kpi) => ({
      kind: 'kpi' as const,
      subject: kpi.metric,
      severity: severityOf(kpi.status),
      reason: kpi.reason,
      kpi,
    })),
    ...(sources.tasks ?? [])
      .filter((task) => task.state === 'lagging' || task.state === 'overdue')
      .map((task) => ({
        kind: 'task' as const,
        subject: task.task,
        severity: severityOf(task.status),
        reason: task.reason,
        task,
      })),
    ...(sources.budget ?? []).map((budget) => ({
      kind: 'budget' as const,
      subject: budget.module,
      severity: budget.severity,
      reason: budget.reason,
      budget,
    })),
  ];
  return alerts
    .map((alert, index) => ({ alert, index, standing: standing(alert) }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.alert.severity] - SEVERITY_ORDER[b.alert.severity] ||
        KIND_ORDER[a.alert.kind] - KIND_ORDER[b.alert.kind] ||
        a.standing - b.standing ||
        a.index - b.index,
    )
    .map((entry) => entry.alert);
}

export type SeverityCounts = Record<AlertSeverity, number>;

export function countBySeverity(alerts: readonly VarianceAlert[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, warning: 0, unknown: 0, 'on-track': 0 };
  for (const alert of alerts) counts[alert.severity]++;
  return counts;
}

/** The severity in words, so it is never shown by colour alone. */
export function severityLabel(severity: AlertSeverity, lang: Lang): string {
  const labels: Record<AlertSeverity, MessageCode> = {
    critical: 'severityCritical',
    warning: 'severityWarning',
    unknown: 'severityUnknown',
    'on-track': 'severityOnTrack',
  };
  return messageText(lang, labels[severity]);
}

/** An alert's status in words: a KPI's in the one vocabulary of a period's figures (达标 / 未达标 once it is over), any other's by severity. */
export function alertStatusWord(alert: VarianceAlert, lang: Lang): string {
  return alert.kind === 'kpi'
    ? paceStatusWord(alert.kpi.status, alert.kpi.periodState, lang)
    : severityLabel(alert.severity, lang);
}

/** '1 项严重，2 项预警' / '1 critical, 2 warnings'; when nothing is wrong: '全部正常' / 'all on track'. */
export function alertSummary(counts: SeverityCounts, lang: Lang): string {
  const parts: string[] = [];
  const say = (code: MessageCode, count: number): number =>
    parts.push(messageText(lang, code, { count }));
  if (counts.critical > 0) say('summaryCritical', counts.critical);
  if (counts.warning > 0)
    say(counts.warning === 1 ? 'summaryWarningOne' : 'summaryWarning', counts.warning);
  if (counts.unknown > 0) say('summaryUnknown', counts.unknown);
  if (parts.length === 0) return messageText(lang, 'summaryAllOnTrack');
  return parts.join(messageText(lang, 'listSeparator'));
}
