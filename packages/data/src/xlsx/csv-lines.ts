import { tooLargeError } from '../size-limit';

const CHUNK = 1 << 20;
const COMMA = 0x2c;

/**
 * A sheet's rows written as CSV as they are read, one line per sheet row (row 1 on line 1),
 * each value quoted only when it holds a comma, a quote or a line break. Every line ends up
 * as wide as the widest row, which is known only at the end: lines are kept as written,
 * with their byte length and cell count, and padded when the whole is put together. What it
 * holds is the CSV and two numbers a line, never the sheet's XML.
 */
export class CsvLines {
  readonly #chunks: Uint8Array[] = [];
  #chunk = new Uint8Array(CHUNK);
  #used = 0;
  #lengths = new Uint32Array(1024);
  #counts = new Uint32Array(1024);
  #rows = 0;
  #width = 0;
  #bytes = 0;
  readonly #encoder = new TextEncoder();

  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
  ) {}

  /** Lines written so far, blank rows among them. */
  get rows(): number {
    return this.#rows;
  }

  /** Cells in the widest row so far. */
  get width(): number {
    return this.#width;
  }

  /** Writes sheet row `index` (from 0, after every row written so far); the rows it skips are blank. */
  write(index: number, cells: readonly (string | undefined)[]): void {
    const width = Math.max(this.#width, cells.length);
    this.#checkLeast(index + 1, width);
    while (this.#rows < index) this.#line(0, 0);
    let line = '';
    for (let column = 0; column < cells.length; column++) {
      const value = cells[column] ?? '';
      if (column > 0) line += ',';
      line += /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    }
    this.#line(this.#encode(line), cells.length);
    this.#width = width;
  }

  /** The CSV, UTF-8, every line padded to the widest row's cells and ended by CRLF. */
  finish(): Uint8Array {
    this.#chunks.push(this.#chunk.subarray(0, this.#used));
    const width = this.#width;
    const rows = this.#rows;
    let total = this.#bytes + rows * 2;
    for (let line = 0; line < rows; line++) total += width - Math.max(1, this.#counts[line]!);
    if (total > this.maxBytes) throw tooLargeError(this.file, total, this.maxBytes, { csv: true });
    const csv = new Uint8Array(total);
    let at = 0;
    let chunk = 0;
    let offset = 0;
    for (let line = 0; line < rows; line++) {
      const length = this.#lengths[line]!;
      if (offset + length > this.#chunks[chunk]!.byteLength) {
        chunk++;
        offset = 0;
      }
      csv.set(this.#chunks[chunk]!.subarray(offset, offset + length), at);
      offset += length;
      at += length;
      const padding = width - Math.max(1, this.#counts[line]!);
      if (padding > 0) csv.fill(COMMA, at, at + padding);
      at += padding;
      csv[at++] = 0x0d;
      csv[at++] = 0x0a;
    }
    this.#chunks.length = 0;
    return csv;
  }

  /** Every row holds at least a separator per cell: refused as soon as that passes the limit. */
  #checkLeast(rows: number, width: number): void {
    const least = rows * Math.max(1, width);
    if (least > this.maxBytes) {
      throw tooLargeError(this.file, least, this.maxBytes, { csv: true, atLeast: true });
    }
  }

  /** Encodes a line into the current chunk (a fresh one when it does not fit); its byte length. */
  #encode(line: string): number {
    if (line === '') return 0;
    const first = this.#encoder.encodeInto(line, this.#chunk.subarray(this.#used));
    let { written } = first;
    if (first.read < line.length) {
      this.#chunks.push(this.#chunk.subarray(0, this.#used));
      this.#chunk = new Uint8Array(Math.max(CHUNK, line.length * 3));
      this.#used = 0;
      ({ written } = this.#encoder.encodeInto(line, this.#chunk));
    }
    this.#used += written;
    this.#bytes += written;
    if (this.#bytes > this.maxBytes) {
      throw tooLargeError(this.file, this.#bytes, this.maxBytes, { csv: true, atLeast: true });
    }
    return written;
  }

  #line(length: number, count: number): void {
    if (this.#rows === this.#lengths.length) {
      this.#lengths = grown(this.#lengths);
      this.#counts = grown(this.#counts);
    }
    this.#lengths[this.#rows] = length;
    this.#counts[this.#rows] = count;
    this.#rows++;
  }
}

function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
