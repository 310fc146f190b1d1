import {
  type AlertSeverity,
  formatGap,
  formatKpiValue,
  formatRate,
  formatValue,
  type Lang,
  alertStatusWord,
  type VarianceAlert,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../base/lang';
import type { NotesAbout } from '../base/notes-controller';
import { notesCell, notesList } from '../base/notes-view';
import { alertSubjects } from './alert-notes';
import { heldTable } from '../base/held-table';
import { tableRows } from '../base/table-rows';
import { sparkline } from './sparkline';

export const severityIcon: Record<AlertSeverity, string> = {
  critical: '✕',
  warning: '!',
  unknown: '?',
  'on-track': '✓',
};

/** The figures behind an alert, as shown in its card and in the data table. */
export interface AlertFigures {
  actual: string;
  expected: string;
  target: string;
  vsPlan: string;
  /** The one figure the card shows large, and what it measures. */
  headline: string;
  headlineKey: MessageKey;
}

const none = '—';

export function alertFigures(alert: VarianceAlert, lang: Lang): AlertFigures {
  const value = (n: number | null, unit: Parameters<typeof formatValue>[1]): string =>
    n === null ? none : formatValue(n, unit, lang);
  switch (alert.kind) {
    case 'kpi': {
      const { kpi } = alert;
      const vsPlan = value(kpi.paceRatio, 'percent');
      const over = kpi.expected !== null && kpi.expected === kpi.target && kpi.measure === 'total';
      return {
        actual: formatKpiValue(kpi.toDate, kpi, lang),
        expected: value(kpi.expected, kpi.unit),
        target: value(kpi.target, kpi.unit),
        vsPlan,
        headline: vsPlan,
        headlineKey: over ? 'alertsOfTarget' : 'alertsOfPace',
      };
    }
    case 'task': {
      const { task } = alert;
      const actual = formatRate(task.actual, lang);
      return {
        actual,
        expected: formatRate(task.expected, lang),
        target: none,
        vsPlan: task.lag === null ? none : formatGap(-task.lag, 'percent', lang),
        headline: actual,
        headlineKey: 'alertsProgress',
      };
    }
    case 'budget': {
      const { budget } = alert;
      const ratio = formatRate(budget.ratio, lang);
      return {
        actual: value(budget.amount, 'money'),
        expected: none,
        target: formatValue(budget.budget, 'money', lang),
        vsPlan: ratio,
        headline: ratio,
        headlineKey: budget.issue === 'contingency-outside-guidance' ? 'alertsShare' : 'alertsUsed',
      };
    }
  }
}

/** The card names the subject above its reason; the reason need not repeat it. */
function withoutSubject(alert: VarianceAlert): string {
  const { reason, subject } = alert;
  if (!subject || !reason.startsWith(subject)) return reason;
  return reason.slice(subject.length).replace(/^[\s:：]+/, '');
}

export interface AlertItemContext {
  lang: Lang;
  index: number;
  focused: boolean;
  chosen: boolean;
  t: (key: MessageKey) => string;
  choose: (alert: VarianceAlert, index: number) => void;
  /** The dated notes about an alert, when the widget names a notes source. */
  notes?: NotesAbout | undefined;
}

/** One alert: severity in an icon and a word, what it is about, the reason, its figure and trend. */
export function alertItem(alert: VarianceAlert, context: AlertItemContext): TemplateResult {
  const { lang, t } = context;
  const figures = alertFigures(alert, lang);
  const severity = alertStatusWord(alert, lang);
  return html`<li
    part=${context.chosen ? 'alert selected' : 'alert'}
    role="option"
    aria-selected=${context.chosen ? 'true' : 'false'}
    tabindex=${context.focused ? 0 : -1}
    data-severity=${alert.severity}
    data-kind=${alert.kind}
    data-index=${context.index}
    @click=${() => context.choose(alert, context.index)}
  >
    <span part="severity" class="badge"
      ><span aria-hidden="true" class="icon">${severityIcon[alert.severity]}</span>
      ${severity}</span
    >
    <span class="main">
      <span class="subject"
        ><span class="kind">${t(`alerts-${alert.kind}`)}</span>
        <strong>${alert.subject}</strong></span
      >
      <span class="reason">${withoutSubject(alert)}</span>
      ${context.notes ? notesList(context.notes(alertSubjects(alert)), lang) : nothing}
    </span>
    ${
      alert.kind === 'kpi' && alert.kpi.actualLine.length > 0 && alert.kpi.paceLine.length > 0
        ? html`<span class="trend"
            >${sparkline(alert.kpi, `${alert.subject} ${t('alertsTrend')}`)}</span
          >`
        : nothing
    }
    ${
      figures.headline === none
        ? nothing
        : html`<span class="figure"
            ><strong>${figures.headline}</strong><small>${t(figures.headlineKey)}</small></span
          >`
    }
  </li>`;
}

/** Every alert with every figure, for screen readers and tests (and on screen with `show-table`). */
export function alertTable(
  alerts: readonly VarianceAlert[],
  lang: Lang,
  t: (key: MessageKey) => string,
  notes?: NotesAbout,
): TemplateResult {
  return heldTable(
    html`<table
      part="data-table"
      ${tableRows(
        alerts.map((alert) => {
          const figures = alertFigures(alert, lang);
          return {
            attributes: { 'data-severity': alert.severity },
            cells: [
              alert.subject,
              t(`alerts-${alert.kind}`),
              alertStatusWord(alert, lang),
              figures.actual,
              figures.expected,
              figures.target,
              figures.vsPlan,
              alert.reason,
              ...(notes ? [notesCell(notes(alertSubjects(alert)), lang)] : []),
            ],
          };
        }),
      )}
    >
      <caption>
        ${t('alertsTitle')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('alertsSubject')}</th>
          <th scope="col">${t('alertsKind')}</th>
          <th scope="col">${t('alertsSeverity')}</th>
          <th scope="col">${t('alertsActual')}</th>
          <th scope="col">${t('alertsExpected')}</th>
          <th scope="col">${t('alertsTarget')}</th>
          <th scope="col">${t('alertsVsPlan')}</th>
          <th scope="col">${t('alertsReason')}</th>
          ${notes ? html`<th scope="col">${t('notesHeading')}</th>` : nothing}
        </tr>
      </thead>
    </table>`,
  );
}
