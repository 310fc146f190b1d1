import type { Data, Field, RecordBatch } from 'apache-arrow';
import { type ExactDecimal, exactDecimalOf, MAX_SCALE } from './exact-decimals';
import { LINE_COLUMN } from './line-numbers';
import type { PlannedColumn } from './planned-column';
import type { CsvColumn } from './report';
import { textData, type TextColumn } from './text-columns';

/** The typed table as Arrow, and what its check would have said of each column. */
export interface TypedArrowTable {
  batch: RecordBatch;
  columns: CsvColumn[];
  /**
   * By column: whether the database's text of each typed cell is the cell as written (text,
   * ISO days, decimals written with all their digits), so the text table can be made from
   * the typed one instead of handed over again.
   */
  asWritten: boolean[];
}

/** A typed column's values, before they become Arrow data. */
type TypedValues =
  | { kind: 'text'; column: TextColumn }
  | { kind: 'double'; values: Float64Array; column: TextColumn }
  | {
      kind: 'decimal';
      values: Float64Array;
      exact: ExactDecimal;
      column: TextColumn;
      asWritten: boolean;
    }
  | { kind: 'day'; days: Int32Array; column: TextColumn };

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const DOT = 0x2e;
const EQUALS = 0x3d;
const QUOTE = 0x22;

/**
 * The typed table read straight from the text columns, with each row's line (`lines`) as
 * `LINE_COLUMN`: what the typed table's SQL makes of them, cell for cell, where every cell
 * is one DuckDB's own cast reads (plain numbers, ISO days that are in the calendar) or text
 * not forced by Excel's `="…"`. Undefined otherwise (a period column, a unit, a reject): the
 * SQL then reads the text table.
 */
export async function typedColumnsBatch(
  columns: readonly TextColumn[],
  planned: readonly PlannedColumn[],
  rows: number,
  lines: Int32Array | undefined,
): Promise<TypedArrowTable | undefined> {
  const typed: TypedValues[] = [];
  for (const [index, plan] of planned.entries()) {
    const column = columns[index];
    if (!column) return undefined;
    const values = typedValues(column, plan, rows);
    if (!values) return undefined;
    typed.push(values);
  }
  const arrow = await import('apache-arrow');
  const { Field, Float64, Int32, DateDay, Decimal, RecordBatch, Schema, Struct } = arrow;
  const { Utf8, makeData } = arrow;
  const fields: Field[] = [];
  const children: Data[] = [];
  for (const [index, values] of typed.entries()) {
    const { column } = values;
    const name = (planned[index] as PlannedColumn).name;
    const nulls = { length: rows, nullCount: column.nulls, nullBitmap: column.valid };
    if (values.kind === 'text') {
      fields.push(new Field(name, new Utf8(), true));
      children.push(textData(makeData, Utf8, column, rows));
    } else if (values.kind === 'double') {
      fields.push(new Field(name, new Float64(), true));
      children.push(makeData({ type: new Float64(), ...nulls, data: values.values }));
    } else if (values.kind === 'day') {
      fields.push(new Field(name, new DateDay(), true));
      children.push(makeData({ type: new DateDay(), ...nulls, data: values.days }));
    } else {
      const { scale, precision } = values.exact;
      const words = decimalWords(values.values, scale);
      fields.push(new Field(name, new Decimal(scale, precision, 128), true));
      children.push(makeData({ type: new Decimal(scale, precision, 128), ...nulls, data: words }));
    }
  }
  if (lines) {
    fields.push(new Field(LINE_COLUMN, new Int32(), false));
    children.push(makeData({ type: new Int32(), length: rows, nullCount: 0, data: lines }));
  }
  const batch = new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }),
  );
  return {
    batch,
    columns: planned.map((plan, index) => described(plan, typed[index] as TypedValues)),
    asWritten: typed.map(
      (values) =>
        values.kind === 'text' ||
        values.kind === 'day' ||
        (values.kind === 'decimal' && values.asWritten),
    ),
  };
}

function described(plan: PlannedColumn, values: TypedValues): CsvColumn {
  const column: CsvColumn = { name: plan.name, kind: plan.kind, rejects: 0 };
  if (values.kind === 'double' || values.kind === 'decimal') column.unit = 'number';
  if (values.kind === 'decimal') column.exact = values.exact;
  return column;
}

function typedValues(
  column: TextColumn,
  plan: PlannedColumn,
  rows: number,
): TypedValues | undefined {
  if (plan.kind === 'text') return forcedText(column, rows) ? undefined : { kind: 'text', column };
  if (plan.kind === 'date') {
    const days = plainDays(column, rows);
    return days && { kind: 'day', days, column };
  }
  if (plan.kind !== 'number') return undefined;
  const read = plainNumbers(column, rows);
  if (!read) return undefined;
  const exact = exactDecimalOf(read.scale, read.largest, 'number');
  if (exact?.precision === 38) return undefined;
  if (!exact) return { kind: 'double', values: read.values, column };
  // `-0.00` is held as 0 and written `0.00`; `1.5` in a column of two digits, `1.50`.
  const asWritten = !read.negativeZero && read.fractionDigits === exact.scale;
  return { kind: 'decimal', values: read.values, exact, column, asWritten };
}

const filled = (column: TextColumn, row: number): boolean =>
  ((column.valid[row >> 3] as number) >> (row & 7)) & 1 ? true : false;

/** Whether a cell is Excel's `="…"`, which the typed table unwraps. */
function forcedText(column: TextColumn, rows: number): boolean {
  const bytes = column.bytes.result();
  const { offsets } = column;
  for (let row = 0; row < rows; row++) {
    const start = offsets[row] as number;
    const end = offsets[row + 1] as number;
    if (end - start >= 3 && bytes[start] === EQUALS && bytes[start + 1] === QUOTE) {
      if (bytes[end - 1] === QUOTE) return true;
    }
  }
  return false;
}

/**
 * Every filled cell read as `CAST(cell AS DOUBLE)` reads a plain number (-0 made 0), with the
 * digits after the point and the largest magnitude `decimalDigitsSql` finds; undefined when a
 * cell is not a plain number.
 */
function plainNumbers(column: TextColumn, rows: number): PlainNumbers | undefined {
  const bytes = column.bytes.result();
  const { offsets } = column;
  const read: PlainNumbers = {
    values: new Float64Array(rows),
    scale: 0,
    largest: 0,
    fractionDigits: undefined,
    negativeZero: false,
  };
  for (let row = 0; row < rows; row++) {
    if (!filled(column, row)) continue;
    const start = offsets[row] as number;
    const end = offsets[row + 1] as number;
    const value = plainNumber(bytes, start, end);
    if (value === undefined) return undefined;
    read.values[row] = value;
    if (Math.abs(value) > read.largest) read.largest = Math.abs(value);
    if (read.scale <= MAX_SCALE && roundedAt(value, read.scale) !== value) {
      read.scale = Math.max(read.scale, digitsAfterPoint(value));
    }
    if (value === 0 && bytes[start] === MINUS) read.negativeZero = true;
    let point = end - 1;
    while (point > start && bytes[point] !== DOT) point--;
    const digits = bytes[point] === DOT ? end - point - 1 : 0;
    if (read.fractionDigits === undefined) read.fractionDigits = digits;
    else if (read.fractionDigits !== digits) read.fractionDigits = -1;
  }
  return read;
}

interface PlainNumbers {
  values: Float64Array;
  /** The digits after the point `decimalDigitsSql` finds, and the largest magnitude. */
  scale: number;
  largest: number;
  /** The digits after the point as written, when every cell has as many; -1 when they differ. */
  fractionDigits: number | undefined;
  /** Whether a cell is written `-0` (or `-0.00`): held as 0, it is written without its sign. */
  negativeZero: boolean;
}

/** The first scale at which `round(value, scale)` is the value, `MAX_SCALE + 1` past them all. */
function digitsAfterPoint(value: number): number {
  for (let scale = 0; scale <= MAX_SCALE; scale++)
    if (roundedAt(value, scale) === value) return scale;
  return MAX_SCALE + 1;
}

/** DuckDB's `round(DOUBLE, scale)`: halves away from zero. */
function roundedAt(value: number, scale: number): number {
  const modifier = 10 ** scale;
  const shifted = value * modifier;
  const whole = shifted < 0 ? -Math.round(-shifted) : Math.round(shifted);
  const rounded = whole / modifier;
  return Number.isFinite(rounded) ? rounded : value;
}

/** `-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?` read as the nearest double (0 for -0); else undefined. */
function plainNumber(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  if (i >= end || !isDigit(bytes[i])) return undefined;
  let whole = 0;
  let digits = 0;
  if (bytes[i] === ZERO) {
    i++;
  } else {
    while (i < end && isDigit(bytes[i])) {
      whole = whole * 10 + ((bytes[i] as number) - ZERO);
      digits++;
      i++;
    }
  }
  let fraction = 0;
  if (i < end) {
    if (bytes[i] !== DOT || i + 1 >= end) return undefined;
    i++;
    while (i < end && isDigit(bytes[i])) {
      whole = whole * 10 + ((bytes[i] as number) - ZERO);
      digits++;
      fraction++;
      i++;
    }
    if (i !== end) return undefined;
  }
  // Up to 15 digits the whole is exact and one division rounds once, as the cast does.
  const value =
    digits <= 15 && fraction <= 22
      ? whole / 10 ** fraction
      : Number(new TextDecoder().decode(bytes.subarray(negative ? start + 1 : start, end)));
  return value === 0 ? 0 : negative ? -value : value;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= ZERO && byte <= NINE;
}

/** Every filled cell an ISO day in the calendar (years 1 to 9999), as days since 1970; else undefined. */
function plainDays(column: TextColumn, rows: number): Int32Array | undefined {
  const bytes = column.bytes.result();
  const { offsets } = column;
  const days = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    if (!filled(column, row)) continue;
    const start = offsets[row] as number;
    if ((offsets[row + 1] as number) - start !== 10) return undefined;
    const year = digitsAt(bytes, start, 4);
    const month = digitsAt(bytes, start + 5, 2);
    const day = digitsAt(bytes, start + 8, 2);
    if (bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS) return undefined;
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthDays(year, month)) {
      return undefined;
    }
    days[row] = daysSinceEpoch(year, month, day);
  }
  return days;
}

/** The number written in `count` digits at `start`; -1 when one is not a digit. */
function digitsAt(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const byte = bytes[start + k];
    if (!isDigit(byte)) return -1;
    value = value * 10 + (byte as number) - ZERO;
  }
  return value;
}

function monthDays(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar. */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Doubles as DECIMAL(·, `scale`) words: each the whole number of 10^-scale, 128 bits. */
function decimalWords(values: Float64Array, scale: number): Uint32Array {
  const words = new BigInt64Array(values.length * 2);
  const step = 10 ** scale;
  for (let row = 0; row < values.length; row++) {
    const units = Math.round((values[row] as number) * step);
    if (units === 0) continue;
    words[row * 2] = BigInt(units);
    words[row * 2 + 1] = units < 0 ? -1n : 0n;
  }
  return new Uint32Array(words.buffer);
}
