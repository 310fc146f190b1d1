import type { Table } from 'apache-arrow';
import type { QueryParam } from '../connector';
import { REGISTERED_FILE_AREA } from '../guard/file-access';
import { readCsvSql, type TextRows } from './duckdb/text-table-sql';

/** What the CSV loader needs from a database. */
/** The statements a CSV load asks its database to spell (a `TableDialect` spells them all). */
export interface CsvStatements {
  createTableAs(name: string, select: string): string;
  copyTable(name: string, from: string): string;
  createTextTable(name: string, columns: readonly string[]): string;
  replaceTable(from: string, to: string): string;
  dropTable(name: string): string;
}

export interface CsvDatabase {
  /** How the database spells the statements on tables that are not about reading CSV. */
  readonly dialect: CsvStatements;
  query(sql: string, params?: readonly QueryParam[]): Promise<Table>;
  registerFile(fileName: string, bytes: Uint8Array): Promise<void>;
  dropFile(fileName: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream (`append`: adds the stream's rows to it). */
  insertArrow(table: string, ipc: Uint8Array, append?: boolean): Promise<void>;
}

/** The rows DuckDB reads before the JS pass has vouched for them: as long as a row may then be. */
export const READ_AHEAD_LINE = 2_097_152 - 1024;

let files = 0;

/** Creates `table` from rows of CSV text (the bytes are handed over to the database). */
export async function createTextTable(
  db: CsvDatabase,
  table: string,
  text: Uint8Array,
  rows: TextRows,
): Promise<void> {
  await (
    await sendTextTable(db, table, text, rows)
  ).done;
}

/** Hands the text to the database and asks for the table; settles once asked. */
async function sendTextTable(
  db: CsvDatabase,
  table: string,
  text: Uint8Array,
  rows: TextRows,
): Promise<{ done: Promise<void> }> {
  const fileName = `${REGISTERED_FILE_AREA}sx-csv-${++files}.csv`;
  await db.registerFile(fileName, text);
  const reading = db.query(db.dialect.createTableAs(table, readCsvSql(fileName, rows)));
  const done = reading.then(
    () => db.dropFile(fileName),
    async (cause: unknown) => {
      await db.dropFile(fileName).catch(() => undefined);
      throw cause;
    },
  );
  return { done };
}

/** An empty text table with the given columns. */
export async function createEmptyTextTable(
  db: CsvDatabase,
  table: string,
  names: readonly string[],
): Promise<void> {
  await db.query(db.dialect.createTextTable(table, names));
}

/**
 * Starts reading the rows as they stand into a side table, so the database reads (in its own
 * thread) while the JS pass checks them: `keep` makes it `table` once the pass changed
 * nothing, `discard` drops it. Settles once the database has the text and the request.
 */
export async function readAhead(
  db: CsvDatabase,
  table: string,
  text: Uint8Array,
  rows: Omit<TextRows, 'longestRow'>,
): Promise<{ keep(): Promise<void>; discard(): Promise<void> }> {
  const side = `${table}__sx_read_ahead`;
  const { done } = await sendTextTable(db, side, text, { ...rows, longestRow: READ_AHEAD_LINE });
  done.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    async keep() {
      await done;
      await db.query(db.dialect.replaceTable(side, table));
    },
    async discard() {
      await done.catch(() => undefined);
      await db.query(db.dialect.dropTable(side));
    },
  };
}
