import type { Table } from 'apache-arrow';
import type { Connector, QueryOptions, QueryParam } from './connector';
import type { EncodingChoice } from './decode';
import { type LoadedTable, ownValue, type RecordRow, recordsOf } from './loaded-table';
import type { ParquetDecoderLoader } from './parquet/parquet-module';
import type { Coordinator, CoordinatorOptions, RemoteDatabase } from './query/coordinator';
import type { TableDialect } from './query/dialect';
import type { LiveSource, SourceSpec } from './refresh/live-source';
import type { DatabaseHealthDetail } from './resilience/recovering-connector';
import { SourceRegistry } from './sources';
import { MEMORY_CSV_BYTES, type MemoryCsv } from './csv/memory-csv';
import { MemoryTables } from './engine/memory-tables';
import { AuthorQueries, type AuthorQueryOptions } from './engine/author-queries';
import { EngineConnection } from './engine/connection';
import { LiveSources } from './engine/live-sources';
import { SourceTables } from './engine/source-tables';
import {
  type CsvLoadOptions,
  type LoaderLimits,
  type ParquetBytesOptions,
  TableLoaders,
} from './engine/loaders';

export {
  type CsvLoadOptions,
  type LoadedTable,
  ownValue,
  type ParquetBytesOptions,
  type RecordRow,
};

export interface EngineOptions {
  /** Longest any single engine call may take before it is reported as stuck. */
  timeoutMs?: number;
  /** Opens the Parquet decoder (the page's wasm asset, or the package's file in Node). */
  parquetDecoder?: ParquetDecoderLoader;
  /** Largest Parquet or Arrow file accepted; larger ones fail before they download. */
  maxFileBytes?: number;
  /** Largest decompressed Parquet accepted (a small file may expand enormously). */
  maxDecodedBytes?: number;
  /** Rebuild the database after it dies or gets stuck, and reload its sources (default true). */
  recover?: boolean;
  /** How declared requests are answered: dialect, cache size, when pre-aggregates are used. */
  coordinator?: CoordinatorOptions;
  /**
   * A source's CSV up to this many bytes is read and answered in JS when the loader would plan
   * its column kinds the same whatever rows it draws (always for fewer rows than its planning
   * head, 2,500 for up to 40 columns); the database gets it only when something needs it
   * (default 1 MB; 0 reads every CSV into the database).
   */
  inMemoryCsvBytes?: number;
}

/**
 * One database for a page (or a test): starts its connector on first use and loads
 * exports into tables. Widgets use this, never DuckDB itself. It composes the connection
 * (start, deadlines, recovery, health), the loaders, the source tables each live source is
 * given to load into (it never calls the engine back), the named sources and the guard in
 * front of hand-written SQL, each in `engine/`.
 */
export class Engine {
  readonly #connection: EngineConnection;
  /**
   * Reads exports into plain tables of this database (not sources): what a live source's
   * loads are made of, and what tests load fixtures with.
   */
  readonly tables: TableLoaders;
  readonly #live: LiveSources;
  readonly #author: AuthorQueries;
  /** Small CSV sources read in JS, put in the database only when SQL needs them. */
  readonly #memory: MemoryTables;
  readonly limits: LoaderLimits;
  /** The page's one registry of named sources and shared file loads. */
  readonly sources = new SourceRegistry();
  /**
   * Answers widgets' declared requests: the only place widget SQL is written. It comes in a
   * chunk of its own, fetched while the database starts.
   */
  readonly coordinator: Pick<Coordinator, 'request' | 'catalogue' | 'prepared' | 'drillThrough'> = {
    request: async (request) => (await this.#coordinatorReady()).request(request),
    drillThrough: async (request) => (await this.#coordinatorReady()).drillThrough(request),
    catalogue: async (source) => (await this.#coordinatorReady()).catalogue(source),
    prepared: async () => (await this.#coordinatorReady()).prepared(),
  };
  #coordinator: Promise<Coordinator> | undefined;

  constructor(
    openConnector: () => Promise<Connector>,
    private readonly options: EngineOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? 120_000;
    this.limits = {
      timeoutMs,
      maxFileBytes: options.maxFileBytes ?? 1024 ** 3,
      maxDecodedBytes: options.maxDecodedBytes ?? 1024 ** 3,
    };
    this.#connection = new EngineConnection(openConnector, {
      timeoutMs,
      ...(options.recover !== false ? { reload: (fresh) => this.#reloadInto(fresh) } : {}),
    });
    this.tables = this.#loadersOn(this.#connection);
    const jsBytes = options.inMemoryCsvBytes ?? MEMORY_CSV_BYTES;
    this.#memory = new MemoryTables(
      {
        loadCsv: (table, bytes, request) => this.tables.loadCsvBytes(table, bytes, request),
        copy: (memory, table, sourceName) => this.tables.copyMemoryCsv(memory, table, sourceName),
        publish: (staging, table, sourceName) =>
          this.tables.publishTable(staging, table, sourceName),
      },
      jsBytes,
    );
    this.#live = new LiveSources(
      this.sources,
      new SourceTables(this.tables, this.#memory, () => this.warmUp()),
      { jsBytes, start: () => this.warmUp() },
    );
    this.#author = new AuthorQueries(
      async (sql, params, read) => recordsOf(await this.query(sql, params), read),
      this.sources,
      () => [...this.#live.names(), ...this.tables.tables()],
    );
  }

  /**
   * Starts the database now (it is the slow part of a cold page), without waiting for it.
   * Nothing calls for it before a load or a request needs it: a page whose widgets are all
   * answered in JS never starts it.
   */
  warmUp(): void {
    void this.connector().catch(() => undefined);
    void this.#coordinatorReady().catch(() => undefined);
  }

  #coordinatorReady(): Promise<Coordinator> {
    this.#coordinator ??= import('./query/coordinator').then(
      ({ Coordinator }) => new Coordinator(this, this.options.coordinator),
    );
    return this.#coordinator;
  }

  connector(): Promise<Connector> {
    return this.#connection.connector();
  }

  /**
   * Runs a read query with bound values and returns Arrow. Sources read in JS that the SQL
   * names (by source or table name) are put in the database first.
   */
  async query(
    sql: string,
    params: readonly QueryParam[] = [],
    options?: QueryOptions,
  ): Promise<Table> {
    await this.#memory.namedInDatabase(sql);
    return this.#connection.query(sql, params, options);
  }

  /** Runs a query and returns plain objects keyed by column name. */
  async records(
    sql: string,
    params: readonly QueryParam[] = [],
    options?: QueryOptions,
  ): Promise<RecordRow[]> {
    return recordsOf(await this.query(sql, params, options));
  }

  /**
   * Runs SQL typed by a page author: one read-only SELECT over the page's sources, or a
   * clear refusal. It first waits for the sources it names — those defined or awaited, and
   * `declared` ones (named by the page but perhaps not defined yet) — so a query never runs
   * before its tables exist, and a source that failed says so itself. With `dates`, its
   * dates come as `Date` objects.
   */
  readOnlyRecords(
    sql: string,
    params: readonly QueryParam[] = [],
    declared: Iterable<string> = [],
    options: AuthorQueryOptions = {},
  ): Promise<RecordRow[]> {
    return this.#author.run(sql, params, declared, options);
  }

  /**
   * Defines (or redefines) the named source from a URL, a user's file, bytes, Arrow or
   * rows. Every widget naming it shares this one load and table; `refresh` keeps it live.
   */
  defineSource(name: string, spec: SourceSpec): LiveSource {
    return this.#live.define(name, spec);
  }

  /**
   * The page's one live source for a file URL: every widget that names the same file (and
   * encoding) shares its load and its table, whatever the format.
   */
  fileSource(url: string, encoding: EncodingChoice = 'auto'): LiveSource {
    return this.#live.file(url, encoding);
  }

  /**
   * Makes `table` of a database of its own (a ClickHouse cluster) the source `name`: widgets
   * naming it are answered there, in its dialect, and only their aggregates come back. The
   * load reads the table's columns and row count; no row is fetched.
   */
  defineRemoteSource(
    name: string,
    table: string,
    open: () => Promise<RemoteDatabase>,
  ): Promise<LoadedTable> {
    return this.#live.defineRemote(name, table, open);
  }

  /**
   * Puts every source read in JS in the database, for SQL that reads the database's own
   * catalogue (`duckdb_tables()`); SQL that names a source's table needs no such call.
   */
  allInDatabase(): Promise<void> {
    return this.#memory.allInDatabase();
  }

  /** The tables of a source read in JS (a small CSV), when it was: they answer without SQL. */
  inMemory(loaded: LoadedTable): MemoryCsv | undefined {
    return this.#memory.of(loaded);
  }

  /** The database a loaded source lives in, when it is not this engine's own. */
  remoteOf(loaded: LoadedTable): RemoteDatabase | undefined {
    return this.#live.remoteOf(loaded);
  }

  /** The live source named `name`, if script or an element defined one. */
  source(name: string): LiveSource | undefined {
    return this.sources.live(name);
  }

  /** How the database is doing: starting, ready, recovering after a crash, or failed. */
  get health(): DatabaseHealthDetail {
    return this.#connection.health;
  }

  /**
   * How many threads the database works with: 1 in the single-threaded build, more in the
   * threaded build that a cross-origin isolated page runs (see docs/deployment.md). Starts
   * the database when it has not started.
   */
  async threads(): Promise<number> {
    const [row] = await this.records("SELECT current_setting('threads') AS threads");
    return Number(row?.['threads'] ?? 1);
  }

  /** Calls `listener` whenever the database's health changes; returns how to stop. */
  onHealth(listener: (health: DatabaseHealthDetail) => void): () => void {
    return this.#connection.onHealth(listener);
  }

  #loadersOn(connection: EngineConnection): TableLoaders {
    return new TableLoaders(connection, this.limits, this.options.parquetDecoder, duckdb);
  }

  /** Gives a rebuilt database every live source again, before anyone else may query it. */
  #reloadInto(fresh: Connector): Promise<void> {
    const connection = new EngineConnection(async () => fresh, {
      timeoutMs: this.limits.timeoutMs,
    });
    this.#memory.clear();
    return this.#live.reloadInto(new SourceTables(this.#loadersOn(connection)));
  }

  async close(): Promise<void> {
    this.#live.stop();
    await this.#connection.close();
  }
}

/** DuckDB's spelling, for the engine's own database, fetched on first use. */
function duckdb(): Promise<TableDialect> {
  return import('./engine/duckdb-dialect').then(({ duckdbDialect }) => duckdbDialect);
}
