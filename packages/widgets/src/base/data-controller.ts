import { type CellRecord, headersOf, type Lang } from '@stratex/core';
import type {
  EncodingChoice,
  Engine,
  LiveSource,
  LoadedTable,
  LoadProgress,
  RecordRow,
} from '@stratex/data';
import {
  type ArrowRows,
  isCodedFailure,
  recordsOf,
  sourcesNamedIn,
  UnknownSourceError,
} from '@stratex/data/light';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnswerScope } from './client';
import { loadDrawing } from './drawing';
import { emit, SX_DATA_ERROR, SX_DATA_LOAD, type SxDataErrorDetail } from './events';
import { failureText, isEngineLoss, isRetryable } from './failure-text';
import type { FreshnessController } from './freshness-controller';
import { message } from './lang';
import { toCellRecords } from './row-cells';

export type Phase = 'loading' | 'ready' | 'error';

/** An Arrow table given by script. */
export type ArrowLike = ArrowRows;

/** Where a widget's rows come from: its `source`, `src`, `query` and `data` as set now. */
export interface RowOrigin {
  source: string | undefined;
  src: string | undefined;
  query: string | undefined;
  encoding: string | undefined;
  data: ArrowLike | readonly RecordRow[] | undefined;
}

/** What the widget says when its rows could not be read. */
export interface Failure {
  message: string;
  detail?: string;
}

interface LoadState {
  phase: Phase;
  busy: boolean;
  progress: LoadProgress | undefined;
  failure: Failure | undefined;
}

/** The rows a widget read of a loaded source, and what they hold of it. */
export interface Reading {
  rows: CellRecord[];
  scope: AnswerScope;
  /** The columns read, when only some of the source's were. */
  columns?: readonly string[] | undefined;
}

/** What the data controller needs from its widget. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {}

export interface DataOptions {
  origin: () => RowOrigin;
  /** The page's engine, once its chunk has arrived. */
  engine: () => Promise<Engine>;
  /** What the widget reads of a loaded source. */
  read: (source: string, table: LoadedTable) => Promise<Reading>;
  lang: () => Lang;
  freshness: FreshnessController;
}

/**
 * A widget's data lifecycle: find rows (source, src, query or .data), with loading progress,
 * then ready or failed; reading them again behind the view on screen, and asking again a
 * database server that could not answer.
 */
export class DataController implements ReactiveController {
  readonly #host: DataHost;
  readonly #options: DataOptions;
  #state: LoadState = { phase: 'loading', busy: false, progress: undefined, failure: undefined };
  #loadNumber = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  /** The source whose load the widget waits for. */
  #loading: LiveSource | undefined;
  /** The source whose load the reader cancelled. */
  #cancelled: LiveSource | undefined;
  /** The rows of the last successful load: cells the loader read, or text as written. */
  rows: CellRecord[] = [];
  /** The table behind `source` or `src`, once loaded. */
  loadedTable: LoadedTable | undefined;
  /** The name the engine knows that table's source by (for `src`, the page's file source). */
  sourceName: string | undefined;
  /** What the rows of the last successful load hold of their source. */
  scope: AnswerScope | undefined;

  constructor(host: DataHost, options: DataOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Where the widget is in its data lifecycle: `loading`, `ready` or `error`. */
  get phase(): Phase {
    return this.#state.phase;
  }

  /** True while rows are read again behind a view that stays on screen. */
  get busy(): boolean {
    return this.#state.busy;
  }

  get progress(): LoadProgress | undefined {
    return this.#state.progress;
  }

  get failure(): Failure | undefined {
    return this.#state.failure;
  }

  hostDisconnected(): void {
    clearTimeout(this.#retry);
  }

  /**
   * Reads the rows again. With `keepView`, a widget that shows data keeps showing it
   * (marked busy) until the new rows arrive, instead of flashing its loading state.
   */
  async load(options: { keepView?: boolean; retry?: boolean } = {}): Promise<void> {
    const loadNumber = ++this.#loadNumber;
    clearTimeout(this.#retry);
    // A retry keeps its failure on screen (marked busy) until the answer comes.
    if (options.keepView && this.#state.phase === 'ready') this.#set({ busy: true });
    else if (options.retry && this.#state.phase === 'error') this.#set({ busy: true });
    else this.#set({ phase: 'loading' });
    this.#set({ progress: undefined });
    const { source, src, query } = this.#options.origin();
    const origin = source ?? src ?? (query ? 'query' : 'data');
    try {
      // The view's scales and layouts arrive while the rows do.
      const [{ rows, scope, columns }] = await Promise.all([this.#fetchRows(), loadDrawing()]);
      if (loadNumber !== this.#loadNumber) return;
      this.rows = rows;
      this.scope = scope;
      this.#set({ busy: false, failure: undefined, phase: 'ready' });
      emit(this.#host, SX_DATA_LOAD, {
        source: origin,
        rowCount: rows.length,
        // The source's columns, though only those the view reads were moved.
        columns: columns ? [...(this.loadedTable?.columns ?? [])] : Object.keys(rows[0] ?? {}),
      });
    } catch (cause) {
      if (loadNumber !== this.#loadNumber) return;
      const failure = failureText(cause, this.#options.lang());
      this.#options.freshness.failedWithEngine = isEngineLoss(cause);
      this.#set({ failure });
      // The last good view stays on screen, with the failure as a notice, until new rows come.
      if (!this.#state.busy) this.#set({ phase: 'error' });
      this.#set({ busy: false });
      emit<SxDataErrorDetail>(this.#host, SX_DATA_ERROR, { source: origin, ...failure });
      // A database server that is down now may answer soon: ask again until it does.
      if (isRetryable(cause) && this.#host.isConnected) {
        this.#retry = setTimeout(() => {
          if (loadNumber === this.#loadNumber && this.#host.isConnected)
            void this.load({ retry: true });
        }, RETRY_MS);
      }
    }
  }

  async #fetchRows(): Promise<Reading> {
    const { data, source: named, src, query, encoding } = this.#options.origin();
    if (data)
      return whole(
        toCellRecords(Array.isArray(data) ? data : recordsOf(data as ArrowRows, { dates: true })),
      );
    const engine = await this.#options.engine();
    const { freshness } = this.#options;
    let source: string;
    let table: LoadedTable | undefined;
    if (named) {
      source = named;
      // A name nothing declares will not come: say so now rather than after the registry's wait.
      if (!(await this.#mayBeDefined(engine, source))) throw new UnknownSourceError(source);
      try {
        table = await this.#watching(engine.source(source), engine.sources.get(source));
      } finally {
        freshness.follow(engine.source(source));
      }
    } else if (src) {
      const url = new URL(src, document.baseURI).href;
      const live = engine.fileSource(url, (encoding ?? 'auto') as EncodingChoice);
      source = live.name;
      try {
        table = await this.#watching(live, engine.sources.get(source));
      } finally {
        freshness.follow(live);
      }
    } else if (query) {
      freshness.watchHealth();
      const declared = this.declaredSources();
      try {
        return whole(
          toCellRecords(
            (await engine.coordinator.request({ kind: 'author', sql: query, declared })).rows,
          ),
        );
      } finally {
        const names = sourcesNamedIn(query, [...engine.sources.names(), ...declared]);
        freshness.follow(...names.map((name) => engine.source(name)));
      }
    } else {
      throw new Error(message(this.#options.lang(), 'noSourceGiven'));
    }
    this.loadedTable = table;
    this.sourceName = source;
    return this.#options.read(source, table);
  }

  /** Waits for a source's table, showing its load's progress and letting the reader cancel it. */
  async #watching(live: LiveSource | undefined, table: Promise<LoadedTable>): Promise<LoadedTable> {
    if (!live) return table;
    const showProgress = (event: Event): void => {
      this.#set({ progress: (event as CustomEvent<LoadProgress>).detail });
    };
    live.addEventListener('progress', showProgress);
    this.#loading = live;
    try {
      return await table;
    } catch (cause) {
      if (isCodedFailure(cause) && cause.code === 'loadCancelled') this.#cancelled = live;
      throw cause;
    } finally {
      live.removeEventListener('progress', showProgress);
      if (this.#loading === live) this.#loading = undefined;
    }
  }

  /** True while the load the widget waits for can be cancelled. */
  get cancellable(): boolean {
    return this.#loading?.cancellable ?? false;
  }

  /** Cancels the load the widget waits for (every widget on that source stops waiting). */
  cancel(): void {
    this.#loading?.cancel();
  }

  /** True when the widget shows a load the reader cancelled, which `resume` starts again. */
  get resumable(): boolean {
    return this.#cancelled !== undefined && this.#state.phase === 'error';
  }

  /** Starts a cancelled load again, with its progress; the widget reads its rows once it is in. */
  async resume(): Promise<void> {
    const live = this.#cancelled;
    if (!live) return;
    this.#cancelled = undefined;
    this.#set({ phase: 'loading', failure: undefined, progress: undefined });
    try {
      await this.#watching(live, live.refresh());
    } catch (cause) {
      const failure = failureText(cause, this.#options.lang());
      this.#set({ phase: 'error', failure });
      return;
    }
    await this.load();
  }

  /**
   * True when script has defined `name` or an `sx-data-source` of that name is declared (once
   * the page has been parsed), so that it may still load; false when nothing will define it.
   */
  async #mayBeDefined(engine: Engine, name: string): Promise<boolean> {
    if (engine.sources.has(name)) return true;
    if (document.readyState === 'loading') {
      await new Promise((resolve) =>
        document.addEventListener('DOMContentLoaded', resolve, { once: true }),
      );
    }
    return engine.sources.has(name) || this.declaredSources().includes(name);
  }

  /** Names of the `sx-data-source` elements on the page (and in the widget's shadow host), defined yet or not. */
  declaredSources(): string[] {
    return declaredSources(this.#host);
  }

  /** Changes the state the widget draws from, and has it drawn again when something changed. */
  #set(change: Partial<LoadState>): void {
    const next = { ...this.#state, ...change };
    const keys = Object.keys(change) as (keyof LoadState)[];
    if (keys.every((key) => next[key] === this.#state[key])) return;
    this.#state = next;
    this.#host.requestUpdate();
  }
}

/** Names of the `sx-data-source` elements on the page (and in `host`'s shadow host), defined yet or not. */
export function declaredSources(host: Node): string[] {
  const roots = new Set<ParentNode>([document, host.getRootNode() as ParentNode]);
  return [...roots].flatMap((root) =>
    Array.from(root.querySelectorAll('sx-data-source[name]'), (element) =>
      String(element.getAttribute('name')),
    ),
  );
}

/** Rows given whole (by script, or by the author's SQL): they hold every column they have. */
function whole(rows: CellRecord[]): Reading {
  return { rows, scope: { carries: headersOf(rows), complete: true } };
}

/** How long a widget whose database server could not answer waits before asking again. */
const RETRY_MS = 5_000;
