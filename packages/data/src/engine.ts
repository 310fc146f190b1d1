import type { Table } from 'apache-arrow';
import type { Connector, QueryParam } from './connector';
import type { EncodingChoice } from './decode';
import { fileLabel, LoadError, type ProgressListener } from './fetch-bytes';
import { fetchCsvWithin } from './csv/fetch-csv';
import { type CsvDatabase, loadCsv } from './csv/load-csv';
import { defaultCsvByteLimit } from './csv/size-limit';
import { type LoadedTable, ownValue, type RecordRow, recordsOf } from './loaded-table';
import type { Coordinator, CoordinatorOptions, RemoteDatabase } from './query/coordinator';
import { SourceRegistry } from './sources';
import { quoteIdentifier } from './sql';
import { withTimeout } from './timeout';
import { fileRefusal } from './guard/file-access';
import { QueryGuard } from './guard/query-guard';
import { sourcesNamedIn } from './guard/source-names';
import type { ParquetLoadOptions } from './parquet/load-parquet';
import type { ParquetDecoderLoader } from './parquet/parquet-module';
import { MEMORY_CSV_BYTES, type MemoryCsv } from './csv/memory-csv';
import { MemoryTables } from './memory-tables';
import { tooLarge } from './refresh/conditional-fetch';
import { publishTable } from './refresh/publish-table';
import {
  type BytesLoadOptions,
  LiveSource,
  type SourceLoader,
  type SourceSpec,
} from './refresh/live-source';
import { resolveFormat } from './refresh/source-format';
import {
  type DatabaseHealthDetail,
  HEALTH_EVENT,
  RecoveringConnector,
} from './resilience/recovering-connector';

export { type LoadedTable, ownValue, type RecordRow };

export interface CsvLoadOptions {
  encoding?: EncodingChoice;
  /** The name people know the file by (shown in messages). */
  file?: string;
  /** Largest CSV accepted (default: from the device's memory, at most 1 GB). */
  maxBytes?: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

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
   * A source's CSV up to this many bytes, with fewer rows than the loader's planning sample
   * (2,500 for up to 40 columns), is read and answered in JS; the database gets it only when
   * something needs it (default 1 MB; 0 reads every CSV into the database).
   */
  inMemoryCsvBytes?: number;
}

export interface ParquetBytesOptions extends Omit<ParquetLoadOptions, 'maxDecodedBytes'> {
  file?: string;
}

/**
 * One database for a page (or a test): starts its connector on first use and loads
 * exports into tables. Widgets use this, never DuckDB itself.
 */
export class Engine implements SourceLoader {
  #connector: Promise<Connector> | undefined;
  readonly #timeoutMs: number;
  readonly #recovering: RecoveringConnector | undefined;
  readonly #tables = new Set<string>();
  readonly #guard = new QueryGuard((sql, params) => this.records(sql, params));
  /** Small CSV sources read in JS, put in the database only when SQL needs them. */
  readonly #memory: MemoryTables;
  readonly limits: { maxFileBytes: number; timeoutMs: number; maxDecodedBytes: number };
  /** The page's one registry of named sources and shared file loads. */
  readonly sources = new SourceRegistry();
  /**
   * Answers widgets' declared requests: the only place widget SQL is written. It comes in a
   * chunk of its own, fetched while the database starts.
   */
  readonly coordinator: Pick<Coordinator, 'request' | 'catalogue'> = {
    request: async (request) => (await this.#coordinatorReady()).request(request),
    catalogue: async (source) => (await this.#coordinatorReady()).catalogue(source),
  };
  #coordinator: Promise<Coordinator> | undefined;
  /** Sources whose rows live in a database of their own, by their load. */
  readonly #remotes = new WeakMap<LoadedTable, RemoteDatabase>();

  constructor(
    private readonly openConnector: () => Promise<Connector>,
    private readonly options: EngineOptions = {},
  ) {
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.limits = {
      timeoutMs: this.#timeoutMs,
      maxFileBytes: options.maxFileBytes ?? 1024 ** 3,
      maxDecodedBytes: options.maxDecodedBytes ?? 1024 ** 3,
    };
    this.#memory = new MemoryTables(
      {
        loadCsv: (table, bytes, request) => this.loadCsvBytes(table, bytes, request),
        publish: (staging, table, sourceName) => this.#publish(staging, table, sourceName),
      },
      options.inMemoryCsvBytes ?? MEMORY_CSV_BYTES,
    );
    if (options.recover !== false) {
      this.#recovering = new RecoveringConnector(openConnector, {
        timeoutMs: this.#timeoutMs,
        reload: (fresh) => this.#reloadInto(fresh),
      });
    }
  }

  /** Starts the database now (it is the slow part of a cold page), without waiting for it. */
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
    const recovering = this.#recovering;
    if (recovering) return recovering.current().then(() => recovering);
    this.#connector ??= this.openConnector();
    return this.#connector;
  }

  /**
   * Runs a read query with bound values and returns Arrow. Sources read in JS that the SQL
   * names (by source or table name) are put in the database first.
   */
  async query(sql: string, params: readonly QueryParam[] = []): Promise<Table> {
    await this.#memory.namedInDatabase(sql);
    const recovering = this.#recovering;
    if (recovering) {
      await recovering.reloaded();
      return recovering.query(sql, params);
    }
    const connector = await this.connector();
    return withTimeout(connector.query(sql, params), this.#timeoutMs, 'The query');
  }

  /** Runs a query and returns plain objects keyed by column name. */
  async records(sql: string, params: readonly QueryParam[] = []): Promise<RecordRow[]> {
    return recordsOf(await this.query(sql, params));
  }

  /** Loads a CSV from a URL into `table`; a file over the size limit fails before it downloads. */
  async loadCsvUrl(table: string, url: string, options: CsvLoadOptions = {}): Promise<LoadedTable> {
    const connecting = this.connector();
    const file = options.file ?? fileLabel(url);
    const maxBytes = options.maxBytes ?? this.#csvByteLimit();
    const fetchOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const bytes = await fetchCsvWithin(url, file, maxBytes, fetchOptions);
    await connecting;
    return this.loadCsvBytes(table, bytes, { ...options, file, maxBytes });
  }

  /**
   * Loads CSV bytes into `table`, every column as text, as written; and `<table>_typed`
   * beside it, with numbers (units kept in `columnTypes`), dates and periods read as
   * `parseCell` reads them. Rows and cells that cannot be read are counted in `rejects`.
   */
  async loadCsvBytes(
    table: string,
    bytes: Uint8Array,
    options: CsvLoadOptions = {},
  ): Promise<LoadedTable> {
    const file = options.file ?? `${table}.csv`;
    const database = async (): Promise<CsvDatabase> => {
      const connector = await this.connector();
      const what = `Loading ${file}`;
      return {
        query: (sql, params) => withTimeout(connector.query(sql, params), this.#timeoutMs, what),
        registerFile: (name, data) => connector.registerFile(name, data),
        dropFile: (name) => connector.dropFile(name),
      };
    };
    const loaded = await loadCsv(database, bytes, {
      table,
      file,
      encoding: options.encoding ?? 'auto',
      maxBytes: options.maxBytes ?? this.#csvByteLimit(),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    this.#tables.add(table);
    this.#tables.add(loaded.typedTable);
    return { table, file, ...loaded };
  }

  #csvByteLimit(): number {
    return Math.min(defaultCsvByteLimit(), this.limits.maxFileBytes);
  }

  /** Column names and row count of a loaded table. */
  async describe(table: string): Promise<Omit<LoadedTable, 'file' | 'encoding'>> {
    const [columns, [count]] = await Promise.all([
      this.records(
        'SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index',
        [table],
      ),
      this.records(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(table)}`),
    ]);
    this.#tables.add(table);
    return {
      table,
      columns: columns.map((row) => String(row.column_name)),
      rowCount: Number(count?.n ?? 0),
    };
  }

  /**
   * Runs SQL typed by a page author: one read-only SELECT over the page's sources, or a
   * clear refusal. It first waits for the sources it names — those defined or awaited, and
   * `declared` ones (named by the page but perhaps not defined yet) — so a query never runs
   * before its tables exist, and a source that failed says so itself.
   */
  async readOnlyRecords(
    sql: string,
    params: readonly QueryParam[] = [],
    declared: Iterable<string> = [],
  ): Promise<RecordRow[]> {
    const named = sourcesNamedIn(sql, [...this.sources.names(), ...declared]);
    await Promise.all(named.map((name) => this.sources.get(name)));
    const tables = [...this.sources.lives().map((source) => source.name), ...this.#tables];
    await this.#guard.check(sql, tables);
    try {
      return await this.records(sql, params);
    } catch (cause) {
      throw fileRefusal(cause, tables) ?? cause;
    }
  }

  /** Loads Parquet bytes into `table`, decoded in the page; `columns` limits what is read. */
  async loadParquetBytes(
    table: string,
    bytes: Uint8Array,
    options: ParquetBytesOptions = {},
  ): Promise<LoadedTable> {
    const file = options.file ?? `${table}.parquet`;
    if (!this.options.parquetDecoder) {
      throw new LoadError(`${file} is Parquet, which this engine was built without.`, file);
    }
    const [connector, decoder] = await Promise.all([
      this.connector(),
      this.options.parquetDecoder(),
    ]);
    // Loaders that need Apache Arrow come in their own chunk: a page pays for them on first use.
    const { insertParquet } = await import('./parquet/load-parquet');
    await this.#loading(file, 'Parquet', table, () =>
      insertParquet(connector, decoder, table, bytes, file, {
        ...(options.columns ? { columns: options.columns } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        maxDecodedBytes: this.limits.maxDecodedBytes,
      }),
    );
    return { ...(await this.describe(table)), file, encoding: 'parquet' };
  }

  /** Loads Arrow IPC bytes (file or stream layout) into `table`. */
  async loadArrowBytes(
    table: string,
    bytes: Uint8Array,
    file = `${table}.arrow`,
  ): Promise<LoadedTable> {
    const connector = await this.connector();
    const { insertArrowBytes } = await import('./arrow/insert-arrow');
    await this.#loading(file, 'Arrow', table, () => insertArrowBytes(connector, table, bytes));
    return { ...(await this.describe(table)), file, encoding: 'arrow' };
  }

  /** Loads an in-memory Arrow table into `table`. */
  async loadArrowTable(table: string, arrow: Table, file = table): Promise<LoadedTable> {
    const connector = await this.connector();
    const { insertArrowTable } = await import('./arrow/insert-arrow');
    await this.#loading(file, 'Arrow', table, () => insertArrowTable(connector, table, arrow));
    return { ...(await this.describe(table)), file, encoding: 'arrow' };
  }

  /** Makes an Arrow table the source `name`, for widgets and SQL. */
  loadArrow(name: string, arrow: Table): Promise<LoadedTable> {
    return this.defineSource(name, { arrow }).ready;
  }

  /** Makes an array of objects the source `name`; each column takes the one type its values share. */
  loadRecords(name: string, rows: readonly RecordRow[]): Promise<LoadedTable> {
    return this.defineSource(name, { records: rows }).ready;
  }

  /** Loads an export's bytes, in the format asked for or recognised from its name and signature. */
  loadBytes(
    table: string,
    bytes: Uint8Array,
    options: BytesLoadOptions = {},
  ): Promise<LoadedTable> {
    const file = options.file ?? table;
    const format = resolveFormat(options.format ?? 'auto', file, bytes);
    if (format === 'csv') {
      const csv = {
        file,
        encoding: options.encoding ?? 'auto',
        maxBytes: this.#csvByteLimit(),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      };
      return this.#memory
        .load(table, bytes, csv)
        .then((loaded) => loaded ?? this.loadCsvBytes(table, bytes, csv));
    }
    if (bytes.byteLength > this.limits.maxFileBytes) {
      return Promise.reject(tooLarge(file, bytes.byteLength, this.limits.maxFileBytes));
    }
    if (format === 'arrow') return this.loadArrowBytes(table, bytes, file);
    return this.loadParquetBytes(table, bytes, {
      file,
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }

  /**
   * Defines (or redefines) the named source from a URL, a user's file, bytes, Arrow or
   * rows. Every widget naming it shares this one load and table; `refresh` keeps it live.
   */
  defineSource(name: string, spec: SourceSpec): LiveSource {
    this.sources.live(name)?.stop();
    const source = new LiveSource(this, name, spec);
    source.addEventListener('load', () => {
      if (this.sources.live(name) === source && source.loaded) {
        this.sources.define(name, Promise.resolve(source.loaded), source);
      }
    });
    this.sources.define(name, source.ready, source);
    return source;
  }

  /**
   * The page's one live source for a file URL: every widget that names the same file (and
   * encoding) shares its load and its table, whatever the format.
   */
  fileSource(url: string, encoding: EncodingChoice = 'auto'): LiveSource {
    const key = `src:${encoding}:${url}`;
    return this.sources.live(key) ?? this.defineSource(key, { url, encoding });
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
    this.sources.live(name)?.stop();
    const load = (async (): Promise<LoadedTable> => {
      const database = await open();
      const { connector, dialect } = database;
      const columns = dialect.columns([table]);
      const [described, counted] = await Promise.all([
        connector.query(columns.sql, columns.params),
        connector.query(
          `SELECT ${dialect.aggregate('count', '*')} AS n FROM ${dialect.identifier(table)}`,
        ),
      ]);
      const names = recordsOf(described).map((row) => String(row.column_name));
      if (names.length === 0)
        throw new LoadError(`The table "${table}" was not found on ${connector.kind}.`, table);
      const loaded: LoadedTable = {
        table,
        file: table,
        columns: names,
        rowCount: Number(recordsOf(counted)[0]?.n ?? 0),
        encoding: connector.kind,
      };
      this.#remotes.set(loaded, database);
      return loaded;
    })();
    return this.sources.define(name, load);
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
    return this.#remotes.get(loaded);
  }

  /** The live source named `name`, if script or an element defined one. */
  source(name: string): LiveSource | undefined {
    return this.sources.live(name);
  }

  /** Swaps a freshly loaded table in, in one transaction; `sourceName` also becomes a view of it. */
  async publishTable(staging: string, table: string, sourceName: string): Promise<void> {
    if (this.#memory.publish(staging, table, sourceName)) return;
    await this.#memory.settled(table);
    await this.#publish(staging, table, sourceName);
  }

  async #publish(staging: string, table: string, sourceName: string): Promise<void> {
    await publishTable(await this.connector(), staging, table, sourceName);
    this.#tables.add(table);
  }

  async dropTable(table: string): Promise<void> {
    if (this.#memory.drop(table)) return;
    const connector = await this.connector();
    await connector.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
  }

  /** How the database is doing: starting, ready, recovering after a crash, or failed. */
  get health(): DatabaseHealthDetail {
    return this.#recovering?.health ?? { health: 'ready', recoveries: 0 };
  }

  /** Calls `listener` whenever the database's health changes; returns how to stop. */
  onHealth(listener: (health: DatabaseHealthDetail) => void): () => void {
    const handler = (event: Event): void =>
      listener((event as CustomEvent<DatabaseHealthDetail>).detail);
    this.#recovering?.addEventListener(HEALTH_EVENT, handler);
    return () => this.#recovering?.removeEventListener(HEALTH_EVENT, handler);
  }

  async #loading(
    file: string,
    format: string,
    table: string,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (cause) {
      await this.dropTable(table).catch(() => undefined);
      if (cause instanceof LoadError) throw cause;
      const reason = plainReason(cause);
      throw new LoadError(
        `${file} could not be read as ${format}: ${reason}.`,
        file,
        errorText(cause),
      );
    }
  }

  async #reloadInto(fresh: Connector): Promise<void> {
    const loader = new Engine(async () => fresh, {
      ...this.options,
      recover: false,
      inMemoryCsvBytes: 0,
    });
    this.#memory.clear();
    for (const source of this.sources.lives())
      await source.reloadInto(loader).catch(() => undefined);
  }

  async close(): Promise<void> {
    for (const source of this.sources.lives()) source.stop();
    await this.#recovering?.close();
    const connector = this.#connector;
    this.#connector = undefined;
    if (connector) await (await connector).close();
  }
}

/** A decoder's or database's error, as one sentence without its JSON wrapping. */
function plainReason(cause: unknown): string {
  if (cause instanceof TypeError) return 'its contents are damaged and cannot be decoded';
  let text = errorText(cause);
  try {
    const parsed = JSON.parse(text) as { exception_message?: string };
    if (parsed.exception_message) text = parsed.exception_message;
  } catch {
    // not JSON: the text is already plain
  }
  return text.replace(/[.\s]+$/, '');
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
