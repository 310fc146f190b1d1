import type { ReactiveController, ReactiveElement } from 'lit';
import { emit, SX_SELECT } from './events';
import { pageSelection, type Selection, type SelectionChange } from './selection';

/** The element a selection controller serves: a Lit element whose `selection` reads the controller's. */
export type SelectionHost = ReactiveElement;

/**
 * A widget's part in cross-filtering: it follows the page's selection for its source (the
 * source name, or the file), chooses and clears its own, and says so with `sx-select`. A
 * change is announced to the host as an update of its `selection` property, so widgets can
 * react to it in `willUpdate`.
 */
export class SelectionController implements ReactiveController {
  readonly #host: SelectionHost;
  readonly #key: () => string;
  #change: SelectionChange | undefined;
  #unsubscribe: (() => void) | undefined;

  /** `key` names the source the host cross-filters on; widgets on the same key filter each other. */
  constructor(host: SelectionHost, key: () => string) {
    this.#host = host;
    this.#key = key;
    host.addController(this);
  }

  /** The page's current selection for the host's source, made here or in another widget. */
  get change(): SelectionChange | undefined {
    return this.#change;
  }

  /** The selection the host made itself (to highlight), if any. */
  get own(): Selection | null {
    return this.#change?.origin === this.#host ? this.#change.selection : null;
  }

  /** Chooses (or, chosen again, clears) a selection and tells the page: `sx-select`. */
  select(selection: Selection | null): void {
    const source = this.#key();
    const change = pageSelection().toggle(source, selection, this.#host);
    emit(this.#host, SX_SELECT, { source, selection: change.selection });
  }

  hostConnected(): void {
    this.#unsubscribe = pageSelection().subscribe((change) => {
      if (change.source === this.#key()) this.#set(change);
    });
    this.#set(pageSelection().current(this.#key()));
  }

  /** A widget that leaves the page takes its own selection with it. */
  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const bus = pageSelection();
    const key = this.#key();
    if (bus.current(key)?.origin === this.#host) bus.toggle(key, null, this.#host);
  }

  #set(change: SelectionChange | undefined): void {
    const previous = this.#change;
    if (previous === change) return;
    this.#change = change;
    this.#host.requestUpdate('selection', previous);
  }
}
