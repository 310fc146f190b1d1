import { fieldText, readRecord } from './record';
import { emptySkim, skimRecord } from './skim';
import type { TextColumn } from './text-columns';

/** Cells of some rows, column by column (null for an empty cell), as the text table holds them. */
export type DrawnCells = (string | null)[][];

const SEED = 20240930;

/**
 * `count` distinct rows of `rowCount`, drawn with a fixed seed (the same rows on every load
 * of the same file), in file order; every row when there are no more than `count`.
 */
export function drawnRows(rowCount: number, count: number): number[] {
  if (rowCount <= count) return Array.from({ length: rowCount }, (_, row) => row);
  let state = SEED;
  const next = (): number => {
    // mulberry32: small, fast, and the same in every engine.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  // Floyd's draw: `count` distinct rows in `count` steps, whatever `rowCount` is.
  const chosen = new Set<number>();
  for (let top = rowCount - count; top < rowCount; top++) {
    const row = Math.floor(next() * (top + 1));
    chosen.add(chosen.has(row) ? top : row);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The cells of `rows` (ascending) of plain CSV text as the JS pass hands it on: every row
 * `width` fields. Undefined when a row is not so.
 */
export function cellsOfText(
  text: Uint8Array,
  width: number,
  delimiter: number,
  rows: readonly number[],
): DrawnCells | undefined {
  const cells: DrawnCells = Array.from({ length: width }, () => []);
  const skim = emptySkim();
  let offset = 0;
  let row = 0;
  for (const wanted of rows) {
    for (; row < wanted; row++) {
      if (offset >= text.length) return undefined;
      skimRecord(text, offset, delimiter, skim);
      offset = skim.end;
    }
    const record = readRecord(text, offset, delimiter);
    if (record.fields.length !== width || record.unterminated) return undefined;
    record.fields.forEach((field, index) => {
      cells[index]!.push(field.length === 0 ? null : fieldText(field));
    });
    offset = record.end;
    row++;
  }
  return cells;
}

/** The cells of `rows` of text columns. */
export function cellsOfColumns(
  columns: readonly TextColumn[],
  rows: readonly number[],
): DrawnCells {
  const decoder = new TextDecoder();
  return columns.map((column) => {
    const bytes = column.bytes.result();
    return rows.map((row) => {
      if (!((column.valid[row >> 3]! >> (row & 7)) & 1)) return null;
      return decoder.decode(bytes.subarray(column.offsets[row], column.offsets[row + 1]));
    });
  });
}
