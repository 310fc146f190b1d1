import {
  html,
  render,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** Lists up to this long are drawn whole; longer ones only around what is in view. */
const DRAWN_WHOLE = 100;
/** Rows are drawn this far (px) above and below the part of the list in view. */
const MARGIN_PX = 600;
/** A row's height until one has been measured. */
const FIRST_GUESS_PX = 40;

/** Rows `start` up to (not including) `end` of a list. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** What a row window needs from its widget. */
export interface RowWindowHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface RowWindowOptions<T> {
  /** The list element the rows are drawn into (the widget's template draws it empty). */
  list: () => HTMLElement | null;
  /** What stays the same about an item (at `index`) while the list is filtered, sorted or redrawn. */
  key: (item: T, index: number) => unknown;
  /** One row: a single element. `drawn` is the range of rows in the list at this moment. */
  row: (item: T, index: number, drawn: RowRange) => TemplateResult;
}

/**
 * A long list drawn only where it can be seen: the rows in view and a margin around them,
 * with the rest of the list's height kept as padding above and below, so the scroll bar and
 * the page's length stay as if every row were there. Heights are measured as rows are drawn
 * (an open row may be taller than the others) and guessed from their mean elsewhere. Scrolling
 * the page, or any box around the list, moves the window; printing draws every row.
 */
export class RowWindow<T> implements ReactiveController {
  readonly #host: RowWindowHost;
  readonly #options: RowWindowOptions<T>;
  /** The items in the order listed; set before each of the widget's renders. */
  items: readonly T[] = [];
  #range: RowRange = { start: 0, end: 0 };
  readonly #heights = new Map<unknown, number>();
  #measuredTotal = 0;
  /** An item the next draw must include (the one the keyboard moved to). */
  #kept: number | undefined;
  #printing = false;
  #drawnList: HTMLElement | null = null;

  constructor(host: RowWindowHost, options: RowWindowOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The rows drawn at this moment. */
  get range(): RowRange {
    return this.#range;
  }

  hostConnected(): void {
    document.addEventListener('scroll', this.#follow, { capture: true, passive: true });
    window.addEventListener('resize', this.#follow, { passive: true });
    window.addEventListener('beforeprint', this.#printAll);
    window.addEventListener('afterprint', this.#printDone);
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.#follow, { capture: true });
    window.removeEventListener('resize', this.#follow);
    window.removeEventListener('beforeprint', this.#printAll);
    window.removeEventListener('afterprint', this.#printDone);
  }

  hostUpdated(): void {
    this.draw();
  }

  /** Makes sure item `index` is drawn by the next draw, wherever the list is scrolled. */
  keep(index: number): void {
    this.#kept = index;
  }

  /** Draws the rows in view into the list, measuring them until the window settles. */
  draw(): void {
    const list = this.#options.list();
    this.#drawnList = list;
    if (list) this.#settle(list);
    this.#kept = undefined;
  }

  #settle(list: HTMLElement): void {
    for (let pass = 0; pass < 3; pass++) {
      const next = this.#rangeIn(list);
      if (pass > 0 && next.start === this.#range.start && next.end === this.#range.end) return;
      this.#range = next;
      this.#paint(list);
      if (this.#isWhole()) return;
      this.#measure(list);
    }
  }

  #isWhole(): boolean {
    return this.#printing || this.items.length <= DRAWN_WHOLE;
  }

  readonly #follow = (): void => {
    const list = this.#drawnList;
    if (!list?.isConnected || this.#isWhole()) return;
    const next = this.#rangeIn(list);
    if (next.start === this.#range.start && next.end === this.#range.end) return;
    this.draw();
  };

  readonly #printAll = (): void => {
    this.#printing = true;
    this.draw();
  };

  readonly #printDone = (): void => {
    this.#printing = false;
    this.draw();
  };

  #guess(): number {
    return this.#heights.size > 0 ? this.#measuredTotal / this.#heights.size : FIRST_GUESS_PX;
  }

  /** Where each row starts (px from the list's top), and the list's full height last. */
  #offsets(): Float64Array {
    const { items } = this;
    const { key } = this.#options;
    const guess = this.#guess();
    const offsets = new Float64Array(items.length + 1);
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as T;
      offsets[index + 1] = (offsets[index] ?? 0) + (this.#heights.get(key(item, index)) ?? guess);
    }
    return offsets;
  }

  #rangeIn(list: HTMLElement): RowRange {
    const count = this.items.length;
    if (this.#isWhole()) return { start: 0, end: count };
    const offsets = this.#offsets();
    const total = offsets[count] ?? 0;
    const viewport = document.documentElement.clientHeight || window.innerHeight;
    const top = list.getBoundingClientRect().top;
    let from = -top - MARGIN_PX;
    let to = viewport - top + MARGIN_PX;
    // A list wholly below or above the view is drawn at the end nearest to it.
    if (to <= 0) [from, to] = [0, viewport + MARGIN_PX];
    else if (from >= total) [from, to] = [total - viewport - MARGIN_PX, total];
    let start = 0;
    while (start < count - 1 && (offsets[start + 1] ?? 0) <= from) start++;
    let end = start;
    while (end < count && (offsets[end] ?? 0) < to) end++;
    const kept = this.#kept;
    if (kept !== undefined && kept >= 0 && kept < count && (kept < start || kept >= end)) {
      const reach = Math.ceil((viewport + MARGIN_PX) / this.#guess());
      start = Math.max(0, kept - reach);
      end = Math.min(count, kept + reach + 1);
    }
    return { start, end: Math.max(end, Math.min(count, start + 1)) };
  }

  #paint(list: HTMLElement): void {
    const { items } = this;
    const { start, end } = this.#range;
    const { key, row } = this.#options;
    if (this.#isWhole()) {
      this.#pad(list, '', '');
    } else {
      const offsets = this.#offsets();
      const total = offsets[items.length] ?? 0;
      this.#pad(list, `${offsets[start] ?? 0}px`, `${total - (offsets[end] ?? total)}px`);
    }
    const range = this.#range;
    const shown = items.slice(start, end);
    render(
      html`
        ${repeat(
          shown,
          (item, at) => key(item, start + at),
          (item, at) => row(item, start + at, range),
        )}
      `,
      list,
      { host: this.#host },
    );
    this.#number(list);
  }

  /** A windowed list tells assistive technology each drawn row's place among all of them. */
  #number(list: HTMLElement): void {
    const whole = this.#isWhole();
    const size = String(this.items.length);
    const rows = list.children;
    for (let at = 0; at < rows.length; at++) {
      const element = rows[at];
      if (!element) continue;
      if (whole) {
        element.removeAttribute('aria-setsize');
        element.removeAttribute('aria-posinset');
      } else {
        element.setAttribute('aria-setsize', size);
        element.setAttribute('aria-posinset', String(this.#range.start + at + 1));
      }
    }
  }

  #pad(list: HTMLElement, before: string, after: string): void {
    if (list.style.paddingTop !== before) list.style.paddingTop = before;
    if (list.style.paddingBottom !== after) list.style.paddingBottom = after;
  }

  #measure(list: HTMLElement): void {
    const { key } = this.#options;
    const rows = list.children;
    for (let at = 0; at < rows.length; at++) {
      const item = this.items[this.#range.start + at];
      const element = rows[at];
      if (item === undefined || !element) continue;
      const height = element.getBoundingClientRect().height;
      if (height <= 0) continue;
      const id = key(item, this.#range.start + at);
      this.#measuredTotal += height - (this.#heights.get(id) ?? 0);
      this.#heights.set(id, height);
    }
  }
}
