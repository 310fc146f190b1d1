import type { Table } from 'apache-arrow';
import type { EncodingChoice } from '../decode';
import type { LoadedTable } from '../loaded-table';
import { fileLabel, loadError, type LoadError, type LoadProgress } from '../fetch-bytes';
import { tableNameFor } from '../sql';
import { fetchIfChanged, type Validators } from './conditional-fetch';
import type { FormatChoice } from './source-format';

/** Where a source's rows come from, and how to read and refresh them. */
export interface SourceSpec {
  /** URL of an export (CSV, Parquet or Arrow IPC); relative URLs resolve against the page. */
  url?: string;
  /** A file the user chose or dropped; it is read in the page, never uploaded. */
  blob?: Blob;
  bytes?: Uint8Array;
  arrow?: Table;
  records?: readonly Record<string, unknown>[];
  format?: FormatChoice;
  encoding?: EncodingChoice;
  /** Only these columns are loaded (Parquet). */
  columns?: readonly string[];
  /** The sheet of a workbook to read, by name (default: the first). */
  sheet?: string;
  /** Seconds between checks of `url` for a new version. */
  refresh?: number;
  /** The name people know the file by, for messages. */
  label?: string;
}

export interface BytesLoadOptions {
  format?: FormatChoice;
  encoding?: EncodingChoice;
  columns?: readonly string[];
  sheet?: string;
  file?: string;
  onProgress?: (progress: LoadProgress) => void;
}

/**
 * What a live source is given to load into (the engine's `SourceTables`): it reads an export into
 * a staging table, publishes it in place of the last load, or drops it. A live source never
 * calls the engine itself.
 */
export interface SourceLoader {
  loadBytes(table: string, bytes: Uint8Array, options: BytesLoadOptions): Promise<LoadedTable>;
  loadArrowTable(table: string, arrow: Table, file: string): Promise<LoadedTable>;
  publishTable(staging: string, table: string, sourceName: string): Promise<void>;
  dropTable(table: string): Promise<void>;
  readonly limits: { maxFileBytes: number; timeoutMs: number };
}

export type SourceState = 'loading' | 'ready' | 'stale' | 'error';

export interface SourceLoadDetail {
  source: string;
  loaded: LoadedTable;
  refreshed: boolean;
  recovered: boolean;
}

export interface SourceErrorDetail {
  source: string;
  error: Error;
  staleSince: Date | undefined;
}

/** Events a live source fires: `load`, `error`, `progress`, `state`. */
export const SOURCE_EVENTS = {
  load: 'load',
  error: 'error',
  progress: 'progress',
  state: 'state',
} as const;

type LoadReason = 'first' | 'refresh' | 'recovery';

/** Numbers each live source's staging table, so that no two sources of one name share one. */
let stagings = 0;

/**
 * A named source with a life: its first load, its refreshes (only when the file
 * changed, swapped in atomically), its reload after the database was rebuilt, and
 * the last good data kept, marked stale, when a refresh fails.
 */
export class LiveSource extends EventTarget {
  readonly table: string;
  state: SourceState = 'loading';
  loaded: LoadedTable | undefined;
  /** Since when the shown data is older than the file, because refreshing it failed. */
  staleSince: Date | undefined;
  error: Error | undefined;
  progress: LoadProgress | undefined;
  /** The first load: resolves with the table or rejects with why it failed. */
  readonly ready: Promise<LoadedTable>;
  #validators: Validators = {};
  #queue: Promise<unknown> = Promise.resolve();
  #stopped = false;
  /** The source defined in its place, whose load a replaced one's first load hands on. */
  #successor: LiveSource | undefined;
  /** Its own staging table: a source replaced mid-load (its `src` changed) never meets the new one's. */
  readonly #staging: string;
  readonly #timer: ReturnType<typeof setInterval> | undefined;
  /** Stops the load under way, when there is one. */
  #cancel: AbortController | undefined;

  constructor(
    private readonly loader: SourceLoader,
    readonly name: string,
    readonly spec: SourceSpec,
  ) {
    super();
    this.table = tableNameFor(name);
    this.#staging = `${this.table}__next${++stagings}`;
    this.ready = this.#enqueue(() => this.#load('first', loader));
    this.ready.catch(() => undefined);
    if (spec.refresh && spec.refresh > 0 && spec.url) {
      this.#timer = setInterval(
        () => void this.refresh().catch(() => undefined),
        spec.refresh * 1000,
      );
    }
  }

  /** Checks the file now; loads it again only when it changed. */
  refresh(): Promise<LoadedTable> {
    return this.#enqueue(() => this.#load(this.loaded ? 'refresh' : 'first', this.loader));
  }

  /** Loads the source into a rebuilt database. */
  reloadInto(loader: SourceLoader): Promise<LoadedTable> {
    return this.#enqueue(() => this.#load('recovery', loader));
  }

  /**
   * Stops the load under way at its next step (the download at once): a first load fails as
   * cancelled; a refresh leaves the last good table on screen, marked stale. True when there
   * was a load to stop.
   */
  cancel(): boolean {
    const load = this.#cancel;
    if (!load || load.signal.aborted) return false;
    load.abort();
    return true;
  }

  /** True while a load can be cancelled. */
  get cancellable(): boolean {
    return this.#cancel !== undefined && !this.#cancel.signal.aborted;
  }

  /** Stops refreshing; a load under way is not published. */
  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  /**
   * Stops, and hands whoever still waits for its first load the `next` source's. Whoever
   * follows this source follows `next` from now on: its loads, refreshes and state.
   */
  replaceWith(next: LiveSource): void {
    this.stop();
    this.#successor = next;
    for (const type of Object.values(SOURCE_EVENTS)) {
      next.addEventListener(type, (event) => {
        ({ state: this.state, loaded: this.loaded, error: this.error } = next);
        ({ staleSince: this.staleSince, progress: this.progress } = next);
        this.#fire(type, (event as CustomEvent<unknown>).detail);
      });
    }
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #load(reason: LoadReason, loader: SourceLoader): Promise<LoadedTable> {
    const staging = this.#staging;
    const label = this.spec.label ?? (this.spec.url ? fileLabel(this.spec.url) : this.name);
    const cancel = new AbortController();
    this.#cancel = cancel;
    const cancelled = (): LoadError => loadError('loadCancelled', { file: label });
    // Each step of a load says how far it got; a cancelled load stops there.
    const onProgress = (progress: LoadProgress): void => {
      if (cancel.signal.aborted) throw cancelled();
      this.progress = progress;
      this.#fire(SOURCE_EVENTS.progress, progress);
      if (cancel.signal.aborted) throw cancelled();
    };
    try {
      let fresh: LoadedTable;
      const { spec } = this;
      const arrow =
        spec.arrow ??
        (spec.records
          ? (await import('../arrow/columns')).tableFromRecords(spec.records)
          : undefined);
      if (arrow) {
        fresh = await loader.loadArrowTable(staging, arrow, label);
      } else {
        let bytes: Uint8Array;
        let validators: Validators = {};
        if (spec.url) {
          const fetched = await fetchIfChanged(spec.url, {
            ...(reason === 'refresh' ? { validators: this.#validators } : {}),
            maxBytes: loader.limits.maxFileBytes,
            timeoutMs: loader.limits.timeoutMs,
            onProgress,
            signal: cancel.signal,
          });
          if (!fetched.changed && this.loaded) return this.#settle(this.loaded);
          if (!fetched.changed) throw loadError('loadNoContent', { file: label });
          ({ bytes, validators } = fetched);
        } else if (spec.blob) {
          bytes = new Uint8Array(await spec.blob.arrayBuffer());
        } else if (spec.bytes) {
          bytes = spec.bytes;
        } else {
          throw loadError('sourceNothingToLoad', { file: label, source: this.name });
        }
        if (cancel.signal.aborted) throw cancelled();
        fresh = await loader.loadBytes(staging, bytes, {
          file: label,
          onProgress,
          ...(spec.format ? { format: spec.format } : {}),
          ...(spec.encoding ? { encoding: spec.encoding } : {}),
          ...(spec.columns ? { columns: spec.columns } : {}),
          ...(spec.sheet ? { sheet: spec.sheet } : {}),
        });
        this.#validators = validators;
      }
      if (cancel.signal.aborted) throw cancelled();
      if (this.#stopped) {
        // Replaced while it loaded: its rows are not the page's any more.
        await loader.dropTable(`${staging}_typed`).catch(() => undefined);
        await loader.dropTable(staging).catch(() => undefined);
        return this.#successor ? this.#successor.ready : fresh;
      }
      await loader.publishTable(staging, this.table, this.name);
      const loaded = this.#settle({
        ...fresh,
        table: this.table,
        ...(fresh.typedTable ? { typedTable: `${this.table}_typed` } : {}),
      });
      this.#fire<SourceLoadDetail>(SOURCE_EVENTS.load, {
        source: this.name,
        loaded,
        refreshed: reason === 'refresh',
        recovered: reason === 'recovery',
      });
      return loaded;
    } catch (cause) {
      await loader.dropTable(`${staging}_typed`).catch(() => undefined);
      await loader.dropTable(staging).catch(() => undefined);
      const error = cancel.signal.aborted
        ? cancelled()
        : cause instanceof Error
          ? cause
          : new Error(String(cause));
      this.error = error;
      if (this.loaded && reason !== 'first') {
        this.staleSince ??= new Date();
        this.#setState('stale');
      } else {
        this.#setState('error');
      }
      this.#fire<SourceErrorDetail>(SOURCE_EVENTS.error, {
        source: this.name,
        error,
        staleSince: this.staleSince,
      });
      throw error;
    } finally {
      if (this.#cancel === cancel) this.#cancel = undefined;
    }
  }

  #settle(loaded: LoadedTable): LoadedTable {
    this.loaded = loaded;
    this.staleSince = undefined;
    this.error = undefined;
    this.#setState('ready');
    return loaded;
  }

  #setState(state: SourceState): void {
    if (this.state === state) return;
    this.state = state;
    this.#fire(SOURCE_EVENTS.state, state);
  }

  #fire<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail }));
  }
}
