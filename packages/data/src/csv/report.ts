import type { Unit } from '@stratex/core';
import type { ExactDecimal } from './exact-decimals';

/** What a column holds, read from its non-empty cells. */
export type ColumnKind = 'number' | 'date' | 'period' | 'text';

/** A column of a loaded CSV, as both of its tables hold it. */
export interface CsvColumn {
  /** Header as written (made unique: `目标值`, `目标值_2`; a blank header becomes `column_3`). */
  name: string;
  kind: ColumnKind;
  /** Number columns: the unit their cells state; `mixed` when rows differ (see `unitColumn`). */
  unit?: Unit | 'mixed';
  /** Mixed-unit number columns: the typed table's column holding each row's unit. */
  unitColumn?: string;
  /** Number columns held as exact decimals (money, figures to the fen): their DECIMAL type. */
  exact?: ExactDecimal;
  /** Cells that do not read as this kind: NULL in the typed table, listed in the rejects. */
  rejects: number;
}

/** One thing the loader could not take as it is. */
export interface CsvReject {
  /** Line in the file (1 = first line) where the row starts. */
  line: number;
  /** The column, for a cell; null when the whole row was left out. */
  column: string | null;
  /** The cell, or the start of the row, as written. */
  value: string;
  /** Why, in plain words. */
  reason: string;
}

export interface CsvRejects {
  /** Rows left out of both tables (wrong number of values, a quote never closed). */
  rows: number;
  /** Cells in number, date or period columns that are not one: NULL in the typed table. */
  cells: number;
  /** `rows + cells`. */
  count: number;
  /** The first rejects in file order. */
  first: CsvReject[];
}

/** Rows that hold no data and were passed over, counted. */
export interface SkippedRows {
  /** Empty lines and rows of bare separators (what merged cells leave behind). */
  blank: number;
  /** Title and note lines above the header. */
  aboveHeader: number;
  /** Copies of the header further down (files pasted together). */
  repeatedHeader: number;
  /** First few of their line numbers. */
  lines: number[];
}

/** What loading a CSV found out about it, beyond its rows. */
export interface CsvReport {
  /** The table with numbers, dates and periods read (units and notes stripped). */
  typedTable: string;
  /**
   * The typed table's hidden column holding each row's line in the file (1 = first line),
   * when it has one; never among `columns` or `columnTypes`.
   */
  lineColumn?: string;
  columnTypes: CsvColumn[];
  /** Line of the header row; null when the file has none (columns are then `column_1`, …). */
  headerRow: number | null;
  delimiter: string;
  skippedRows: SkippedRows;
  rejects: CsvRejects;
  /** Repairs made on the way (NUL bytes removed, stray byte-order marks, damaged text). */
  notes: string[];
}

/** How many rejects and skipped lines a load keeps by name; the rest are counted only. */
export const FIRST_REJECTS = 100;

/**
 * What `sx-data-load` says of a CSV load, so that every line of the file is accounted for:
 * the header line, the rows in the table, and the lines left out, each counted by reason.
 */
export interface LoadReportDetail {
  /** Rows in the table. */
  rows: number;
  /** Rows left out (wrong number of values, a quote never closed), and cells in number or date columns that did not read. */
  rejected: { rows: number; cells: number };
  /** Lines passed over: titles and notes above the header, copies of the header, blank lines. */
  skipped: { titleRows: number; repeatedHeaders: number; blankRows: number };
  /** Line of the header row; null when the file has none (columns are then `column_1`, …). */
  headerLine: number | null;
  delimiter: string;
  encoding: string;
  /** What was repaired, decided or cut on the way, in plain words. */
  notes: string[];
}

/** The load report of a CSV load, for `sx-data-load`; undefined for a load that is not a CSV's. */
export function loadReportDetail(
  loaded: Partial<CsvReport> & { rowCount: number; encoding: string },
): LoadReportDetail | undefined {
  const { skippedRows, rejects, delimiter } = loaded;
  if (delimiter === undefined || !skippedRows || !rejects) return undefined;
  return {
    rows: loaded.rowCount,
    rejected: { rows: rejects.rows, cells: rejects.cells },
    skipped: {
      titleRows: skippedRows.aboveHeader,
      repeatedHeaders: skippedRows.repeatedHeader,
      blankRows: skippedRows.blank,
    },
    headerLine: loaded.headerRow ?? null,
    delimiter,
    encoding: loaded.encoding,
    notes: [...(loaded.notes ?? [])],
  };
}
