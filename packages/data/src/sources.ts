import type { LoadedTable } from './loaded-table';
import type { LiveSource } from './refresh/live-source';

interface Entry {
  promise: Promise<LoadedTable>;
  settle?: (load: Promise<LoadedTable>) => void;
  live?: LiveSource;
}

/** Raised when a widget names a source that no element or script defines. */
export class UnknownSourceError extends Error {
  constructor(readonly sourceName: string) {
    super(`No data source named "${sourceName}" is on this page.`);
    this.name = 'UnknownSourceError';
  }
}

/**
 * The page's one registry of named sources: the live source behind each name (its loads,
 * refreshes and state) and its current table. A widget may ask for a source before the
 * element that defines it has loaded; it then waits. Every widget on one source shares
 * one load.
 */
export class SourceRegistry {
  readonly #entries = new Map<string, Entry>();

  /**
   * Defines (or redefines) `name` with its current load; everyone waiting for it gets this
   * load. `live` is the source that keeps it loaded, when there is one.
   */
  define(name: string, load: Promise<LoadedTable>, live?: LiveSource): Promise<LoadedTable> {
    const entry = this.#entries.get(name);
    if (entry?.settle) {
      entry.settle(load);
      delete entry.settle;
      entry.live = live ?? entry.live;
    } else {
      this.#entries.set(name, {
        promise: load,
        ...(live ? { live } : entry?.live ? { live: entry.live } : {}),
      });
    }
    load.catch(() => undefined);
    return load;
  }

  /**
   * The load of `name`, once someone defines it; fails after `waitMs` if nobody does. A wait
   * that failed is forgotten, so a later definition (or a later wait) starts afresh.
   */
  get(name: string, waitMs = 15_000): Promise<LoadedTable> {
    const existing = this.#entries.get(name);
    if (existing) return existing.promise;
    let settle!: (load: Promise<LoadedTable>) => void;
    const promise = new Promise<LoadedTable>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.#entries.get(name) === entry) this.#entries.delete(name);
        reject(new UnknownSourceError(name));
      }, waitMs);
      settle = (load) => {
        clearTimeout(timer);
        load.then(resolve, reject);
      };
    });
    const entry: Entry = { promise, settle };
    this.#entries.set(name, entry);
    return promise;
  }

  /** The live source behind `name`, if script or an element defined one. */
  live(name: string): LiveSource | undefined {
    return this.#entries.get(name)?.live;
  }

  /** Every live source, for reloading them all into a rebuilt database. */
  lives(): LiveSource[] {
    return [...this.#entries.values()].flatMap((entry) => (entry.live ? [entry.live] : []));
  }

  /** Every name defined, or asked for and awaited. */
  names(): string[] {
    return [...this.#entries.keys()];
  }

  has(name: string): boolean {
    const entry = this.#entries.get(name);
    return entry !== undefined && entry.settle === undefined;
  }
}
