import type { Connector, QueryOptions, QueryParam } from '../connector';
import type { MemoryCsv } from '../csv/memory-csv';
import { LoadError } from '../fetch-bytes';
import { type LoadedTable, type RecordRow, recordsOf } from '../loaded-table';
import type { SourceRegistry } from '../sources';
import { AnswerCache } from './answer-cache';
import { CatalogueReader, type SourceCatalogue } from './catalogue';
import { DataError } from './contract';
import type { BoundSql, Dialect } from './dialect';
import { JsTable } from './js-table';
import { PreAggregates } from './pre-aggregates';

/** What the coordinator needs from the engine it speaks for. */
export interface CoordinatorHost {
  readonly sources: SourceRegistry;
  records(
    sql: string,
    params?: readonly QueryParam[],
    options?: QueryOptions,
  ): Promise<RecordRow[]>;
  readOnlyRecords(
    sql: string,
    params?: readonly QueryParam[],
    declared?: Iterable<string>,
  ): Promise<RecordRow[]>;
  /** The database a source lives in when it is not the engine's own (a ClickHouse table). */
  remoteOf?(loaded: LoadedTable): RemoteDatabase | undefined;
  /**
   * The tables of a source read in JS (a small CSV): they answer without the database. SQL
   * that names such a source puts it in the database first.
   */
  inMemory?(loaded: LoadedTable): MemoryCsv | undefined;
}

/** A database of its own behind a source: its connector, and how it spells SQL. */
export interface RemoteDatabase {
  connector: Connector;
  dialect: Dialect;
}

/** Where a source's queries go, and how they are spelt there. */
export interface Route {
  readonly dialect: Dialect;
  /** `background`: a build nobody waits for, which gives way to the requests. */
  run(query: BoundSql, options?: QueryOptions): Promise<RecordRow[]>;
  readonly catalogue: CatalogueReader;
  /** False for a remote database: it answers from its own rows (no temporary tables there). */
  readonly preAggregates: boolean;
  /** False for a remote database: its columns are typed, and sums of text need table CTEs. */
  readonly textSums: boolean;
}

/** One source as it is now loaded, with what was learnt and answered about this version. */
export interface SourceVersion {
  readonly loaded: LoadedTable;
  readonly catalogue: Promise<SourceCatalogue>;
  readonly answers: AnswerCache;
  readonly preAggregates: PreAggregates;
  readonly route: Route;
  /** A source read in JS: what answers before the database is asked. */
  readonly js?: JsTable;
}

/**
 * Every load of every source the requests named, each with its route (the engine's own
 * database or a remote one) and what is kept for it. A request begun before a reload still
 * finds its own load; the pre-aggregates of a source's newest load go when the next comes.
 */
export class SourceVersions {
  readonly #versions = new WeakMap<LoadedTable, SourceVersion>();
  readonly #latest = new Map<string, SourceVersion>();
  readonly #local: Route;
  readonly #remotes = new WeakMap<Connector, Route>();

  constructor(
    private readonly host: CoordinatorHost,
    dialect: Dialect,
    private readonly cacheSize: number,
  ) {
    // The host's `records` as it is at each call, not as it was now.
    this.#local = route(
      dialect,
      engineCall((sql, params, options) =>
        // Only a background build says more, so every other call reads as it always has.
        options ? host.records(sql, params, options) : host.records(sql, params),
      ),
      true,
    );
  }

  /** The version of `source` loaded now, once it has loaded; a `DataError` if it fails. */
  async of(source: string): Promise<SourceVersion> {
    let loaded: LoadedTable;
    try {
      loaded = await this.host.sources.get(source);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const detail = cause instanceof LoadError ? cause.detail : undefined;
      throw new DataError('source', message, detail, { cause });
    }
    const known = this.#versions.get(loaded);
    if (known) return known;
    const memory = this.host.inMemory?.(loaded);
    const way = this.#routeOf(loaded);
    const catalogue = way.catalogue.read(source, loaded);
    catalogue.catch(() => undefined);
    const version: SourceVersion = {
      loaded,
      catalogue,
      answers: new AnswerCache(this.cacheSize),
      preAggregates: new PreAggregates(way.dialect, way.run, loaded.rowCount),
      route: way,
      ...(memory
        ? { js: new JsTable(memory, loaded.table, loaded.typedTable ?? `${loaded.table}_typed`) }
        : {}),
    };
    this.#versions.set(loaded, version);
    this.#latest.get(source)?.preAggregates.drop();
    this.#latest.set(source, version);
    return version;
  }

  /** The newest version of each source that is still the one loaded. */
  *current(): Generator<SourceVersion> {
    for (const [source, version] of this.#latest) {
      // A source loaded again since its last request: the new load's requests will say.
      const loaded = this.host.sources.live(source)?.loaded;
      if (!loaded || loaded === version.loaded) yield version;
    }
  }

  #routeOf(loaded: LoadedTable): Route {
    const remote = this.host.remoteOf?.(loaded);
    if (!remote) return this.#local;
    const { connector, dialect } = remote;
    let known = this.#remotes.get(connector);
    if (!known) {
      const run = engineCall(async (sql, params, options) =>
        recordsOf(await connector.query(sql, params, options)),
      );
      known = route(dialect, run, false);
      this.#remotes.set(connector, known);
    }
    return known;
  }
}

function route(dialect: Dialect, run: Route['run'], own: boolean): Route {
  const catalogue = new CatalogueReader(dialect, run);
  return { dialect, run, catalogue, preAggregates: own, textSums: own };
}

/** A query through `records`, its failures as the engine's `DataError`. */
function engineCall(records: CoordinatorHost['records']): Route['run'] {
  return async (query, options) => {
    try {
      return await records(query.sql, query.params, options);
    } catch (cause) {
      if (cause instanceof DataError) throw cause;
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new DataError('engine', message, undefined, { cause });
    }
  };
}
