import type { LoadedTable } from './engine';

interface Entry {
  promise: Promise<LoadedTable>;
  settle?: (load: Promise<LoadedTable>) => void;
}

/** Raised when a widget names a source that no element or script defines. */
export class UnknownSourceError extends Error {
  constructor(readonly sourceName: string) {
    super(`No data source named "${sourceName}" is on this page.`);
    this.name = 'UnknownSourceError';
  }
}

/**
 * Named sources of a page. A widget may ask for a source before the element that
 * defines it has loaded; it then waits. Every widget on one source shares one load.
 */
export class SourceRegistry {
  readonly #entries = new Map<string, Entry>();

  /** Defines (or redefines) `name`; everyone waiting for it gets this load. */
  define(name: string, load: Promise<LoadedTable>): Promise<LoadedTable> {
    const entry = this.#entries.get(name);
    if (entry?.settle) {
      entry.settle(load);
      delete entry.settle;
    } else {
      this.#entries.set(name, { promise: load });
    }
    load.catch(() => undefined);
    return load;
  }

  /** The load of `name`, once someone defines it; fails after `waitMs` if nobody does. */
  get(name: string, waitMs = 15_000): Promise<LoadedTable> {
    const existing = this.#entries.get(name);
    if (existing) return existing.promise;
    let settle!: (load: Promise<LoadedTable>) => void;
    const promise = new Promise<LoadedTable>((resolve, reject) => {
      const timer = setTimeout(() => reject(new UnknownSourceError(name)), waitMs);
      settle = (load) => {
        clearTimeout(timer);
        load.then(resolve, reject);
      };
    });
    this.#entries.set(name, { promise, settle });
    return promise;
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
