import type { Data, makeData, RecordBatch, Utf8 } from 'apache-arrow';
import { ByteWriter } from './byte-writer';
import { CR, LF, QUOTE } from './record';

/** Largest text (in bytes) handed over as Arrow columns; past it DuckDB reads the CSV itself. */
export const ARROW_TEXT_BYTES = 128 * 1_048_576;

/** A column of cells as UTF-8 bytes: where each starts, and which are NULL (empty). */
export interface TextColumn {
  offsets: Int32Array;
  bytes: ByteWriter;
  /** One bit a row, set where the cell is filled (Arrow's validity bitmap). */
  valid: Uint8Array;
  nulls: number;
}

/** Text columns as one Arrow record batch (their buffers shared), the fields named `names`. */
export async function textTableBatch(
  columns: readonly TextColumn[],
  names: readonly string[],
  rows: number,
): Promise<RecordBatch> {
  const { Field, RecordBatch, Schema, Struct, Utf8, makeData } = await import('apache-arrow');
  // Fields in a list, not an object's keys: a header such as `10` would move to the front.
  const fields = names.map((name) => new Field(name, new Utf8(), true));
  const children: Data<Utf8>[] = columns.map((column) => textData(makeData, Utf8, column, rows));
  return new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }),
  );
}

/** A text column as Arrow data, its buffers shared, not copied. */
export function textData(
  make: typeof makeData,
  Text: typeof Utf8,
  column: TextColumn,
  rows: number,
): Data<Utf8> {
  return make({
    type: new Text(),
    length: rows,
    nullCount: column.nulls,
    nullBitmap: column.valid,
    valueOffsets: column.offsets,
    data: column.bytes.result(),
  });
}

/**
 * The rows of `text` (plain CSV as the JS pass hands them to DuckDB) as text columns, each
 * cell as `read_csv` with every column VARCHAR reads it: quotes taken off, `""` made `"`, an
 * empty field (quoted or not) NULL. Undefined when a row is not as the pass promised (another
 * width, text after a closing quote, a quote left open): DuckDB then reads the CSV itself.
 */
export function splitColumns(
  text: Uint8Array,
  width: number,
  rows: number,
  delimiter: number,
): TextColumn[] | undefined {
  const sizes = columnSizes(text, width, rows, delimiter);
  const columns: TextColumn[] = sizes.map((size) => ({
    offsets: new Int32Array(rows + 1),
    bytes: new ByteWriter(size),
    valid: new Uint8Array(Math.ceil(rows / 8)),
    nulls: 0,
  }));
  const end = text.length;
  let row = 0;
  let column = 0;
  let i = 0;
  while (i < end) {
    if (row >= rows || column >= width) return undefined;
    const into = columns[column] as TextColumn;
    const before = into.bytes.length;
    if (text[i] === QUOTE) {
      let start = ++i;
      for (;;) {
        if (i >= end) return undefined;
        if (text[i] === QUOTE) {
          into.bytes.bytes(text, start, i);
          if (text[i + 1] !== QUOTE) break;
          // `""` inside quotes: one quote, kept with the bytes after it.
          start = i + 1;
          i += 2;
          continue;
        }
        i++;
      }
      i++;
      const next = text[i];
      if (i < end && next !== delimiter && next !== LF && next !== CR) return undefined;
    } else {
      const start = i;
      while (i < end && text[i] !== delimiter && text[i] !== LF && text[i] !== CR) i++;
      into.bytes.bytes(text, start, i);
    }
    if (into.bytes.length > before) into.valid[row >> 3]! |= 1 << (row & 7);
    else into.nulls++;
    into.offsets[row + 1] = into.bytes.length;
    const byte = text[i];
    if (byte === delimiter) {
      column++;
      i++;
      continue;
    }
    if (column !== width - 1) return undefined;
    column = 0;
    row++;
    if (byte === CR && text[i + 1] === LF) i += 2;
    else i++;
  }
  return row === rows && column === 0 ? columns : undefined;
}

/** Rows measured to size each column's buffer. */
const MEASURED_ROWS = 2_048;

/**
 * Each column's bytes, foreseen from the first rows (a little over, so that a column rarely
 * grows and is copied): the split columns of a big file then take little more than its size.
 */
function columnSizes(text: Uint8Array, width: number, rows: number, delimiter: number): number[] {
  const measured = new Float64Array(width);
  let column = 0;
  let row = 0;
  let quoted = false;
  let i = 0;
  for (; i < text.length && row < MEASURED_ROWS; i++) {
    const byte = text[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && byte === delimiter) column++;
    else if (!quoted && byte === LF) {
      column = 0;
      row++;
    } else if (column < width) measured[column]!++;
  }
  if (row === 0) return Array.from({ length: width }, () => Math.ceil(text.length / width));
  const share = (rows / row) * 1.05;
  return Array.from(measured, (bytes) => Math.ceil(bytes * share) + 1024);
}
