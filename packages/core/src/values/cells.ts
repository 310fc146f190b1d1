import { normaliseText, parseCell } from './values';
import type { ParsedCell, Unit } from './values';

/**
 * A cell as widgets hand it to core: a `ParsedCell` the loader already read, or the text as
 * written (a source without a typed table, rows given by script, a cell the loader could not
 * read), or nothing.
 */
export type Cell = string | ParsedCell | null | undefined;

/**
 * Reads a cell once: text goes through `parseCell`, a cell the loader read is taken as it is.
 * `expected` lends its unit to a number that states none, as `parseCell` does.
 */
export function readCell(cell: Cell, expected?: Unit): ParsedCell {
  if (cell === null || cell === undefined || typeof cell === 'string') {
    return parseCell(cell, expected);
  }
  if (
    cell.kind === 'number' &&
    cell.unit === 'number' &&
    expected &&
    expected !== 'percent' &&
    expected !== 'number'
  ) {
    return { ...cell, unit: expected };
  }
  return cell;
}

/** The text of a cell as the export wrote it ('' for none). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell.raw;
}

/**
 * A value given by script or read from a typed column as a cell: text stays text, a number
 * is a plain number, a date (a `Date`) its ISO day; anything else its text.
 */
export function valueCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? valueCell(Number(value)) : String(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    const number = value === 0 ? 0 : value;
    return { kind: 'number', value: number, unit: 'number', raw: String(number) };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const day = value.toISOString().slice(0, 10);
    return { kind: 'date', value: day, raw: day };
  }
  return String(value);
}

/** True for a cell that is blank or holds only whitespace. */
export function isBlank(raw: Cell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return raw.kind === 'empty';
  return normaliseText(raw) === '';
}
