import type { EncodingChoice } from '../decode';
import { loadError, type ProgressListener } from '../fetch-bytes';
import { messageText } from '@stratex/core';
import { positionalNames, renamedColumns, uniqueColumnNames } from '../header-names';
import { toUtf8, type Utf8Text } from './encoding';
import { gunzipWithin, isGzip } from './gzip';
import { type CsvLayout, findLayout, MAX_NAME } from './layout';
import { type CsvColumn, type CsvReject, type CsvReport, FIRST_REJECTS } from './report';
import { rowNewline, scanRows, scanRowsInSteps, type ScannedRows } from './scan';
import { checkCsvSize } from '../size-limit';
import type { TextRows } from './duckdb/text-table-sql';
import { unitWorkColumn } from './planned-column';
import { LINE_COLUMN } from './line-numbers';

export interface CsvLoadRequest {
  /** Name of the text table; the typed one is `<table>_typed`. */
  table: string;
  file: string;
  encoding: EncodingChoice;
  /** The separator, when the bytes were written here (a workbook's sheet); else it is found. */
  delimiter?: string;
  maxBytes: number;
  onProgress?: ProgressListener;
  /** Whether the typed table carries each row's line in the file (`LINE_COLUMN`); default true. */
  lineNumbers?: boolean;
}

export interface CsvLoadResult extends CsvReport {
  columns: string[];
  rowCount: number;
  encoding: string;
}

/** A CSV's text, decoded, with its layout found and its columns named: before any row is read. */
export interface PreparedCsv {
  /** The bytes as given (compressed, if they were). */
  input: Uint8Array;
  text: Utf8Text;
  layout: CsvLayout;
  rows: Omit<TextRows, 'longestRow'>;
}

/**
 * The first steps of every CSV load, whichever engine then reads the rows: size checked,
 * gzip undone, text decoded to UTF-8, the layout and the header found, columns named.
 */
export async function prepareCsv(given: Uint8Array, request: CsvLoadRequest): Promise<PreparedCsv> {
  const { file } = request;
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
  if (looksLikeWebPage(text.bytes)) throw loadError('loadWebPage', { file });
  const layout = findLayout(text.bytes, request.delimiter);
  if (!layout) throw loadError('loadBlankLines', { file });
  const reserved = [
    LINE_COLUMN,
    ...Array.from({ length: layout.width }, (_, i) => unitWorkColumn(i)),
  ];
  const names = layout.header
    ? uniqueColumnNames(layout.header, reserved)
    : positionalNames(layout.width);
  const rows = {
    names,
    delimiter: String.fromCharCode(layout.delimiter),
    newline: rowNewline(text.bytes, layout.dataStart, layout.delimiter),
  };
  return { input, text, layout, rows };
}

/** The JS pass over the rows: what is kept, skipped and left out (lines above the header included). */
export function scanPrepared({ text, layout }: PreparedCsv, file: string): ScannedRows {
  const scanned = scanRows(text.bytes, { ...layout, header: layout.headerBytes }, file);
  return withLinesAbove(layout, scanned);
}

/**
 * `scanPrepared` in steps, each reported to `onProgress` (rows read so far, and the share of
 * the file's bytes they are): the page stays responsive, and a cancel stops the pass there.
 */
export async function scanPreparedInSteps(
  { input, text, layout }: PreparedCsv,
  file: string,
  onProgress: ProgressListener | undefined,
): Promise<ScannedRows> {
  const share = input.byteLength / Math.max(1, text.bytes.length);
  const scanned = await scanRowsInSteps(
    text.bytes,
    { ...layout, header: layout.headerBytes },
    file,
    (step) =>
      onProgress?.({
        phase: 'decode',
        bytesRead: Math.round(step.bytesRead * share),
        totalBytes: input.byteLength,
        rowsLoaded: step.rowsRead,
      }),
  );
  return withLinesAbove(layout, scanned);
}

function withLinesAbove(layout: CsvLayout, scanned: ScannedRows): ScannedRows {
  scanned.skipped.aboveHeader = layout.aboveHeader.length;
  scanned.skipped.lines = [...layout.aboveHeader, ...scanned.skipped.lines].slice(0, FIRST_REJECTS);
  return scanned;
}

/** The repairs the text needed, said as notes. */
export function repairNotes(prepared: PreparedCsv, scanned: ScannedRows): string[] {
  const notes = [...prepared.text.notes];
  const { header } = prepared.layout;
  const renamed = header ? renamedColumns(header, prepared.rows.names) : [];
  if (renamed.length > 0) {
    notes.push(messageText('en', 'loadRenamedColumns', { renamed: renamed.join(', ') }));
  }
  if (scanned.nulBytes > 0) notes.push(`${scanned.nulBytes} NUL bytes were removed.`);
  if (scanned.byteOrderMarks > 0) {
    notes.push(`${scanned.byteOrderMarks} byte-order marks inside the text were removed.`);
  }
  notes.push(...layoutNotes(prepared, scanned));
  return notes;
}

/** What the reading of the file's shape decided that changes which lines are rows: said, with lines. */
function layoutNotes({ layout }: PreparedCsv, scanned: ScannedRows): string[] {
  const notes: string[] = [];
  const lines = (found: readonly number[], count: number): string =>
    `line${count === 1 ? '' : 's'} ${found.slice(0, 10).join(', ')}${count > 10 ? ', …' : ''}`;
  const count = (k: number, one: string, many = `${one}s`): string =>
    `${k} ${k === 1 ? one : many}`;
  const were = (k: number): string => (k === 1 ? 'was' : 'were');
  if (!layout.header) {
    notes.push(
      `Line ${layout.headerLine} holds values of the same kinds as the rows below it, so the file is read as having no header row: it is the first row, and the columns are named column_1 to column_${layout.width}.`,
    );
  } else if (layout.aboveHeader.length > 0) {
    notes.push(
      `The header is on line ${layout.headerLine}; ${count(layout.aboveHeader.length, 'line')} above it (${lines(layout.aboveHeader, layout.aboveHeader.length)}) ${were(layout.aboveHeader.length)} passed over as titles or notes.`,
    );
  }
  if (layout.header && layout.longestHeaderCell > MAX_NAME) {
    notes.push(
      `A header cell of ${layout.longestHeaderCell} characters was cut to its first ${MAX_NAME} to name its column.`,
    );
  }
  if (scanned.skipped.repeatedHeader > 0) {
    notes.push(
      `${count(scanned.skipped.repeatedHeader, 'line')} repeating the header further down (${lines(scanned.headerCopyLines, scanned.skipped.repeatedHeader)}) ${were(scanned.skipped.repeatedHeader)} left out.`,
    );
  }
  if (scanned.headerCopiesKept > 0) {
    notes.push(
      `${count(scanned.headerCopiesKept, 'row')} equal to the header ${were(scanned.headerCopiesKept)} kept as data, since the file does not repeat its header the way pasted sheets or report pages do.`,
    );
  }
  if (scanned.strayQuotes > 0) {
    notes.push(
      `${count(scanned.strayQuotes, 'quote')} opening a value (${lines(scanned.strayQuoteLines, scanned.strayQuoteLines.length)}) ${were(scanned.strayQuotes)} read as text: taken as quotes they would close only lines later, merging the lines between into one value.`,
    );
  }
  if (layout.header && scanned.rows === 0 && scanned.rejectedRows === 0) {
    notes.push(`The file has a header (line ${layout.headerLine}) and no rows below it.`);
  }
  return notes;
}

/** What a load found, from the JS pass and the typed columns' check. */
export function csvReport(
  prepared: PreparedCsv,
  scanned: ScannedRows,
  typed: { typedTable: string; columns: CsvColumn[]; firstRejects: readonly CsvReject[] },
  notes: string[],
): CsvLoadResult {
  const { layout, rows, text } = prepared;
  const cells = typed.columns.reduce((sum, column) => sum + column.rejects, 0);
  const first = [...scanned.rejects, ...typed.firstRejects]
    .sort((a, b) => a.line - b.line)
    .slice(0, FIRST_REJECTS);
  return {
    columns: [...rows.names],
    rowCount: scanned.rows,
    encoding: text.encoding,
    typedTable: typed.typedTable,
    columnTypes: typed.columns,
    headerRow: layout.header ? layout.headerLine : null,
    delimiter: rows.delimiter,
    skippedRows: scanned.skipped,
    rejects: { rows: scanned.rejectedRows, cells, count: scanned.rejectedRows + cells, first },
    notes,
  };
}

function looksLikeWebPage(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}
