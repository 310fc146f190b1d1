import type { Lang, VarianceAlert } from '@stratex/core';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { MessageKey } from '../base/lang';
import type { NotesAbout } from '../base/notes-controller';
import { type RowRange, RowWindow } from '../base/row-window';
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
  /** The dated notes about an alert, when the widget names a notes source. */
  notes?: () => NotesAbout | undefined;
}

/**
 * The list of alerts: the first `max-alerts` or all of them, one of them taking Tab (moved
 * with the arrow keys, Home and End), choosing an alert's subject for the page (click, Enter
 * or Space; Escape clears the choice). A long list is drawn only around what is in view.
 */
export class AlertListController implements ReactiveController {
  readonly #host: AlertListHost;
  readonly #options: AlertListOptions;
  #gathered: GatheredAlerts = { alerts: [], subjectColumns: {} };
  #focusIndex = 0;
  #expanded = false;
  #lang: Lang = 'zh-CN';
  readonly #window: RowWindow<VarianceAlert>;

  constructor(host: AlertListHost, options: AlertListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#window = new RowWindow<VarianceAlert>(host, {
      list: () => host.renderRoot.querySelector<HTMLElement>('ol[role="listbox"]'),
      key: (alert, index) => `${index}:${alert.kind}:${alert.subject}`,
      row: (alert, index, drawn) => this.#item(alert, index, drawn),
    });
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
    this.#lang = lang;
    this.#window.items = shown;
    const list =
      alerts.length === 0
        ? html`<div class="state" data-state="empty">${say('empty')}</div>`
        : html`<ol
            role="listbox"
            aria-label=${say('alertsTitle')}
            @keydown=${this.#onKeydown}
            @focusin=${this.#onFocusin}
          ></ol>`;
    return html`${list} ${this.#more(alerts.length, limit)}`;
  }

  #item(alert: VarianceAlert, index: number, drawn: RowRange): TemplateResult {
    const focusDrawn = this.#focusIndex >= drawn.start && this.#focusIndex < drawn.end;
    return alertItem(alert, {
      lang: this.#lang,
      index,
      // When the alert that takes Tab is scrolled out of the drawn window, the first drawn one does.
      focused: focusDrawn ? index === this.#focusIndex : index === drawn.start,
      chosen: this.#isChosen(alert, this.#options.own()),
      t: this.#options.say,
      choose: (item, at) => this.#choose(item, at),
      notes: this.#options.notes?.(),
    });
  }

  /** Tab (or a click) into an alert makes it the one that takes Tab. */
  readonly #onFocusin = (event: FocusEvent): void => {
    const item = (event.target as Element).closest('[part~="alert"]');
    const index = item ? Number(item.getAttribute('data-index')) : NaN;
    if (!Number.isInteger(index) || index === this.#focusIndex) return;
    this.#focusIndex = index;
    this.#window.draw();
  };

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
    const count = this.#window.items.length;
    const moves: Record<string, number> = {
      ArrowDown: this.#focusIndex + 1,
      ArrowUp: this.#focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.#focusIndex = Math.min(count - 1, Math.max(0, moves[event.key] ?? 0));
      this.#window.keep(this.#focusIndex);
      this.#window.draw();
      root.querySelector<HTMLElement>('[part~="alert"][tabindex="0"]')?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const alert = this.#window.items[this.#focusIndex];
      if (alert) this.#choose(alert, this.#focusIndex);
    } else if (event.key === 'Escape' && this.#options.own()) {
      event.preventDefault();
      this.#options.select(null);
    }
  };
}
