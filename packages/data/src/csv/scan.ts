import { loadError } from '../fetch-bytes';
import { ByteWriter } from './byte-writer';
import {
  CR,
  type CsvRecord,
  isBlankField,
  LF,
  nextLineStart,
  QUOTE,
  readRecord,
  recordPreview,
} from './record';
import { type CsvReject, FIRST_REJECTS, type SkippedRows } from './report';
import { emptySkim, skimRecord } from './skim';

/** Where the rows start and what shape they must have. */
export interface RowLayout {
  delimiter: number;
  /** Values per row: the header's. */
  width: number;
  /** Byte offset and line of the first row after the header. */
  dataStart: number;
  dataLine: number;
  /** The header as written, and its fields, to recognise copies of it further down. */
  header: Uint8Array | null;
  headerFields: readonly Uint8Array[] | null;
}

/** The rows as DuckDB is given them (no header), and what was left out on the way. */
export interface ScannedRows {
  /** The rows: a view of the given bytes when `rewritten` is false, else a buffer of our own. */
  text: Uint8Array;
  rewritten: boolean;
  rows: number;
  /** Line in the file where each row starts, by row. */
  lines: Int32Array;
  skipped: SkippedRows;
  rejectedRows: number;
  rejects: CsvReject[];
  nulBytes: number;
  byteOrderMarks: number;
  /** Bytes in the longest row, for DuckDB's line size limit. */
  longestRow: number;
  /** How every row in `text` ends: the first row's way; rows that end otherwise are rewritten. */
  newline: '\n' | '\r\n';
  /** Lines equal to the header kept as rows: they do not recur the way repeated headers do. */
  headerCopiesKept: number;
  /** The first lines of the header's copies left out. */
  headerCopyLines: number[];
  /** Opening quotes read as text (they would have merged lines), and the first lines they are on. */
  strayQuotes: number;
  strayQuoteLines: number[];
}

const MAX_RESTARTS = 10_000;

/**
 * One pass over the rows. Runs of good rows are copied as they are; rows with NUL bytes,
 * stray byte-order marks, quotes in odd places or a lone CR ending are rewritten in plain
 * CSV; blank rows and repeated headers are skipped and counted; rows with the wrong number
 * of values, or a quote that never closes, are left out and listed with their line.
 *
 * A line equal to the header is a repeated header only where the file repeats its header the
 * way pasted sheets and report pages do: each copy after a row of data, none right after the
 * header or another copy, and each heading at least two rows on average. Otherwise the copies
 * are rows of data (the file's first row was data too, or its header is also a value): the
 * rows are then read again with every copy kept, and `headerCopiesKept` says how many.
 */
export function scanRows(bytes: Uint8Array, layout: RowLayout, file: string): ScannedRows {
  const steps = scanSteps(bytes, layout, file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How far a pass over the rows has got: bytes of the text, rows kept. */
export interface ScanStep {
  bytesRead: number;
  rowsRead: number;
}

/** Records read between two looks at the clock. */
const STEP_RECORDS = 16_384;
/** Longest the pass keeps the page's thread before it lets the page answer a click. */
const STEP_MS = 50;

/**
 * `scanRows` in steps: between steps the page draws and answers (a cancel, for one), and
 * `onStep` hears how far the pass is (it may throw, to stop the pass there).
 */
export async function scanRowsInSteps(
  bytes: Uint8Array,
  layout: RowLayout,
  file: string,
  onStep: (step: ScanStep) => void,
): Promise<ScannedRows> {
  const steps = scanSteps(bytes, layout, file);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < STEP_MS) continue;
    onStep(step.value);
    await nextTask();
    onStep(step.value);
    since = performance.now();
  }
}

/** Settles on a task of its own, after the page's pending work (a click, a frame). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

function* scanSteps(
  bytes: Uint8Array,
  layout: RowLayout,
  file: string,
): Generator<ScanStep, ScannedRows> {
  const scanned = yield* scanOnce(bytes, layout, file, true);
  const copies = scanned.skipped.repeatedHeader;
  if (copies === 0 || (scanned.headerCopiesKept === 0 && scanned.rows >= 2 * copies)) {
    return scanned;
  }
  return yield* scanOnce(bytes, layout, file, false);
}

function* scanOnce(
  bytes: Uint8Array,
  layout: RowLayout,
  file: string,
  dropCopies: boolean,
): Generator<ScanStep, ScannedRows> {
  const { delimiter, width, header } = layout;
  let writer: ByteWriter | undefined;
  const out = (): ByteWriter => (writer ??= new ByteWriter(bytes.length - layout.dataStart + 1024));
  let lines = new Int32Array(1024);
  const result: ScannedRows = {
    text: new Uint8Array(),
    rewritten: false,
    rows: 0,
    lines,
    skipped: { blank: 0, aboveHeader: 0, repeatedHeader: 0, lines: [] },
    rejectedRows: 0,
    rejects: [],
    nulBytes: 0,
    byteOrderMarks: 0,
    longestRow: 0,
    newline: rowNewline(bytes, layout.dataStart, delimiter),
    headerCopiesKept: 0,
    headerCopyLines: [],
    strayQuotes: 0,
    strayQuoteLines: [],
  };
  /** Whether the last non-blank line was the header or a copy of it: a copy after one is data. */
  let afterHeader = true;
  const isDroppedCopy = (copy: boolean): boolean => {
    const dropped = copy && dropCopies && !afterHeader;
    if (copy && !dropped) result.headerCopiesKept++;
    afterHeader = copy;
    return dropped;
  };
  const crlf = result.newline === '\r\n';
  const endRow = (): void => {
    if (crlf) out().byte(CR);
    out().byte(LF);
  };
  const addRow = (line: number, length: number): void => {
    if (result.rows === lines.length) {
      const grown = new Int32Array(lines.length * 2);
      grown.set(lines);
      lines = grown;
    }
    lines[result.rows++] = line;
    if (length > result.longestRow) result.longestRow = length;
  };
  const skip = (line: number): void => {
    if (result.skipped.lines.length < FIRST_REJECTS) result.skipped.lines.push(line);
  };
  const reject = (line: number, start: number, end: number, reason: string): void => {
    result.rejectedRows++;
    if (result.rejects.length < FIRST_REJECTS) {
      result.rejects.push({ line, column: null, value: recordPreview(bytes, start, end), reason });
    }
  };
  let restarts = 0;
  let i = layout.dataStart;
  let line = layout.dataLine;
  /** Start of the good rows not yet copied. */
  let run = i;
  const flush = (end: number): void => {
    if (end > run) out().bytes(bytes, run, end);
    result.rewritten = true;
  };
  const n = bytes.length;
  const skim = emptySkim();
  let records = 0;
  while (i < n) {
    if (++records === STEP_RECORDS) {
      records = 0;
      yield { bytesRead: i, rowsRead: result.rows };
    }
    const start = i;
    const startLine = line;
    skimRecord(bytes, start, delimiter, skim);
    i = skim.end;
    line += skim.lineBreaks;
    if (skim.clean) {
      const good = skim.content && skim.fields === width;
      const ending = skim.end - skim.contentEnd;
      const sameEnding =
        ending === 0 || (crlf ? ending === 2 : ending === 1 && bytes[skim.contentEnd] === LF);
      const copy = header !== null && sameBytes(bytes, start, skim.contentEnd, header);
      if (good && sameEnding && !copy) {
        afterHeader = false;
        addRow(startLine, skim.contentEnd - start);
        continue;
      }
      flush(start);
      run = i;
      if (!skim.content) {
        result.skipped.blank++;
        skip(startLine);
        continue;
      }
      if (skim.content && isDroppedCopy(copy)) {
        result.skipped.repeatedHeader++;
        if (result.headerCopyLines.length < FIRST_REJECTS) result.headerCopyLines.push(startLine);
        skip(startLine);
        continue;
      }
      if (good) {
        out().bytes(bytes, start, skim.contentEnd);
        endRow();
        addRow(startLine, skim.contentEnd - start);
        continue;
      }
    }
    flush(start);
    const record = readRecord(bytes, start, delimiter);
    result.nulBytes += record.nulBytes;
    result.byteOrderMarks += record.byteOrderMarks;
    if (record.strayQuotes > 0) {
      result.strayQuotes += record.strayQuotes;
      if (result.strayQuoteLines.length < FIRST_REJECTS) result.strayQuoteLines.push(startLine);
    }
    if (record.unterminated) {
      if (++restarts > MAX_RESTARTS) {
        throw loadError('loadQuotesUnclosed', { file });
      }
      i = nextLineStart(bytes, start);
      line = startLine + 1;
      run = i;
      afterHeader = false;
      reject(startLine, start, i, 'a quoted value starts here and is never closed');
      continue;
    }
    i = record.end;
    line = startLine + record.lineBreaks;
    run = i;
    const values = record.fields;
    while (values.length > width && isBlankField(values[values.length - 1] as Uint8Array)) {
      values.pop();
    }
    if (values.every(isBlankField)) {
      result.skipped.blank++;
      skip(startLine);
    } else if (
      isDroppedCopy(layout.headerFields !== null && sameFields(values, layout.headerFields))
    ) {
      result.skipped.repeatedHeader++;
      if (result.headerCopyLines.length < FIRST_REJECTS) result.headerCopyLines.push(startLine);
      skip(startLine);
    } else if (values.length !== width) {
      reject(startLine, start, record.contentEnd, valueCountReason(values.length, width));
    } else {
      writeRecord(out(), record, delimiter);
      endRow();
      addRow(startLine, record.contentEnd - start);
    }
  }
  if (result.rewritten) {
    flush(n);
    result.text = out().result();
  } else {
    result.text = bytes.subarray(layout.dataStart);
  }
  result.lines = lines.subarray(0, result.rows);
  return result;
}

/** How the row at `start` ends: every row DuckDB is given ends the same way. */
export function rowNewline(bytes: Uint8Array, start: number, delimiter: number): '\n' | '\r\n' {
  const skim = emptySkim();
  skimRecord(bytes, start, delimiter, skim);
  return skim.end - skim.contentEnd === 2 ? '\r\n' : '\n';
}

function valueCountReason(count: number, width: number): string {
  const values = (k: number): string => `${k} value${k === 1 ? '' : 's'}`;
  return `the row has ${values(count)} but the header has ${values(width)}`;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, other: Uint8Array): boolean {
  if (end - start !== other.length) return false;
  for (let k = 0; k < other.length; k++) if (bytes[start + k] !== other[k]) return false;
  return true;
}

function sameFields(fields: readonly Uint8Array[], other: readonly Uint8Array[]): boolean {
  return (
    fields.length === other.length &&
    fields.every((field, k) => sameBytes(field, 0, field.length, other[k] as Uint8Array))
  );
}

/** Writes a repaired record in plain CSV, quoting the fields that need it. */
function writeRecord(out: ByteWriter, record: CsvRecord, delimiter: number): void {
  record.fields.forEach((field, index) => {
    if (index > 0) out.byte(delimiter);
    if (!field.some((b) => b === delimiter || b === QUOTE || b === LF || b === CR)) {
      out.bytes(field);
      return;
    }
    out.byte(QUOTE);
    for (const byte of field) {
      if (byte === QUOTE) out.byte(QUOTE);
      out.byte(byte);
    }
    out.byte(QUOTE);
  });
}
