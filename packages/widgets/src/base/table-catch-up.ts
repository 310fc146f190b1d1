import {
  render,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/** A table that lags behind waits until no new figures have come for this long (ms)… */
const QUIET_MS = 250;
/** …and then for the page to be idle, but no longer than this (ms). */
const IDLE_WITHIN_MS = 1_000;

export interface TableCatchUpHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What a table's content is made from: parts that redraw it at once when they change, and figures that may lag. */
export interface TableInputs {
  same: readonly unknown[];
  moved: unknown;
}

const catchUps = new WeakMap<Element, TableCatchUp>();

/** Brings the data table of `widget` up to date at once, if it lags behind (before it is read or saved). */
export function settleTable(widget: Element): void {
  catchUps.get(widget)?.flush();
}

/**
 * The rows of a widget's data table (`part="data-table"`, which the widget's template draws
 * empty), drawn into it once the picture is on screen. A redraw that only moves figures (a
 * what-if edit) leaves the hidden table behind, marked `aria-busy`, and the table catches up
 * once the edits pause and the page is idle: several quick edits (a slider dragged, targets
 * typed one after another) cost one drawing of the table, not one each. Any other redraw,
 * a first one, and a table on screen (`show-table`) are drawn at once. Reading the table for
 * an export brings it up to date first (`settleTable`).
 */
export class TableCatchUp implements ReactiveController {
  readonly #host: TableCatchUpHost;
  /** The rows to draw next, and whether they may wait. */
  #next: { rows: () => TemplateResult; later: boolean } | undefined;
  /** What the table was last shown for. */
  #shownFor: TableInputs | undefined;
  /** The rows the table waits for, until it catches up. */
  #lagging: (() => TemplateResult) | undefined;
  #drawnInto: HTMLTableElement | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #idle: number | undefined;
  #caughtUp: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(host: TableCatchUpHost) {
    this.#host = host;
    host.addController(this);
    catchUps.set(host, this);
  }

  /**
   * The table's content (caption, head, bodies) for this render, made from `inputs`: when
   * only `inputs.moved` differs from the last render's, it may wait until the edits pause.
   * Call it from the widget's render, before the table is drawn.
   */
  show(rows: () => TemplateResult, inputs: TableInputs): void {
    const last = this.#shownFor;
    const later =
      last !== undefined &&
      last.moved !== inputs.moved &&
      last.same.length === inputs.same.length &&
      inputs.same.every((part, at) => part === last.same[at]);
    this.#shownFor = inputs;
    this.#next = { rows, later };
  }

  /** Resolves once the table holds the figures the widget last drew. */
  get complete(): Promise<void> {
    if (!this.#lagging) return Promise.resolve();
    if (!this.#caughtUp) {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      this.#caughtUp = { promise, resolve };
    }
    return this.#caughtUp.promise;
  }

  hostUpdated(): void {
    const next = this.#next;
    this.#next = undefined;
    if (!next) return;
    const table = this.#table();
    const onScreen = this.#host.hasAttribute('show-table');
    if (next.later && !onScreen && table && table === this.#drawnInto) {
      this.#lagging = next.rows;
      table.setAttribute('aria-busy', 'true');
      this.#wait();
    } else {
      this.#lagging = undefined;
      this.#draw(next.rows);
    }
  }

  hostDisconnected(): void {
    this.flush();
  }

  /** Draws the rows the table waits for, now. */
  flush(): void {
    const rows = this.#lagging;
    this.#lagging = undefined;
    if (rows) this.#draw(rows);
  }

  #table(): HTMLTableElement | null {
    return this.#host.renderRoot.querySelector<HTMLTableElement>('table[part="data-table"]');
  }

  /** Waits for a pause in the edits (each one starts the wait again), then for the page to be idle. */
  #wait(): void {
    this.#cancel();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (typeof requestIdleCallback !== 'function') return this.flush();
      this.#idle = requestIdleCallback(
        () => {
          this.#idle = undefined;
          this.flush();
        },
        { timeout: IDLE_WITHIN_MS },
      );
    }, QUIET_MS);
  }

  #cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#idle !== undefined) cancelIdleCallback(this.#idle);
    this.#timer = undefined;
    this.#idle = undefined;
  }

  #draw(rows: () => TemplateResult): void {
    this.#cancel();
    const table = this.#table();
    this.#drawnInto = table;
    if (table) {
      render(rows(), table, { host: this.#host });
      table.removeAttribute('aria-busy');
    }
    const caughtUp = this.#caughtUp;
    this.#caughtUp = undefined;
    caughtUp?.resolve();
  }
}
