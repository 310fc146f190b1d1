import type { Lang, VarianceAlert } from '@stratex/core';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { MessageKey } from '../base/lang';
import type { Selection } from '../base/selection';
import { alertItem } from './alert-item';
import type { GatheredAlerts } from './alerts-report';

/** What the alert list needs from its widget. */
export interface AlertListHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AlertListOptions {
  /** The selection the widget made itself, if any. */
  own: () => Selection | null;
  /** Chooses (or, chosen again, clears) a selection for the page. */
  select: (selection: Selection | null) => void;
  say: (key: MessageKey) => string;
}

/**
 * The list of alerts: the first `max-alerts` or all of them, one of them taking Tab (moved
 * with the arrow keys, Home and End), choosing an alert's subject for the page (click, Enter
 * or Space; Escape clears the choice).
 */
export class AlertListController implements ReactiveController {
  readonly #host: AlertListHost;
  readonly #options: AlertListOptions;
  #gathered: GatheredAlerts = { alerts: [], subjectColumns: {} };
  #focusIndex = 0;
  #expanded = false;

  constructor(host: AlertListHost, options: AlertListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The alerts last drawn, most urgent first. */
  get alerts(): VarianceAlert[] {
    return this.#gathered.alerts;
  }

  /** The alert that takes Tab, and the column its subject is chosen on (KPI alerts: the metric column). */
  get focused(): { alert: VarianceAlert; column: string | undefined } | undefined {
    const alert = this.#gathered.alerts[this.#focusIndex];
    return alert && { alert, column: this.#gathered.subjectColumns[alert.kind] };
  }

  hostConnected(): void {
    // The list keeps which alert takes Tab, and whether all are shown, while the widget is away.
  }

  /** The list of `gathered` alerts (or the empty state) and its "Show all" button. */
  render(gathered: GatheredAlerts, maxAlerts: number | undefined, lang: Lang): TemplateResult {
    this.#gathered = gathered;
    const { alerts } = gathered;
    const { say } = this.#options;
    const limit = maxAlerts && maxAlerts > 0 ? maxAlerts : alerts.length;
    const shown = this.#expanded ? alerts : alerts.slice(0, limit);
    this.#focusIndex = Math.min(this.#focusIndex, Math.max(0, shown.length - 1));
    const chosen = this.#options.own();
    const list =
      alerts.length === 0
        ? html`<div class="state" data-state="empty">${say('empty')}</div>`
        : html`<ol role="listbox" aria-label=${say('alertsTitle')} @keydown=${this.#onKeydown}>
            ${shown.map((alert, index) =>
              alertItem(alert, {
                lang,
                index,
                focused: index === this.#focusIndex,
                chosen: this.#isChosen(alert, chosen),
                t: say,
                choose: (item, at) => this.#choose(item, at),
              }),
            )}
          </ol>`;
    return html`${list} ${this.#more(alerts.length, limit)}`;
  }

  #more(total: number, limit: number): TemplateResult | typeof nothing {
    if (total <= limit) return nothing;
    const { say } = this.#options;
    return html`<button
      type="button"
      class="more"
      aria-expanded=${this.#expanded ? 'true' : 'false'}
      @click=${() => {
        this.#expanded = !this.#expanded;
        this.#host.requestUpdate();
      }}
    >
      ${this.#expanded ? say('alertsShowFewer') : `${say('alertsShowAll')} (${total})`}
    </button>`;
  }

  #isChosen(alert: VarianceAlert, chosen: Readonly<Record<string, string>> | null): boolean {
    const column = this.#gathered.subjectColumns[alert.kind];
    return column !== undefined && chosen?.[column] === alert.subject;
  }

  #choose(alert: VarianceAlert, index: number): void {
    this.#focusIndex = index;
    const column = this.#gathered.subjectColumns[alert.kind];
    if (column) this.#options.select({ [column]: alert.subject });
    else this.#host.requestUpdate();
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const root = this.#host.renderRoot;
    const count = root.querySelectorAll('[part~="alert"]').length;
    const moves: Record<string, number> = {
      ArrowDown: this.#focusIndex + 1,
      ArrowUp: this.#focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.#focusIndex = Math.min(count - 1, Math.max(0, moves[event.key] ?? 0));
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() =>
        root.querySelector<HTMLElement>('[part~="alert"][tabindex="0"]')?.focus(),
      );
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const alert = this.alerts[this.#focusIndex];
      if (alert) this.#choose(alert, this.#focusIndex);
    } else if (event.key === 'Escape' && this.#options.own()) {
      event.preventDefault();
      this.#options.select(null);
    }
  };
}
