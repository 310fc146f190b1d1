import { CR, LF, QUOTE } from './record';

/**
 * Per column of the rows as DuckDB reads them into the text table: the filled cells (not
 * NULL), and those of them that are not plain digits (`plainNumberSql`) or not an ISO day
 * (`plainDateSql`). Counted in JS, in the time the database is still starting or reading.
 */
export interface RawShapes {
  filled: Float64Array;
  notPlainNumber: Float64Array;
  notPlainDate: Float64Array;
}

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const DOT = 0x2e;

/**
 * Counts the shapes of the cells in `text`, rows of plain CSV as the JS pass hands them to
 * DuckDB (every row `width` fields, quotes only around whole fields): an empty field, quoted
 * or not, is NULL; a quoted field is read without its quotes.
 */
export function countRawShapes(text: Uint8Array, width: number, delimiter: number): RawShapes {
  const shapes: RawShapes = {
    filled: new Float64Array(width),
    notPlainNumber: new Float64Array(width),
    notPlainDate: new Float64Array(width),
  };
  const end = text.length;
  let column = 0;
  let i = 0;
  while (i < end) {
    let start = i;
    let stop: number;
    let escaped = false;
    if (text[i] === QUOTE) {
      start = ++i;
      while (i < end) {
        if (text[i] === QUOTE) {
          if (text[i + 1] !== QUOTE) break;
          escaped = true;
          i++;
        }
        i++;
      }
      stop = i;
      i++;
      // Text after a closing quote (which the JS pass leaves only in a row it rewrote) still
      // belongs to the cell: it makes it no plain number or day.
      while (i < end && text[i] !== delimiter && text[i] !== LF && text[i] !== CR) {
        escaped = true;
        i++;
      }
    } else {
      while (i < end && text[i] !== delimiter && text[i] !== LF && text[i] !== CR) i++;
      stop = i;
    }
    if (column < width && stop > start) {
      shapes.filled[column]!++;
      if (escaped || !isPlainNumber(text, start, stop)) shapes.notPlainNumber[column]!++;
      if (escaped || !isPlainDate(text, start, stop)) shapes.notPlainDate[column]!++;
    }
    const byte = text[i];
    if (byte === delimiter) {
      column++;
      i++;
      continue;
    }
    column = 0;
    if (byte === CR && text[i + 1] === LF) i += 2;
    else i++;
  }
  return shapes;
}

/** `-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?`, the whole of bytes `start`…`stop`. */
function isPlainNumber(text: Uint8Array, start: number, stop: number): boolean {
  let i = start;
  if (text[i] === MINUS) i++;
  if (i >= stop || !isDigit(text[i])) return false;
  if (text[i] === ZERO) i++;
  else while (i < stop && isDigit(text[i])) i++;
  if (i === stop) return true;
  if (text[i] !== DOT) return false;
  i++;
  if (i >= stop) return false;
  while (i < stop && isDigit(text[i])) i++;
  return i === stop;
}

/** `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]`, the whole of bytes `start`…`stop`. */
function isPlainDate(text: Uint8Array, start: number, stop: number): boolean {
  if (stop - start !== 10) return false;
  for (let k = 0; k < 10; k++) {
    const byte = text[start + k];
    if (k === 4 || k === 7 ? byte !== MINUS : !isDigit(byte)) return false;
  }
  return true;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= ZERO && byte <= NINE;
}
