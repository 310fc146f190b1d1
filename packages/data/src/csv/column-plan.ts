import { parseCell } from '@stratex/core';
import type { Table } from 'apache-arrow';
import type { QueryParam } from '../connector';
import type { ColumnKind } from './report';
import { guessColumn } from './column-kinds';
import { firstRowsSql, sampledRowsSql } from './duckdb/text-table-sql';
import { distinctCellsSql } from './duckdb/typed-table-sql';
import type { PlannedColumn } from './planned-column';
import { drawnRows } from './row-draw';

type Query = (sql: string, params?: readonly QueryParam[]) => Promise<Table>;

/** Cells read to guess the kinds: enough to be sure, few enough for a very wide file. */
const SAMPLE_CELLS = 200_000;
const MAX_SAMPLE_ROWS = 5_000;
/** A period column has few distinct values; past this many it is read as text. */
export const MAX_PERIODS = 1_000;

/**
 * Rows the kinds are guessed from, for a table of `width` columns: the first `head` rows,
 * and as many again drawn at random from the rest. A table of fewer than `head` rows is
 * read whole, so its kinds follow from its cells alone (the JS reading of small files
 * relies on it).
 */
export function sampleRows(width: number): { rows: number; head: number } {
  const rows = Math.max(50, Math.min(MAX_SAMPLE_ROWS, Math.floor(SAMPLE_CELLS / width)));
  return { rows, head: Math.ceil(rows / 2) };
}

/** The text table's rows as the loader already holds them, so the database is not asked. */
export interface KnownRows {
  rowCount: number;
  /** The cells of `rows` (ascending), column by column; undefined when they cannot be told. */
  cells(rows: readonly number[]): readonly (readonly (string | null)[])[] | undefined;
}

/**
 * Reads a sample of the text table (the first rows and a seeded random draw of the rest)
 * and decides each column's kind with `parseCell`; periods get their table of values. The
 * rows the loader holds (`known`) are drawn in JS, the same rows on every load of a file;
 * only a period column's distinct cells are then asked of the database.
 */
export async function planColumns(
  query: Query,
  rawTable: string,
  names: readonly string[],
  notes: string[],
  known?: KnownRows,
): Promise<PlannedColumn[]> {
  const { rows, head: headRows } = sampleRows(names.length);
  const distinct = async (_: number, name: string): Promise<(string | null)[]> =>
    columnCells(await query(distinctCellsSql(rawTable, name, MAX_PERIODS)), 0);
  if (known) {
    const headCount = Math.min(headRows, known.rowCount);
    const head = known.cells(Array.from({ length: headCount }, (_, row) => row));
    // A table shorter than the head is read whole already; a longer one adds a random draw.
    const draw =
      headCount < headRows ? [] : known.cells(drawnRows(known.rowCount, Math.floor(rows / 2)));
    if (head && draw) {
      const sampled = (index: number): (string | null)[] => [
        ...(head[index] ?? []),
        ...(draw[index] ?? []),
      ];
      return decideColumns(names, sampled, distinct, notes);
    }
  }
  const head = await query(firstRowsSql(rawTable, names, headRows));
  const draw =
    head.numRows < headRows
      ? undefined
      : await query(sampledRowsSql(rawTable, names, Math.floor(rows / 2)));
  return decideColumns(
    names,
    (index) => [...columnCells(head, index), ...(draw ? columnCells(draw, index) : [])],
    distinct,
    notes,
  );
}

/**
 * Each column's kind from its sampled cells (`sampled`), by `guessColumn`; a period column
 * also gets its table of values from its distinct filled cells (`distinct`: at most one more
 * than `MAX_PERIODS`), or stays text when it has more than that.
 */
export function decideColumns(
  names: readonly string[],
  sampled: (index: number) => readonly (string | null)[],
  distinct: DistinctCells,
  notes: string[],
): Promise<PlannedColumn[]> {
  return plannedColumns(names, (index) => guessColumn(sampled(index)), distinct, notes);
}

type DistinctCells = (
  index: number,
  name: string,
) => Promise<readonly (string | null)[]> | readonly (string | null)[];

/** `decideColumns` for kinds already decided (`kindOf`). */
export async function plannedColumns(
  names: readonly string[],
  kindOf: (index: number) => ColumnKind,
  distinct: DistinctCells,
  notes: string[],
): Promise<PlannedColumn[]> {
  const planned: PlannedColumn[] = [];
  for (const [index, name] of names.entries()) {
    const kind = kindOf(index);
    if (kind !== 'period') {
      planned.push({ name, kind });
      continue;
    }
    const cells = await distinct(index, name);
    if (cells.length > MAX_PERIODS) {
      notes.push(`${name} looks like periods but has too many different values; it stays text.`);
      planned.push({ name, kind: 'text' });
      continue;
    }
    const periods = new Map<string, string>();
    for (const raw of cells) {
      const cell = raw === null ? null : parseCell(raw);
      if (raw !== null && cell?.kind === 'period') periods.set(raw, cell.value);
    }
    planned.push({ name, kind, periods });
  }
  return planned;
}

function columnCells(table: Table, index: number): (string | null)[] {
  const column = table.getChildAt(index);
  if (!column) return [];
  const cells: (string | null)[] = [];
  for (let row = 0; row < column.length; row++) {
    const value: unknown = column.get(row);
    cells.push(value === null || value === undefined ? null : String(value));
  }
  return cells;
}
