import type { Table } from 'apache-arrow';
import type { Connector, QueryParam } from './connector';
import { decodeText, type EncodingChoice } from './decode';
import { fetchBytes, fileLabel, LoadError, type ProgressListener } from './fetch-bytes';
import { SourceRegistry } from './sources';
import { quoteIdentifier, quoteLiteral } from './sql';
import { withTimeout } from './timeout';

/** A table the engine has loaded, as widgets see it. */
export interface LoadedTable {
  table: string;
  file: string;
  columns: string[];
  rowCount: number;
  encoding: string;
}

export interface CsvLoadOptions {
  encoding?: EncodingChoice;
  /** The name people know the file by (shown in messages). */
  file?: string;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

export type RecordRow = Record<string, unknown>;

export interface EngineOptions {
  /** Longest any single engine call may take before it is reported as stuck. */
  timeoutMs?: number;
}

/**
 * One database for a page (or a test): starts its connector on first use and loads
 * exports into tables. Widgets use this, never DuckDB itself.
 */
export class Engine {
  #connector: Promise<Connector> | undefined;
  readonly #timeoutMs: number;
  /** The page's named sources and shared file loads. */
  readonly sources = new SourceRegistry();

  constructor(
    private readonly openConnector: () => Promise<Connector>,
    options: EngineOptions = {},
  ) {
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  /** Starts the database now (it is the slow part of a cold page), without waiting for it. */
  warmUp(): void {
    void this.connector().catch(() => undefined);
  }

  connector(): Promise<Connector> {
    this.#connector ??= this.openConnector();
    return this.#connector;
  }

  /** Runs a read query with bound values and returns Arrow. */
  async query(sql: string, params: readonly QueryParam[] = []): Promise<Table> {
    const connector = await this.connector();
    return withTimeout(connector.query(sql, params), this.#timeoutMs, 'The query');
  }

  /** Runs a query and returns plain objects keyed by column name. */
  async records(sql: string, params: readonly QueryParam[] = []): Promise<RecordRow[]> {
    const table = await this.query(sql, params);
    return table.toArray().map((row: { toJSON(): RecordRow }) => row.toJSON());
  }

  /** Loads a CSV from a URL into `table`. */
  async loadCsvUrl(table: string, url: string, options: CsvLoadOptions = {}): Promise<LoadedTable> {
    const connecting = this.connector();
    const fetchOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const bytes = await fetchBytes(url, fetchOptions);
    await connecting;
    return this.loadCsvBytes(table, bytes, { ...options, file: options.file ?? fileLabel(url) });
  }

  /**
   * Loads CSV bytes into `table`, every column as text: the exports carry units and
   * Chinese dates that the domain core reads, so nothing is guessed away here.
   */
  async loadCsvBytes(
    table: string,
    bytes: Uint8Array,
    options: CsvLoadOptions = {},
  ): Promise<LoadedTable> {
    const file = options.file ?? `${table}.csv`;
    options.onProgress?.({
      phase: 'decode',
      bytesRead: bytes.byteLength,
      totalBytes: bytes.byteLength,
    });
    const decoded = decodeText(bytes, options.encoding ?? 'auto');
    if (decoded.text.trim() === '') throw new LoadError(`${file} is empty.`, file);

    const connector = await this.connector();
    const fileName = `sx-${table}.csv`;
    await connector.registerFile(fileName, new TextEncoder().encode(decoded.text));
    options.onProgress?.({
      phase: 'load',
      bytesRead: bytes.byteLength,
      totalBytes: bytes.byteLength,
    });
    try {
      await withTimeout(
        connector.query(
          `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * FROM read_csv(${quoteLiteral(fileName)}, header = true, all_varchar = true)`,
        ),
        this.#timeoutMs,
        `Loading ${file}`,
      );
    } catch (cause) {
      throw new LoadError(`${file} could not be read as a table.`, file, errorText(cause));
    } finally {
      await connector.dropFile(fileName);
    }
    return { ...(await this.describe(table)), file, encoding: decoded.encoding };
  }

  /** Column names and row count of a loaded table. */
  async describe(table: string): Promise<Omit<LoadedTable, 'file' | 'encoding'>> {
    const columns = await this.records(
      'SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
      [table],
    );
    const [count] = await this.records(
      `SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(table)}`,
    );
    return {
      table,
      columns: columns.map((row) => String(row.column_name)),
      rowCount: Number(count?.n ?? 0),
    };
  }

  async close(): Promise<void> {
    const connector = this.#connector;
    this.#connector = undefined;
    if (connector) await (await connector).close();
  }
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
