import type { Table } from 'apache-arrow';

/**
 * The one door to a database. The engine speaks only to this interface, so the same
 * loaders and SQL run on DuckDB-WASM in a page and on DuckDB in Node.
 */
export interface Connector {
  /** Which database answers, for messages and benchmarks. */
  readonly kind: string;
  /** Runs a statement; values are bound to `?` placeholders, never spliced into the text. */
  query(sql: string, params?: readonly QueryParam[], options?: QueryOptions): Promise<Table>;
  /** Makes bytes readable by SQL under `fileName` (e.g. in `read_csv('x.csv')`). */
  registerFile(fileName: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a registered file. */
  dropFile(fileName: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream, or appends to it when `append` is set. */
  insertArrow(table: string, ipc: Uint8Array, options?: ArrowInsertMode): Promise<void>;
  /** Settles with the reason once the database is gone (its worker died or was poisoned). */
  readonly lost?: Promise<Error>;
  /** Frees the database and its worker. */
  close(): Promise<void>;
}

export type QueryParam = string | number | boolean | null;

export interface QueryOptions {
  /**
   * Work nobody is waiting for (a pre-aggregate built ahead of a drill): it gives way to the
   * other calls, which are answered between its steps. It sees the tables other calls made
   * and makes none only its own calls could see (no temporary tables). A connector that
   * cannot interleave runs it like any other statement.
   */
  background?: boolean;
  /**
   * With `background`: asked between its steps; while the promise it returns is pending the
   * statement waits (requests are being answered), and undefined lets it go on.
   */
  pause?: () => Promise<void> | undefined;
}

export interface ArrowInsertMode {
  append?: boolean;
}
