import { LoadError } from '../fetch-bytes';
import { BackgroundBuilds } from './background-builds';
import { AggregateBatcher } from './batching';
import type { SourceCatalogue } from './catalogue';
import { DataError, type DataRequest, type DataResult } from './contract';
import { type DrillAnswer, type DrillRequest, drillThrough } from './drill-through';
import { type Dialect, duckdbDialect } from './dialect';
import { Planner } from './planner';
import { type CoordinatorHost, SourceVersions } from './source-versions';

export type { CoordinatorHost, RemoteDatabase } from './source-versions';

export interface CoordinatorOptions {
  dialect?: Dialect;
  /** Answers kept per source version (default 64). */
  cacheSize?: number;
  /**
   * Sources with at least this many rows answer filtered aggregates from pre-aggregates
   * (default 50,000; 0 always; Infinity never).
   */
  preAggregateFrom?: number;
}

/**
 * Answers the requests widgets declare. It waits for the sources a request names
 * (`source-versions.ts`), answers a request asked before from that version's cache
 * (`answer-cache.ts`), and else lets the planner decide who answers it: the JS table, a
 * pre-aggregate or the database (`planner.ts`), where the aggregates asked in the same turn
 * share a scan (`batching.ts`). While no request is being answered, the pre-aggregates
 * that the declared groupings make likely are built (`background-builds.ts`), so that the
 * first drill or cross-filter already finds one.
 */
export class Coordinator {
  readonly dialect: Dialect;
  readonly #versions: SourceVersions;
  readonly #planner: Planner;
  readonly #builds: BackgroundBuilds;

  constructor(
    private readonly host: CoordinatorHost,
    options: CoordinatorOptions = {},
  ) {
    this.dialect = options.dialect ?? duckdbDialect;
    this.#versions = new SourceVersions(host, this.dialect, options.cacheSize ?? 64);
    this.#planner = new Planner(new AggregateBatcher(), options.preAggregateFrom ?? 50_000);
    this.#builds = new BackgroundBuilds((pause) => {
      for (const version of this.#versions.current()) {
        const build = version.preAggregates.next(pause);
        if (build) return build;
      }
      return undefined;
    });
  }

  /** Answers a request, or rejects with a `DataError` that says why not. */
  async request(request: DataRequest): Promise<DataResult> {
    if (request.kind === 'author')
      return this.#builds.foreground(this.#author(request.sql, request.declared ?? []));
    const version = await this.#versions.of(request.source);
    return this.#builds.foreground(
      version.answers.answer(request, () => this.#planner.answer(version, request)),
    );
  }

  /**
   * The rows behind a figure, a page at a time, with each row's line (or row) in its file,
   * its cells as read and as written, and the figure's sums over every matching row.
   */
  async drillThrough(request: DrillRequest): Promise<DrillAnswer> {
    const version = await this.#versions.of(request.source);
    return this.#builds.foreground(
      drillThrough(version, request, (totals) => this.request(totals)),
    );
  }

  /**
   * Resolves once the pre-aggregates that the requests so far make likely are built (or
   * given up), and no request is being answered.
   */
  prepared(): Promise<void> {
    return this.#builds.prepared();
  }

  /** The columns and types of a source, once it has loaded. */
  async catalogue(source: string): Promise<SourceCatalogue> {
    return (await this.#versions.of(source)).catalogue;
  }

  async #author(sql: string, declared: readonly string[]): Promise<DataResult> {
    try {
      const rows = await this.host.readOnlyRecords(sql, [], declared);
      return { columns: Object.keys(rows[0] ?? {}), rows, plan: 'author', cached: false };
    } catch (cause) {
      if (cause instanceof DataError) throw cause;
      const message = cause instanceof Error ? cause.message : String(cause);
      const detail = cause instanceof LoadError ? cause.detail : undefined;
      throw new DataError('author', message, detail, { cause });
    }
  }
}
