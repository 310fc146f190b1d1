import { applyTargetOverrides, type CellRecord, type TargetOverrideSet } from '@stratex/core';
import { Memo } from './memo';
import type { ReactiveController, ReactiveElement } from 'lit';

/** What-if targets published on one source, and the widget whose what-if they are. */
export interface PublishedTargets {
  source: string;
  set: TargetOverrideSet | null;
  origin: Element | null;
}

type Listener = (published: PublishedTargets) => void;

/**
 * The page's what-if targets, one set per source (as the selection bus keeps one choice per
 * source): a widget in what-if mode publishes the targets it moved, and every widget on the
 * same source reads its rows with them. Nothing reaches the source itself.
 */
export class TargetOverrideBus {
  readonly #current = new Map<string, PublishedTargets>();
  readonly #listeners = new Set<Listener>();

  current(source: string): PublishedTargets | undefined {
    return this.#current.get(source);
  }

  /** Sets (or, with null or no overrides, clears) the what-if targets of `source`. */
  publish(source: string, set: TargetOverrideSet | null, origin: Element | null): void {
    const published: PublishedTargets = {
      source,
      set: set && set.overrides.length > 0 ? set : null,
      origin,
    };
    if (published.set) this.#current.set(source, published);
    else this.#current.delete(source);
    for (const listener of this.#listeners) listener(published);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const busKey = Symbol.for('stratex.target-overrides');
type PageGlobal = typeof globalThis & { [busKey]?: TargetOverrideBus };

/** The page's one bus of what-if targets. */
export function pageTargetOverrides(): TargetOverrideBus {
  const page = globalThis as PageGlobal;
  page[busKey] ??= new TargetOverrideBus();
  return page[busKey];
}

/**
 * A widget's part in a what-if: it follows the targets published for its source and redraws
 * when they change; a widget that publishes takes its targets with it when it leaves the page.
 */
export class TargetOverridesController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #key: () => string;
  #published: PublishedTargets | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #withTargets = new Memo<readonly CellRecord[]>();

  constructor(host: ReactiveElement, key: () => string) {
    this.#host = host;
    this.#key = key;
    host.addController(this);
  }

  /** The what-if targets on the host's source, if any. */
  get set(): TargetOverrideSet | undefined {
    return this.#published?.set ?? undefined;
  }

  /** `rows` with the what-if's targets in place of the source's; `rows` themselves without one. */
  rowsOf(rows: readonly CellRecord[]): readonly CellRecord[] {
    const set = this.set;
    return this.#withTargets.get([rows, set], () => applyTargetOverrides(rows, set));
  }

  /** Publishes the host's what-if targets for its source (null clears them). */
  publish(set: TargetOverrideSet | null): void {
    pageTargetOverrides().publish(this.#key(), set, this.#host);
  }

  hostConnected(): void {
    this.#unsubscribe = pageTargetOverrides().subscribe((published) => {
      if (published.source === this.#key()) this.#set(published);
    });
    this.#set(pageTargetOverrides().current(this.#key()));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const bus = pageTargetOverrides();
    const key = this.#key();
    if (bus.current(key)?.origin === this.#host) bus.publish(key, null, this.#host);
  }

  #set(published: PublishedTargets | undefined): void {
    if (published === this.#published) return;
    this.#published = published;
    this.#host.requestUpdate();
  }
}
