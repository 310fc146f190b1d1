import { normaliseText, parseCell } from '@stratex/core';
import { uniqueColumnNames } from '../header-names';
import { numberCell, rejectReason, typedValue } from './column-kinds';
import { MAX_PERIODS, plannedColumns } from './column-plan';
import {
  type CsvLoadRequest,
  type CsvLoadResult,
  csvReport,
  prepareCsv,
  repairNotes,
  scanPrepared,
} from './prepare';
import { fieldText, readRecord } from './record';
import { type CsvColumn, type CsvReject, FIRST_REJECTS } from './report';
import { columnUnit, type PlannedColumn } from './planned-column';
import { exactDecimalFor } from './exact-decimals';
import { LINE_COLUMN } from './line-numbers';
import type { ColumnKind } from './report';
import { plannedKind } from './sample-proof';

/** A cell as the text table holds it (null for an empty one), or as the typed table does. */
export type TextCell = string | null;
export type TypedCell = number | string | null;

/**
 * A CSV read wholly in JS: the load report the engine would give, and both of its tables
 * (cells as written, and as typed), column by column.
 */
export interface MemoryCsv {
  report: CsvLoadResult;
  /** The text table's columns, in `report.columns` order. */
  text: TextCell[][];
  /** The typed table's columns, in `report.columnTypes` order (numbers, ISO days, periods, text). */
  typed: TypedCell[][];
  /** Each row's line in the file (`report.lineColumn` holds the same in the database). */
  lines: Int32Array;
}

/** Largest CSV (as decoded text) read in JS rather than by the engine. */
export const MEMORY_CSV_BYTES = 1_048_576;

/** `-1234.5`, no leading zero: what the loader casts directly (`plainNumberSql`). */
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/** `2024-06-01` (`plainDateSql`). */
const PLAIN_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Not a space: a cell with one of these is filled (`filledSql`). */
const FILLED = /\S/;

/**
 * Reads a small CSV in JS exactly as `loadCsv` reads it into the engine: the same text pass,
 * the same kinds (a table shorter than the planning head is planned from all its cells, as
 * the engine plans it; a longer one only when the engine's random draw cannot change them),
 * the same typed values, units, rejects and report. Returns undefined for a file it leaves to
 * the engine: over `maxBytes`, with a column whose kind depends on the engine's draw, or with
 * a rejected number cell whose unit only the engine's SQL can tell. Load errors are the
 * engine path's own.
 */
export async function readCsvInMemory(
  given: Uint8Array,
  request: CsvLoadRequest,
  maxBytes = MEMORY_CSV_BYTES,
): Promise<MemoryCsv | undefined> {
  if (given.byteLength > maxBytes) return undefined;
  const prepared = await prepareCsv(given, request);
  if (prepared.text.bytes.byteLength > maxBytes) return undefined;
  const { names } = prepared.rows;
  const scanned = scanPrepared(prepared, request.file);
  const text = readColumns(scanned.text, scanned.rows, names.length, prepared.layout.delimiter);
  if (!text) return undefined;
  const kinds: ColumnKind[] = [];
  for (const cells of text) {
    const kind = plannedKind(cells, names.length);
    if (!kind) return undefined;
    kinds.push(kind);
  }
  request.onProgress?.({
    phase: 'load',
    bytesRead: prepared.input.byteLength,
    totalBytes: prepared.input.byteLength,
  });
  const notes = repairNotes(prepared, scanned);
  const guessed = await plannedColumns(
    names,
    (index) => kinds[index] ?? 'text',
    (index) => distinctCells(text[index] ?? []),
    notes,
  );
  const typed = typeColumns(guessed, text, scanned.lines);
  if (!typed) return undefined;
  const report = csvReport(
    prepared,
    scanned,
    { typedTable: `${request.table}_typed`, ...typed },
    notes,
  );
  const numbered = scanned.rows > 0 ? { ...report, lineColumn: LINE_COLUMN } : report;
  return { report: numbered, text, typed: typed.values, lines: scanned.lines };
}

/**
 * The first `rows` rows as DuckDB would read them, column by column: an empty field (quoted
 * or not) is NULL. Undefined when a row is not of `width` fields or a quote never closes.
 */
export function readColumns(
  bytes: Uint8Array,
  rows: number,
  width: number,
  delimiter: number,
): TextCell[][] | undefined {
  const columns: TextCell[][] = Array.from({ length: width }, () => new Array<TextCell>(rows));
  let offset = 0;
  for (let row = 0; row < rows; row++) {
    const record = readRecord(bytes, offset, delimiter);
    if (record.fields.length !== width || record.unterminated) return undefined;
    record.fields.forEach((field, index) => {
      columns[index]![row] = field.length === 0 ? null : fieldText(field);
    });
    offset = record.end;
  }
  return columns;
}

function distinctCells(cells: readonly TextCell[]): TextCell[] {
  const seen = new Set<string>();
  for (const cell of cells) {
    if (cell === null) continue;
    seen.add(cell);
    if (seen.size > MAX_PERIODS) break;
  }
  return [...seen];
}

/**
 * The typed columns and what `checkTypedTable` finds of them: kinds, units, rejects, the
 * first rejected cells. Undefined when a unit cannot be told without the engine.
 */
function typeColumns(
  guessed: readonly PlannedColumn[],
  text: readonly TextCell[][],
  lines: Int32Array,
): { columns: CsvColumn[]; firstRejects: CsvReject[]; values: TypedCell[][] } | undefined {
  const taken = guessed.map((column) => column.name);
  const columns: CsvColumn[] = [];
  const values: TypedCell[][] = [];
  const rejected: { row: number; index: number }[] = [];
  for (const [index, column] of guessed.entries()) {
    const cells = text[index] ?? [];
    const plain = column.kind === 'number' ? PLAIN_NUMBER : PLAIN_DATE;
    const plainOnly =
      (column.kind === 'number' || column.kind === 'date') &&
      cells.every((cell) => cell === null || plain.test(cell));
    const typed = typedCells(cells, column);
    let rejects = 0;
    if (column.kind !== 'text') {
      typed.forEach((value, row) => {
        const cell = cells[row] ?? null;
        if (value !== null || cell === null || !FILLED.test(cell)) return;
        rejects++;
        rejected.push({ row, index });
      });
    }
    const described: CsvColumn = { name: column.name, kind: column.kind, rejects };
    if (column.kind === 'number') {
      const units = plainOnly ? ['number'] : statedUnits(new Set(cells));
      if (!units) return undefined;
      described.unit = plainOnly ? 'number' : columnUnit(units);
      if (described.unit === 'mixed') {
        const [unitName] = uniqueColumnNames([`${column.name}_unit`], taken) as [string];
        taken.push(unitName);
        described.unitColumn = unitName;
      }
      const exact = exactDecimalFor(typed as (number | null)[], described.unit);
      if (exact) described.exact = exact;
    }
    columns.push(described);
    values.push(typed);
  }
  rejected.sort((a, b) => a.row - b.row || a.index - b.index);
  const firstRejects = rejected.slice(0, FIRST_REJECTS).map(({ row, index }) => {
    const column = columns[index]!;
    const value = text[index]?.[row] ?? '';
    return {
      line: lines[row] ?? 0,
      column: column.name,
      value,
      reason: rejectReason(value, column.kind),
    };
  });
  return { columns, firstRejects, values };
}

/** The column's cells as typed, each different cell read once. */
function typedCells(cells: readonly TextCell[], column: PlannedColumn): TypedCell[] {
  const read = new Map<string, TypedCell>();
  return cells.map((cell) => {
    if (cell === null) return null;
    let value = read.get(cell);
    if (value === undefined) {
      value = typedCell(cell, column);
      read.set(cell, value);
    }
    return value;
  });
}

function typedCell(cell: TextCell, column: PlannedColumn): TypedCell {
  if (cell === null) return null;
  if (column.kind === 'period') return column.periods?.get(cell) ?? null;
  if (column.kind === 'number' && PLAIN_NUMBER.test(cell)) {
    const value = Number(cell);
    return value === 0 ? 0 : value;
  }
  return typedValue(cell, column.kind);
}

/**
 * The distinct units a number column's cells state, as the typed table's unit column holds
 * them (`number~` for plain digits, `money~` for a bare 万 amount; an empty cell states none),
 * read through `parseCell`: a unit that a cell leaves to its column changes when the cell is
 * read as a count. Undefined when a rejected cell holds digits: the engine's SQL may still
 * find a unit in it (a code such as `0123`), and only it can say which.
 */
function statedUnits(cells: Iterable<TextCell>): string[] | undefined {
  const units = new Set<string>();
  for (const cell of cells) {
    // A blank cell states no unit: it does not make a percent or money column mixed.
    if (cell === null) continue;
    const number = numberCell(cell);
    if (!number) {
      if (/[0-9]/.test(normaliseText(cell))) return undefined;
      continue;
    }
    const read = parseCell(cell);
    if (read.kind !== 'number') {
      // A bare year among numbers.
      units.add('number~');
      continue;
    }
    const asCount = parseCell(cell, 'count');
    const lent = asCount.kind === 'number' && asCount.unit !== read.unit;
    units.add(lent ? `${read.unit}~` : read.unit);
  }
  return [...units];
}
