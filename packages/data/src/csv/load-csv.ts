import type { RecordBatch, Table } from 'apache-arrow';
import { LoadError, loadError } from '../fetch-bytes';
import { DatabaseLostError } from '../resilience/recovering-connector';
import { EngineTimeoutError } from '../timeout';
import { type KnownRows, planColumns } from './column-plan';
import type { PlannedColumn } from './planned-column';
import {
  type CsvLoadRequest,
  type CsvLoadResult,
  csvReport,
  type PreparedCsv,
  prepareCsv,
  repairNotes,
  scanPreparedInSteps,
} from './prepare';
import { countRawShapes, type RawShapes } from './raw-shapes';
import { cellsOfColumns, cellsOfText } from './row-draw';
import { ARROW_TEXT_BYTES, splitColumns, type TextColumn, textTableBatch } from './text-columns';
import { nextTask, type ScannedRows } from './scan';
import { checkTypedTable, type TypedTableCheck } from './typed-checks';
import { type TypedArrowTable, typedColumnsBatch } from './typed-columns';
import { insertInChunks } from '../arrow/batch-chunks';
import {
  createEmptyTextTable,
  createTextTable as readTextTable,
  type CsvDatabase,
  type CsvStatements,
  READ_AHEAD_LINE,
  readAhead,
} from './text-table';
import {
  everyRowSql,
  textFromTypedSql,
  typedRowsSql,
  withLineNumbersSql,
} from './duckdb/typed-table-sql';
import { LINE_COLUMN, lineNumbersIpc } from './line-numbers';

type ReadAhead = Awaited<ReturnType<typeof readAhead>>;

export type { CsvDatabase } from './text-table';
export type { CsvLoadRequest, CsvLoadResult } from './prepare';

/**
 * Loads CSV bytes into two tables: `<table>`, every cell as written (text), and
 * `<table>_typed`, with numbers, dates and periods read. The text is decoded and its rows
 * checked in JS, in steps that report rows read; when the database is already open it reads
 * the rows meanwhile, and that reading is kept if the check changed nothing. When it is still
 * starting, the checked rows become Arrow text columns, the kinds are guessed from them, and
 * where every cell is one DuckDB's own cast reads the typed table is made from them too:
 * the database then takes both in as Arrow, reading no CSV and running no typing SQL.
 */
export async function loadCsv(
  database: () => Promise<CsvDatabase>,
  given: Uint8Array,
  request: CsvLoadRequest,
): Promise<CsvLoadResult> {
  const { table, file } = request;
  const prepared = await prepareCsv(given, request);
  const { input, text, layout, rows } = prepared;
  const width = rows.names.length;
  const opening = database();
  opening.catch(() => undefined);
  const early = layout.dataStart < text.bytes.length ? await whenOpen(opening) : undefined;
  const ahead = early
    ? await readAhead(early, table, text.bytes.slice(layout.dataStart), rows)
    : undefined;
  let scanned: ScannedRows;
  try {
    scanned = await scanPreparedInSteps(prepared, file, request.onProgress);
  } catch (cause) {
    await ahead?.discard();
    throw cause;
  }
  const loading = (rowsLoaded: number): void =>
    request.onProgress?.({
      phase: 'load',
      bytesRead: input.byteLength,
      totalBytes: input.byteLength,
      rowsLoaded,
      totalRows: scanned.rows,
    });
  // While the database starts, the rows become Arrow columns that it takes in without reading CSV.
  const split =
    !ahead && scanned.rows > 0 && scanned.text.length <= ARROW_TEXT_BYTES
      ? splitColumns(scanned.text, width, scanned.rows, layout.delimiter)
      : undefined;
  const notes = repairNotes(prepared, scanned);
  const typedTable = `${table}_typed`;
  const lines = request.lineNumbers === false || scanned.rows === 0 ? undefined : scanned.lines;
  let textTable: Promise<CsvDatabase> | undefined;
  const withTextTable = (): Promise<CsvDatabase> =>
    (textTable ??= opening.then(async (db) => {
      await createTextTable(db, { table, file }, { scanned, rows, ahead, split }, loading);
      return db;
    }));
  const query = async (sql: string): Promise<Table> => (await withTextTable()).query(sql);
  const known: KnownRows = {
    rowCount: scanned.rows,
    cells: (wanted) =>
      split
        ? cellsOfColumns(split, wanted)
        : cellsOfText(scanned.text, width, layout.delimiter, wanted),
  };
  const plan = planColumns(query, table, rows.names, notes, known);
  plan.catch(() => undefined);
  const arrow = split ? await typedArrow(plan, split, scanned.rows, lines) : undefined;
  // Counted while the database starts or reads: what the typed table's SQL needs of every cell.
  const shapes = arrow ? undefined : countRawShapes(scanned.text, width, layout.delimiter);
  await nextTask();
  const db = await opening;
  const byArrow = arrow && (await insertTypedArrow(db, typedTable, arrow, loading));
  if (byArrow && split) {
    loading(scanned.rows);
    textTable = textFromTyped(db, { table, file, typedTable }, arrow, split, rows.names);
  }
  await withTextTable();
  const typed =
    byArrow ??
    (await typedBySql(db, { table, typedTable, lines }, rows, { scanned, shapes }, plan, notes));
  loading(scanned.rows);
  const report = csvReport(prepared, scanned, { typedTable, ...typed }, notes);
  return lines ? { ...report, lineColumn: LINE_COLUMN } : report;
}

/**
 * The text table: as DuckDB read it ahead, from Arrow columns, or read from the checked rows.
 * `sent` hears the rows taken in so far, once the database has been asked for them.
 */
async function createTextTable(
  db: CsvDatabase,
  { table, file }: { table: string; file: string },
  from: {
    scanned: ScannedRows;
    rows: PreparedCsv['rows'];
    ahead: ReadAhead | undefined;
    split: readonly TextColumn[] | undefined;
  },
  sent: (rows: number) => void,
): Promise<void> {
  const { scanned, rows, ahead, split } = from;
  const asRead = !scanned.rewritten && scanned.rows > 0 && scanned.longestRow <= READ_AHEAD_LINE;
  try {
    if (ahead && asRead) {
      // The database has been reading the rows since before the pass over them.
      sent(0);
      return await ahead.keep();
    }
    await ahead?.discard();
    if (scanned.rows === 0) return await createEmptyTextTable(db, table, rows.names);
    const batch = split && (await textTableBatch(split, rows.names, scanned.rows));
    if (batch && (await insertArrow(db, table, batch, sent))) return;
    const owned = scanned.rewritten ? scanned.text : scanned.text.slice();
    const reading = readTextTable(db, table, owned, { ...rows, longestRow: scanned.longestRow });
    reading.catch(() => undefined);
    sent(0);
    await reading;
  } catch (cause) {
    // The database lost or stuck is not the file's fault: said as what it is, and retried.
    if (notTheFiles(cause)) throw cause;
    throw loadError('loadNotATable', { file }, errorText(cause));
  }
}

/**
 * The text table made by the database from the typed one, which it holds already: only the
 * columns whose typed cells are not written as in the file are handed over, as Arrow.
 */
async function textFromTyped(
  db: CsvDatabase,
  { table, file, typedTable }: { table: string; file: string; typedTable: string },
  arrow: TypedArrowTable,
  split: readonly TextColumn[],
  names: readonly string[],
): Promise<CsvDatabase> {
  const columns = names.map((name, i) => ({ name, asWritten: arrow.asWritten[i] === true }));
  const others = columns.flatMap((column, i) => (column.asWritten ? [] : [i]));
  const partTable = others.length > 0 ? `${table}__sx_text` : undefined;
  try {
    if (partTable) {
      const part = others.map((i) => split[i] as TextColumn);
      const batch = await textTableBatch(
        part,
        others.map((i) => names[i] as string),
        arrow.batch.numRows,
      );
      await insertInChunks((ipc, append) => db.insertArrow(partTable, ipc, append), batch);
    }
    await db.query(
      db.dialect.createTableAs(table, textFromTypedSql(typedTable, columns, partTable)),
    );
  } catch (cause) {
    if (notTheFiles(cause)) throw cause;
    throw loadError('loadNotATable', { file }, errorText(cause));
  } finally {
    if (partTable) await db.query(db.dialect.dropTable(partTable)).catch(() => undefined);
  }
  return db;
}

/** The typed table as Arrow, when the plan is made and every column can be typed in JS. */
async function typedArrow(
  plan: Promise<PlannedColumn[]>,
  split: readonly TextColumn[],
  rowCount: number,
  lines: Int32Array | undefined,
): Promise<TypedArrowTable | undefined> {
  const planned = await plan.catch(() => undefined);
  return planned && typedColumnsBatch(split, planned, rowCount, lines);
}

async function insertTypedArrow(
  db: CsvDatabase,
  typedTable: string,
  arrow: TypedArrowTable,
  onChunk: (rows: number) => void,
): Promise<TypedTableCheck | undefined> {
  if (!(await insertArrow(db, typedTable, arrow.batch, onChunk))) return undefined;
  return { columns: arrow.columns, firstRejects: [] };
}

/** The typed table made by DuckDB from the text table, and its checks. */
async function typedBySql(
  db: CsvDatabase,
  tables: { table: string; typedTable: string; lines: Int32Array | undefined },
  { names, delimiter }: PreparedCsv['rows'],
  counted: { scanned: ScannedRows; shapes: RawShapes | undefined },
  plan: Promise<PlannedColumn[]>,
  notes: string[],
): Promise<TypedTableCheck> {
  const { table, typedTable, lines } = tables;
  const { scanned } = counted;
  const query = (sql: string): Promise<Table> => db.query(sql);
  const linesTable = lines ? await insertLineNumbers(db, table, lines) : undefined;
  const shapes =
    counted.shapes ?? countRawShapes(scanned.text, names.length, delimiter.charCodeAt(0));
  return buildTypedTable(
    query,
    db.dialect,
    { table, typedTable, linesTable },
    names,
    shapes,
    scanned.lines,
    notes,
    plan,
  ).finally(() => linesTable && query(db.dialect.dropTable(linesTable)).catch(() => undefined));
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
  plan: Promise<PlannedColumn[]>,
): Promise<TypedTableCheck> {
  const { table, typedTable, linesTable } = tables;
  const numbered = (select: string): string =>
    linesTable ? withLineNumbersSql(select, linesTable) : select;
  try {
    const guessed = await plan;
    const planned = guessed.map((column, i) =>
      notPlain(column, shapes, i) === 0 ? { ...column, plainOnly: true } : column,
    );
    await query(dialect.createTableAs(typedTable, numbered(typedRowsSql(table, planned))));
    return await checkTypedTable(query, table, typedTable, planned, shapes, lines);
  } catch (cause) {
    if (notTheFiles(cause)) throw cause;
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

/**
 * A table from an Arrow batch, handed over in chunks; false when the database refused it (the
 * CSV or SQL way is taken then, in place of what it took in).
 */
async function insertArrow(
  db: CsvDatabase,
  table: string,
  batch: RecordBatch,
  onChunk?: (rows: number) => void,
): Promise<boolean> {
  try {
    await insertInChunks((ipc, append) => db.insertArrow(table, ipc, append), batch, onChunk);
    return true;
  } catch (cause) {
    if (notTheFiles(cause)) throw cause;
    await db.query(db.dialect.dropTable(table)).catch(() => undefined);
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

/**
 * A failure that is not the file's (the database lost or stuck, or the load cancelled): said as
 * what it is, never as a table the database refused, and never met by another way in.
 */
function notTheFiles(cause: unknown): boolean {
  return (
    cause instanceof DatabaseLostError ||
    cause instanceof EngineTimeoutError ||
    cause instanceof LoadError
  );
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
