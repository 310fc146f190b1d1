import type { ReactiveController, ReactiveElement } from 'lit';
import type { CellRecord } from '@stratex/core';
import { keepChosen, sameSelection, type Selection } from './selection';
import { type LinkedView, readLinkedView, type ReadView, writeLinkedView } from './view-link';

/** How a restored view fared against the rows: it fits, it names something they lack, or a part of it cannot be read. */
export type Restored = 'fits' | 'gone' | 'unreadable';

export interface ViewLinkOptions {
  /** The key the view is kept under, or undefined when the widget keeps none (no `link-view`). */
  key(): string | undefined;
  /** True once the widget shows rows a view can be checked against. */
  ready(): boolean;
  /** The view on screen now. */
  view(): LinkedView;
  /** Puts a linked view on screen, or says it no longer fits the rows. */
  restore(view: LinkedView): Restored;
}

/**
 * Keeps a widget's view (its choice, its drill path…) in the page address's fragment, so a
 * link or a reload reopens it. The view in the address is put on screen once the rows are
 * in; from then on every change of view replaces it (the history gains no entries). A view
 * that no longer fits the rows, or cannot be read, leaves the widget at its top level with
 * a notice.
 */
export class ViewLinkController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ViewLinkOptions;
  /** The view from the address still to be put on screen. */
  #pending: ReadView | undefined;
  #notice: 'gone' | 'unreadable' | undefined;
  /** The view last seen on screen, as text. */
  #shown: string | undefined;
  readonly #onHashChange = (): void => this.#readAddress();

  constructor(host: ReactiveElement, options: ViewLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Why the linked view was not put on screen, until the reader changes the view. */
  get notice(): 'gone' | 'unreadable' | undefined {
    return this.#notice;
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
    this.#readAddress();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  hostUpdated(): void {
    const key = this.#options.key();
    if (key === undefined || !this.#options.ready()) return;
    const pending = this.#pending;
    if (pending !== undefined) {
      this.#pending = undefined;
      this.#shown = undefined;
      const restored = pending === 'unreadable' ? pending : this.#options.restore(pending);
      this.#notice = restored === 'fits' ? undefined : restored;
      this.#host.requestUpdate();
      return;
    }
    const view = this.#options.view();
    const shown = JSON.stringify(view);
    // The notice stays until the reader moves away from the view it came with.
    if (this.#shown !== undefined && shown !== this.#shown && this.#notice) {
      this.#notice = undefined;
      this.#host.requestUpdate();
    }
    this.#shown = shown;
    const next = writeLinkedView(location.hash, key, view);
    if (next === location.hash || (next === '' && location.hash === '#')) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${next}`);
  }

  #readAddress(): void {
    const key = this.#options.key();
    if (key === undefined) return;
    this.#pending = readLinkedView(location.hash, key);
    if (this.#pending !== undefined) this.#host.requestUpdate();
  }
}

/** Puts a linked view's choice back, when the rows still hold it; a view without one fits. */
export function restoreChoice(
  view: LinkedView,
  rows: readonly CellRecord[],
  own: Selection | null,
  select: (chosen: Selection) => void,
): Restored {
  const chosen = view.selection;
  if (!chosen || Object.keys(chosen).length === 0) return 'fits';
  if (keepChosen(rows, chosen).length === 0) return 'gone';
  if (!own || !sameSelection(own, chosen)) select(chosen);
  return 'fits';
}
