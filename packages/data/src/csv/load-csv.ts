import { messageText } from '@stratex/core';
import type { Table } from 'apache-arrow';
import type { EncodingChoice } from '../decode';
import { loadError, type ProgressListener } from '../fetch-bytes';
import type { TableDialect } from '../query/dialect';
import { EngineTimeoutError } from '../timeout';
import { positionalNames, renamedColumns, uniqueColumnNames } from './column-names';
import { planColumns } from './column-plan';
import { toUtf8 } from './encoding';
import { gunzipWithin, isGzip } from './gzip';
import { findLayout } from './layout';
import { type CsvReport, FIRST_REJECTS } from './report';
import { rowNewline, scanRows, type ScannedRows } from './scan';
import { checkCsvSize } from './size-limit';
import { checkTypedTable, firstRow, type TypedTableCheck } from './typed-checks';
import {
  createEmptyTextTable,
  createTextTable,
  type CsvDatabase,
  READ_AHEAD_LINE,
  readAhead,
} from './text-table';
import { rawShapesSql, typedRowsSql } from './duckdb/typed-table-sql';
import { unitWorkColumn } from './planned-column';

export type { CsvDatabase } from './text-table';

export interface CsvLoadRequest {
  /** Name of the text table; the typed one is `<table>_typed`. */
  table: string;
  file: string;
  encoding: EncodingChoice;
  maxBytes: number;
  onProgress?: ProgressListener;
}

export interface CsvLoadResult extends CsvReport {
  columns: string[];
  rowCount: number;
  encoding: string;
}

/**
 * Loads CSV bytes into two tables: `<table>`, every cell as written (text), and
 * `<table>_typed`, with numbers, dates and periods read. The text is decoded and its rows
 * checked in JS; when the database is already open it reads the rows meanwhile, and that
 * reading is kept if the check changed nothing.
 */
export async function loadCsv(
  database: () => Promise<CsvDatabase>,
  given: Uint8Array,
  request: CsvLoadRequest,
): Promise<CsvLoadResult> {
  const { table, file } = request;
  checkCsvSize(file, given.byteLength, request.maxBytes);
  // A plain view: Node's Buffer, a subclass, would slow the byte loops several times over.
  const input = new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
  const bytes = isGzip(input) ? await gunzipWithin(input, request.maxBytes, file) : input;
  if (bytes.byteLength === 0) throw loadError('loadEmpty', { file });
  const text = toUtf8(bytes, request.encoding, file);
  request.onProgress?.({
    phase: 'decode',
    bytesRead: input.byteLength,
    totalBytes: input.byteLength,
  });

  if (looksLikeWebPage(text.bytes)) {
    throw loadError('loadWebPage', { file });
  }
  const layout = findLayout(text.bytes);
  if (!layout) throw loadError('loadBlankLines', { file });
  const reserved = Array.from({ length: layout.width }, (_, i) => unitWorkColumn(i));
  const names = layout.header
    ? uniqueColumnNames(layout.header, reserved)
    : positionalNames(layout.width);
  const rows = {
    names,
    delimiter: String.fromCharCode(layout.delimiter),
    newline: rowNewline(text.bytes, layout.dataStart, layout.delimiter),
  };
  const opening = database();
  const early = layout.dataStart < text.bytes.length ? await whenOpen(opening) : undefined;
  const ahead = early
    ? await readAhead(early, table, text.bytes.slice(layout.dataStart), rows)
    : undefined;
  let scanned: ScannedRows;
  try {
    scanned = scanRows(text.bytes, { ...layout, header: layout.headerBytes }, file);
  } catch (cause) {
    await ahead?.discard();
    throw cause;
  }
  scanned.skipped.aboveHeader = layout.aboveHeader.length;
  scanned.skipped.lines = [...layout.aboveHeader, ...scanned.skipped.lines].slice(0, FIRST_REJECTS);

  const db = await opening;
  request.onProgress?.({
    phase: 'load',
    bytesRead: input.byteLength,
    totalBytes: input.byteLength,
  });
  const notes = [...text.notes, ...repairNotes(scanned)];
  const renamed = layout.header ? renamedColumns(layout.header, names) : [];
  if (renamed.length > 0) {
    notes.push(messageText('en', 'loadRenamedColumns', { renamed: renamed.join(', ') }));
  }
  const typedTable = `${table}_typed`;
  const asRead = !scanned.rewritten && scanned.rows > 0 && scanned.longestRow <= READ_AHEAD_LINE;
  try {
    if (ahead && asRead) await ahead.keep();
    else {
      await ahead?.discard();
      if (scanned.rows === 0) await createEmptyTextTable(db, table, names);
      else {
        const owned = scanned.rewritten ? scanned.text : scanned.text.slice();
        await createTextTable(db, table, owned, { ...rows, longestRow: scanned.longestRow });
      }
    }
  } catch (cause) {
    throw loadError('loadNotATable', { file }, errorText(cause));
  }
  const query = (sql: string): Promise<Table> => db.query(sql);
  const { columns: columnTypes, firstRejects } = await buildTypedTable(
    query,
    db.dialect,
    table,
    typedTable,
    names,
    scanned.lines,
    notes,
  );
  const cells = columnTypes.reduce((sum, column) => sum + column.rejects, 0);
  const first = [...scanned.rejects, ...firstRejects]
    .sort((a, b) => a.line - b.line)
    .slice(0, FIRST_REJECTS);
  return {
    columns: names,
    rowCount: scanned.rows,
    encoding: text.encoding,
    typedTable,
    columnTypes,
    headerRow: layout.header ? layout.headerLine : null,
    delimiter: String.fromCharCode(layout.delimiter),
    skippedRows: scanned.skipped,
    rejects: { rows: scanned.rejectedRows, cells, count: scanned.rejectedRows + cells, first },
    notes,
  };
}

/**
 * The typed table and its checks. Should DuckDB refuse the typed table (it never has on the
 * corpus), the load still stands: the typed table is then a copy of the text one, said in a note.
 */
async function buildTypedTable(
  query: (sql: string) => Promise<Table>,
  dialect: TableDialect,
  table: string,
  typedTable: string,
  names: readonly string[],
  lines: Int32Array,
  notes: string[],
): Promise<TypedTableCheck> {
  try {
    const guessed = await planColumns(query, table, names, notes);
    const shapes = await firstRow(query, rawShapesSql(table, guessed));
    const planned = guessed.map((column, i) =>
      shapes[`o${i}`] === 0 ? { ...column, plainOnly: true } : column,
    );
    await query(dialect.createTableAs(typedTable, typedRowsSql(table, planned)));
    return await checkTypedTable(query, table, typedTable, planned, shapes, lines);
  } catch (cause) {
    if (cause instanceof EngineTimeoutError) throw cause;
    await query(dialect.copyTable(typedTable, table));
    notes.push(
      `Numbers and dates could not be read, so every column stays text (${errorText(cause)}).`,
    );
    return { columns: names.map((name) => ({ name, kind: 'text', rejects: 0 })), firstRejects: [] };
  }
}

function repairNotes(scanned: ScannedRows): string[] {
  const notes: string[] = [];
  if (scanned.nulBytes > 0) notes.push(`${scanned.nulBytes} NUL bytes were removed.`);
  if (scanned.byteOrderMarks > 0) {
    notes.push(`${scanned.byteOrderMarks} byte-order marks inside the text were removed.`);
  }
  return notes;
}

/** The database if it is already open (then it can read while the JS pass runs), else undefined. */
async function whenOpen(opening: Promise<CsvDatabase>): Promise<CsvDatabase | undefined> {
  let open: CsvDatabase | undefined;
  opening.then((db) => (open = db)).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return open;
}

function looksLikeWebPage(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
