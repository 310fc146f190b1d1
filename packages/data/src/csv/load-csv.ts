import type { Table } from 'apache-arrow';
import { loadError } from '../fetch-bytes';
import { DatabaseLostError } from '../resilience/recovering-connector';
import { EngineTimeoutError } from '../timeout';
import { type KnownHead, planColumns } from './column-plan';
import { readColumns } from './memory-csv';
import type { PlannedColumn } from './planned-column';
import {
  type CsvLoadRequest,
  type CsvLoadResult,
  csvReport,
  prepareCsv,
  repairNotes,
  scanPrepared,
} from './prepare';
import { countRawShapes, type RawShapes } from './raw-shapes';
import { ARROW_TEXT_BYTES, textColumnsIpc } from './text-columns';
import type { ScannedRows } from './scan';
import { checkTypedTable, type TypedTableCheck } from './typed-checks';
import {
  createEmptyTextTable,
  createTextTable,
  type CsvDatabase,
  type CsvStatements,
  READ_AHEAD_LINE,
  readAhead,
} from './text-table';
import { everyRowSql, typedRowsSql, withLineNumbersSql } from './duckdb/typed-table-sql';
import { LINE_COLUMN, lineNumbersIpc } from './line-numbers';

export type { CsvDatabase } from './text-table';
export type { CsvLoadRequest, CsvLoadResult } from './prepare';

/**
 * Loads CSV bytes into two tables: `<table>`, every cell as written (text), and
 * `<table>_typed`, with numbers, dates and periods read. The text is decoded and its rows
 * checked in JS; when the database is already open it reads the rows meanwhile, and that
 * reading is kept if the check changed nothing; when it is still starting, the checked rows
 * reach it as Arrow text columns. The JS pass also counts the cells' shapes and holds the
 * first rows, so the typed table needs of the database only a random draw and its own work.
 */
export async function loadCsv(
  database: () => Promise<CsvDatabase>,
  given: Uint8Array,
  request: CsvLoadRequest,
): Promise<CsvLoadResult> {
  const { table, file } = request;
  const prepared = await prepareCsv(given, request);
  const { input, text, layout, rows } = prepared;
  const opening = database();
  const early = layout.dataStart < text.bytes.length ? await whenOpen(opening) : undefined;
  const ahead = early
    ? await readAhead(early, table, text.bytes.slice(layout.dataStart), rows)
    : undefined;
  let scanned: ScannedRows;
  try {
    scanned = scanPrepared(prepared, file);
  } catch (cause) {
    await ahead?.discard();
    throw cause;
  }
  // Counted while the database starts or reads: what its typed twin needs of every cell.
  const shapes = countRawShapes(scanned.text, rows.names.length, layout.delimiter);
  // While it starts, the rows become Arrow columns that it takes in without reading CSV.
  const columnsIpc =
    !ahead && scanned.rows > 0 && scanned.text.length <= ARROW_TEXT_BYTES
      ? await textColumnsIpc(scanned.text, rows.names, scanned.rows, layout.delimiter)
      : undefined;

  const db = await opening;
  request.onProgress?.({
    phase: 'load',
    bytesRead: input.byteLength,
    totalBytes: input.byteLength,
  });
  const notes = repairNotes(prepared, scanned);
  const typedTable = `${table}_typed`;
  const asRead = !scanned.rewritten && scanned.rows > 0 && scanned.longestRow <= READ_AHEAD_LINE;
  try {
    if (ahead && asRead) await ahead.keep();
    else {
      await ahead?.discard();
      if (scanned.rows === 0) await createEmptyTextTable(db, table, rows.names);
      else if (columnsIpc && (await insertTextColumns(db, table, columnsIpc))) {
        // The text table came in as Arrow.
      } else {
        const owned = scanned.rewritten ? scanned.text : scanned.text.slice();
        await createTextTable(db, table, owned, { ...rows, longestRow: scanned.longestRow });
      }
    }
  } catch (cause) {
    // The database lost or stuck is not the file's fault: said as what it is, and retried.
    if (cause instanceof DatabaseLostError || cause instanceof EngineTimeoutError) throw cause;
    throw loadError('loadNotATable', { file }, errorText(cause));
  }
  const query = (sql: string): Promise<Table> => db.query(sql);
  const linesTable =
    request.lineNumbers === false || scanned.rows === 0
      ? undefined
      : await insertLineNumbers(db, table, scanned.lines);
  const typed = buildTypedTable(
    query,
    db.dialect,
    { table, typedTable, linesTable },
    rows.names,
    shapes,
    scanned.lines,
    notes,
    {
      rowCount: scanned.rows,
      cells: (count) =>
        readColumns(
          scanned.text,
          Math.min(count, scanned.rows),
          rows.names.length,
          layout.delimiter,
        ),
    },
  );
  const { columns, firstRejects } = await typed.finally(
    () => linesTable && query(db.dialect.dropTable(linesTable)).catch(() => undefined),
  );
  const report = csvReport(prepared, scanned, { typedTable, columns, firstRejects }, notes);
  return linesTable ? { ...report, lineColumn: LINE_COLUMN } : report;
}

/** Each row's line in the file as a one-column table beside the text table, for the typed one. */
async function insertLineNumbers(
  db: CsvDatabase,
  table: string,
  lines: Int32Array,
): Promise<string> {
  const linesTable = `${table}__sx_lines`;
  await db.insertArrow(linesTable, await lineNumbersIpc(lines));
  return linesTable;
}

/**
 * The typed table and its checks. Should DuckDB refuse the typed table (it never has on the
 * corpus), the load still stands: the typed table is then a copy of the text one, said in a note.
 */
async function buildTypedTable(
  query: (sql: string) => Promise<Table>,
  dialect: CsvStatements,
  tables: { table: string; typedTable: string; linesTable: string | undefined },
  names: readonly string[],
  shapes: RawShapes,
  lines: Int32Array,
  notes: string[],
  head: KnownHead,
): Promise<TypedTableCheck> {
  const { table, typedTable, linesTable } = tables;
  const numbered = (select: string): string =>
    linesTable ? withLineNumbersSql(select, linesTable) : select;
  try {
    const guessed = await planColumns(query, table, names, notes, head);
    const planned = guessed.map((column, i) =>
      notPlain(column, shapes, i) === 0 ? { ...column, plainOnly: true } : column,
    );
    await query(dialect.createTableAs(typedTable, numbered(typedRowsSql(table, planned))));
    return await checkTypedTable(query, table, typedTable, planned, shapes, lines);
  } catch (cause) {
    if (cause instanceof EngineTimeoutError) throw cause;
    await query(
      linesTable
        ? dialect.createTableAs(typedTable, withLineNumbersSql(everyRowSql(table), linesTable))
        : dialect.copyTable(typedTable, table),
    );
    notes.push(
      `Numbers and dates could not be read, so every column stays text (${errorText(cause)}).`,
    );
    return { columns: names.map((name) => ({ name, kind: 'text', rejects: 0 })), firstRejects: [] };
  }
}

/** Filled cells of a number or date column that DuckDB's own cast cannot read exactly. */
function notPlain(column: PlannedColumn, shapes: RawShapes, index: number): number | undefined {
  if (column.kind === 'number') return shapes.notPlainNumber[index];
  if (column.kind === 'date') return shapes.notPlainDate[index];
  return undefined;
}

/** The text table from Arrow columns; false when the database refused them (it reads the CSV then). */
async function insertTextColumns(
  db: CsvDatabase,
  table: string,
  ipc: Uint8Array,
): Promise<boolean> {
  try {
    await db.insertArrow(table, ipc);
    return true;
  } catch (cause) {
    if (cause instanceof DatabaseLostError || cause instanceof EngineTimeoutError) throw cause;
    return false;
  }
}

/** The database if it is already open (then it can read while the JS pass runs), else undefined. */
async function whenOpen(opening: Promise<CsvDatabase>): Promise<CsvDatabase | undefined> {
  let open: CsvDatabase | undefined;
  opening.then((db) => (open = db)).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return open;
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
