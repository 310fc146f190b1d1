import type { Table } from 'apache-arrow';
import type { Connector, QueryParam } from '../connector';
import type { EncodingChoice } from '../decode';
import { faultInWords, withFault } from '../coded-failure';
import { LoadError, loadError, type ProgressListener } from '../fetch-bytes';
import { type CsvDatabase, loadCsv } from '../csv/load-csv';
import { copyMemoryCsv } from '../csv/memory-copy';
import type { MemoryCsv } from '../csv/memory-csv';
import { defaultCsvByteLimit } from '../size-limit';
import { type LoadedTable, recordsOf } from '../loaded-table';
import type { ParquetLoadOptions } from '../parquet/load-parquet';
import type { ParquetDecoderLoader } from '../parquet/parquet-module';
import type { TableDialect } from '../query/dialect';
import type { EngineConnection } from './connection';
import { publishTable } from './publish-table';

export interface CsvLoadOptions {
  encoding?: EncodingChoice;
  /** The separator, when the CSV was written here (a workbook's sheet); else it is found. */
  delimiter?: string;
  /** The name people know the file by (shown in messages). */
  file?: string;
  /** Largest CSV accepted (default: from the device's memory, at most 1 GB). */
  maxBytes?: number;
  onProgress?: ProgressListener;
  /** Whether the typed table carries each row's line in the file (default true). */
  lineNumbers?: boolean;
}

export interface ParquetBytesOptions extends Omit<ParquetLoadOptions, 'maxDecodedBytes'> {
  file?: string;
}

export interface LoaderLimits {
  /** Largest Parquet or Arrow file accepted; larger ones fail before they download. */
  maxFileBytes: number;
  timeoutMs: number;
  /** Largest decompressed Parquet accepted (a small file may expand enormously). */
  maxDecodedBytes: number;
}

/**
 * Reads exports (CSV, Parquet, Arrow) into tables of one database, describes them, and
 * publishes a fresh load in place of the last. Every statement of its own comes from the
 * dialect; the CSV loader's DuckDB reading rules live in `csv/duckdb/`.
 */
export class TableLoaders {
  /** Tables loaded here, which hand-written SQL may read. */
  readonly #tables = new Set<string>();
  /**
   * The database each table loaded here lives in, until it is published or dropped: a load's
   * calls all go to the one it began in, so a database lost mid-load fails the load as lost.
   */
  readonly #homes = new Map<string, Connector>();

  constructor(
    private readonly connection: EngineConnection,
    readonly limits: LoaderLimits,
    private readonly parquetDecoder: ParquetDecoderLoader | undefined,
    /** How the database spells its statements: in a chunk of its own, shared with the coordinator. */
    private readonly spelling: () => Promise<TableDialect>,
  ) {}

  /** The dialect, fetched once; a load asks for it first, so it is there before the database. */
  #dialect: Promise<TableDialect> | undefined;
  dialect(): Promise<TableDialect> {
    if (!this.#dialect) {
      this.#dialect = this.spelling();
      // Asked for ahead of use: a failure is reported by the load that awaits it.
      this.#dialect.catch(() => undefined);
    }
    return this.#dialect;
  }

  tables(): string[] {
    return [...this.#tables];
  }

  /** The database a load goes to, from now on the home of the tables it makes. */
  async #homeFor(...tables: string[]): Promise<Connector> {
    const connector = await this.connection.pinned();
    for (const table of tables) this.#homes.set(table, connector);
    return connector;
  }

  /** The database `table` was loaded into, else the database as it is now. */
  #homeOf(table: string): Promise<Connector> {
    const home = this.#homes.get(table);
    return home ? Promise.resolve(home) : this.connection.connector();
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
    const spelled = this.dialect();
    const database = async (): Promise<CsvDatabase> => {
      const [connector, dialect] = await Promise.all([
        this.#homeFor(table, `${table}_typed`),
        spelled,
      ]);
      const what = `Loading ${file}`;
      return {
        dialect,
        query: (sql, params) => this.connection.within(connector.query(sql, params), what),
        registerFile: (name, data) => connector.registerFile(name, data),
        dropFile: (name) => connector.dropFile(name),
        insertArrow: (name, ipc, append) =>
          this.connection.within(
            connector.insertArrow(name, ipc, { append: append === true }),
            what,
          ),
      };
    };
    const loaded = await loadCsv(database, bytes, {
      table,
      file,
      encoding: options.encoding ?? 'auto',
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      maxBytes: options.maxBytes ?? this.csvByteLimit(),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.lineNumbers === false ? { lineNumbers: false } : {}),
    });
    this.#tables.add(table);
    this.#tables.add(loaded.typedTable);
    return { table, file, ...loaded };
  }

  /** A CSV read in JS, copied in as `table` and its typed twin, `sourceName` a view of it. */
  async copyMemoryCsv(memory: MemoryCsv, table: string, sourceName: string): Promise<void> {
    const connector = await this.#homeFor(table, `${table}_typed`);
    const what = `Loading ${table}`;
    await copyMemoryCsv(
      {
        query: (sql) => this.connection.within(connector.query(sql), what),
        insertArrow: (name, ipc) => this.connection.within(connector.insertArrow(name, ipc), what),
      },
      memory,
      table,
      sourceName,
    );
    this.#tables.add(table);
    this.#tables.add(`${table}_typed`);
  }

  /** Largest CSV accepted: from the device's memory, at most `maxFileBytes`. */
  csvByteLimit(): number {
    return Math.min(defaultCsvByteLimit(), this.limits.maxFileBytes);
  }

  /** Column names and row count of a loaded table. */
  async describe(table: string): Promise<Omit<LoadedTable, 'file' | 'encoding'>> {
    const [connector, dialect] = await Promise.all([this.#homeOf(table), this.dialect()]);
    const ask = (sql: string, params?: readonly QueryParam[]): Promise<Table> =>
      this.connection
        .within(connector.query(sql, params), `Describing ${table}`)
        .catch((cause: unknown) => {
          throw withFault(cause);
        });
    const columns = dialect.columns([table]);
    const [described, counted] = await Promise.all([
      ask(columns.sql, columns.params),
      ask(dialect.rowCount(table)),
    ]);
    this.#tables.add(table);
    return {
      table,
      columns: recordsOf(described).map((row) => String(row.column_name)),
      rowCount: Number(recordsOf(counted)[0]?.n ?? 0),
    };
  }

  /** Loads Parquet bytes into `table`, decoded in the page; `columns` limits what is read. */
  async loadParquetBytes(
    table: string,
    bytes: Uint8Array,
    options: ParquetBytesOptions = {},
  ): Promise<LoadedTable> {
    const file = options.file ?? `${table}.parquet`;
    if (!this.parquetDecoder) {
      throw loadError('parquetUnsupported', { file });
    }
    // The file is decoded while the database starts; only the insert waits for it.
    const connecting = this.#homeFor(table);
    connecting.catch(() => undefined);
    // Loaders that need Apache Arrow come in their own chunk: a page pays for them on first use.
    const [decoder, { insertParquet }] = await Promise.all([
      this.parquetDecoder(),
      import('../parquet/load-parquet'),
    ]);
    await this.#loading(file, 'Parquet', table, () =>
      insertParquet(connecting, decoder, table, bytes, file, {
        ...(options.columns ? { columns: options.columns } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        maxDecodedBytes: this.limits.maxDecodedBytes,
        dropTable: (name) => this.dropTable(name),
      }),
    ).catch(async (cause: unknown) => {
      // A database that could not start says so itself, as it did before the file was read.
      await connecting;
      throw cause;
    });
    return { ...(await this.describe(table)), file, encoding: 'parquet' };
  }

  /** Loads Arrow IPC bytes (file or stream layout) into `table`. */
  async loadArrowBytes(
    table: string,
    bytes: Uint8Array,
    file = `${table}.arrow`,
  ): Promise<LoadedTable> {
    const connector = await this.#homeFor(table);
    const { insertArrowBytes } = await import('../arrow/insert-arrow');
    await this.#loading(file, 'Arrow', table, () => insertArrowBytes(connector, table, bytes));
    return { ...(await this.describe(table)), file, encoding: 'arrow' };
  }

  /** Loads an in-memory Arrow table into `table`. */
  async loadArrowTable(table: string, arrow: Table, file = table): Promise<LoadedTable> {
    const connector = await this.#homeFor(table);
    const { insertArrowTable } = await import('../arrow/insert-arrow');
    const notes = await this.#loading(file, 'Arrow', table, () =>
      insertArrowTable(connector, table, arrow),
    );
    return {
      ...(await this.describe(table)),
      file,
      encoding: 'arrow',
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  /** Swaps a freshly loaded table in, in one transaction; `sourceName` also becomes a view of it. */
  async publishTable(staging: string, table: string, sourceName: string): Promise<void> {
    const [connector, dialect] = await Promise.all([this.#homeOf(staging), this.dialect()]);
    await publishTable(connector, dialect, staging, table, sourceName);
    this.#homes.delete(staging);
    this.#homes.delete(`${staging}_typed`);
    this.#tables.add(table);
    if (this.#tables.has(`${staging}_typed`)) this.#tables.add(`${table}_typed`);
  }

  async dropTable(table: string): Promise<void> {
    const [connector, dialect] = await Promise.all([this.#homeOf(table), this.dialect()]);
    this.#homes.delete(table);
    await connector.query(dialect.dropTable(table));
  }

  async #loading<T>(
    file: string,
    format: string,
    table: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (cause) {
      await this.dropTable(table).catch(() => undefined);
      if (cause instanceof LoadError) throw cause;
      const reason = plainReason(cause);
      const detail = errorText(cause);
      throw new LoadError(
        `${file} could not be read as ${format}: ${reason}.`,
        file,
        detail,
        faultInWords(detail, true) ?? { kind: 'damaged' },
      );
    }
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
