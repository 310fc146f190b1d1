import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../base/events';
import {
  type AlertKind,
  alertChanges,
  type RaisedAlert,
  SX_ALERT,
  SX_ALERT_CLEARED,
  type SxAlertClearedDetail,
  type SxAlertDetail,
} from './alert-events';
import type { SideTable } from '../base/side-tables';

/** The kinds whose alerts were read in full: the KPIs, and each side table that is named and read (or not named). */
export function settledKinds(
  sides: Partial<Record<'tasks' | 'budget', SideTable>>,
): Set<AlertKind> {
  const settled = new Set<AlertKind>(['kpi']);
  if (sides.tasks === undefined || sides.tasks.phase === 'ready') settled.add('task');
  if (sides.budget === undefined || sides.budget.phase === 'ready') settled.add('budget');
  return settled;
}

const KPIS: ReadonlySet<AlertKind> = new Set(['kpi']);

/**
 * Tells the page when an alert is raised (`sx-alert`) or cleared (`sx-alert-cleared`), once
 * the view that shows it is drawn. The widget hands it what it found at each drawing of its
 * alerts; an alert that stands at the level it stood at says nothing again.
 */
export class AlertEventsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #emptySeries: () => boolean;
  #standing = new Map<string, RaisedAlert>();
  #found: { alerts: readonly RaisedAlert[]; settled: ReadonlySet<AlertKind> } | undefined;

  /** `emptySeries`: true when the series was read and holds no rows, so no KPI alert stands. */
  constructor(host: ReactiveControllerHost & HTMLElement, emptySeries: () => boolean) {
    this.#host = host;
    this.#emptySeries = emptySeries;
    host.addController(this);
  }

  /** The alerts drawn in this update, and which kinds of them were read in full. */
  found(alerts: readonly RaisedAlert[], settled: ReadonlySet<AlertKind>): void {
    this.#found = { alerts, settled };
  }

  hostUpdated(): void {
    const found = this.#found ?? (this.#emptySeries() ? { alerts: [], settled: KPIS } : undefined);
    this.#found = undefined;
    if (!found) return;
    const changes = alertChanges(this.#standing, found.alerts, found.settled);
    this.#standing = changes.standing;
    for (const detail of changes.cleared) {
      emit<SxAlertClearedDetail>(this.#host, SX_ALERT_CLEARED, detail);
    }
    for (const detail of changes.raised) emit<SxAlertDetail>(this.#host, SX_ALERT, detail);
  }
}
