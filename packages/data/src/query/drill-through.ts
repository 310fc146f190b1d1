import type { Cell } from '@stratex/core';
import type { CsvReject } from '../csv/report';
import type { RecordRow } from '../loaded-table';
import {
  type AggregateRequest,
  DataError,
  type DataResult,
  type DimensionFilter,
  type Measure,
} from './contract';
import { renderMatchingCount, renderStoredPage } from './drill-sql';
import type { SourceVersion } from './source-versions';
import { POSITION, renderTwinRows, storedCells, type TwinColumn, twinCells } from './typed-rows';

/**
 * The rows behind one figure: those of `source` that match `filter` (the drill path and the
 * page's cross-filters, as a widget sends them), a page at a time, with the sums of the
 * figure's `measures` over every one of them, asked the way the figure itself was.
 */
export interface DrillRequest {
  source: string;
  filter?: DimensionFilter;
  /** The figure's measures (sums), as the widget asks for them. */
  measures?: readonly Measure[];
  /** The columns shown (default: every column of the source). */
  columns?: readonly string[];
  /** Matching rows passed over before the page (default 0). */
  offset?: number;
  /** Rows in the page (default 50, at most 1,000). */
  limit?: number;
}

/**
 * Where a row is in its file: a CSV's `line` (1 = the file's first line, title rows and
 * quoted line breaks counted), a Parquet or Arrow file's `row` (1 = its first row), or `none`
 * for a table on a server of its own, whose rows have no order to point at.
 */
export type RowPosition = 'line' | 'row' | 'none';

export interface DrillRow {
  /** The row's line or row number (see `RowPosition`); null with `none`. */
  position: number | null;
  /** Per column, in `columns` order: the value as read (core's cell). */
  cells: Cell[];
  /** Per column, for a CSV: the cell as written in the file (decoded, quotes taken off). */
  written?: (string | null)[];
}

export interface DrillAnswer {
  source: string;
  file: string;
  encoding: string;
  position: RowPosition;
  columns: string[];
  offset: number;
  rows: DrillRow[];
  /** Every matching row, not just the page. */
  count: number;
  /** Per measure (its `as`, else its column): the sum over every matching row, as the figure has it. */
  totals: Record<string, number | null>;
  /** Matching rows whose measure cells did not read as numbers: outside the totals, as in the figure. */
  unreadRows: number;
  /** False when only the first page can be had (a server's table, which keeps no row order). */
  pageable: boolean;
  /** Rows the load left out of the whole file, with line and reason (a CSV's; the first few). */
  leftOut: { count: number; first: CsvReject[] };
}

const PAGE = 50;
const MOST = 1_000;

/** Answers a drill-through over one source version; `ask` answers the totals' request. */
export async function drillThrough(
  version: SourceVersion,
  request: DrillRequest,
  ask: (request: AggregateRequest) => Promise<DataResult>,
): Promise<DrillAnswer> {
  const { loaded, route } = version;
  const columns = [...(request.columns ?? loaded.columns)];
  const filter = request.filter ?? {};
  const missing = [...columns, ...Object.keys(filter)].filter(
    (column) => !loaded.columns.includes(column),
  );
  if (missing.length > 0) {
    throw new DataError(
      'unknown-column',
      `The source "${request.source}" has no column ${missing.map((name) => `"${name}"`).join(', ')}.`,
    );
  }
  const offset = Math.max(0, Math.trunc(request.offset ?? 0));
  const limit = Math.min(MOST, Math.max(1, Math.trunc(request.limit ?? PAGE)));
  const measures = request.measures ?? [];
  const totals = measures.length > 0 ? ask(totalsRequest(request.source, measures, filter)) : null;
  const twin = loaded.columnTypes && loaded.typedTable && route.dialect.alignRows;
  const position: RowPosition = twin
    ? loaded.lineColumn
      ? 'line'
      : 'none'
    : route.dialect.rowNumber
      ? 'row'
      : 'none';
  const page = { filter, offset: route.dialect.rowNumber ? offset : 0, limit };
  let rows: DrillRow[];
  let count: number;
  const csvColumns = columns.map(
    (name): TwinColumn =>
      loaded.columnTypes?.find((column) => column.name === name) ?? { name, kind: 'text' },
  );
  const fromJs = version.js?.page(csvColumns, filter, page.offset, limit);
  if (fromJs) {
    count = fromJs.count;
    rows = fromJs.rows.map(({ line, cells }) => csvRow(line, cells, columns));
  } else {
    const counted = route.run(renderMatchingCount(route.dialect, loaded.table, filter));
    if (twin && loaded.typedTable) {
      const sql = renderTwinRows(route.dialect, {
        table: loaded.table,
        typedTable: loaded.typedTable,
        columns: csvColumns,
        ...page,
        position: loaded.lineColumn,
      });
      const found = await route.run(sql);
      const cells = twinCells(found, csvColumns);
      rows = found.map((row, at) => csvRow(positionOf(row), cells[at] ?? {}, columns));
    } else {
      const catalogue = (await version.catalogue).columns;
      const found = await route.run(renderStoredPage(route.dialect, loaded.table, columns, page));
      const cells = storedCells(found, columns, catalogue);
      rows = found.map((row, at) => ({
        position: positionOf(row),
        cells: columns.map((name) => (cells[at]?.[name] ?? null) as Cell),
      }));
    }
    count = Number((await counted)[0]?.n ?? 0);
  }
  const summed = totals ? sumsOf(await totals, measures) : { totals: {}, unreadRows: 0 };
  return {
    source: request.source,
    file: loaded.file,
    encoding: loaded.encoding,
    position,
    columns,
    offset: page.offset,
    rows,
    count,
    ...summed,
    pageable: route.dialect.rowNumber !== undefined,
    leftOut: {
      count: loaded.rejects?.rows ?? 0,
      first: (loaded.rejects?.first ?? []).filter((reject) => reject.column === null),
    },
  };
}

function totalsRequest(
  source: string,
  measures: readonly Measure[],
  filter: DimensionFilter,
): AggregateRequest {
  return {
    kind: 'aggregate',
    source,
    groupBy: [],
    measures: measures.map((measure) => ({ ...measure, aggregate: 'sum' })),
    filter,
  };
}

/** The sums' row (the first), and the rows that came apart because a measure cell did not read. */
function sumsOf(
  answer: DataResult,
  measures: readonly Measure[],
): { totals: Record<string, number | null>; unreadRows: number } {
  const [sums, ...unread] = answer.rows;
  const totals: Record<string, number | null> = {};
  for (const measure of measures) {
    const name = measure.as ?? measure.column;
    const value = sums?.[name];
    totals[name] = value === null || value === undefined ? null : Number(value);
  }
  return { totals, unreadRows: unread.length };
}

function csvRow(position: number | null, cells: RecordRow, columns: readonly string[]): DrillRow {
  const read = columns.map((name) => (cells[name] ?? null) as Cell);
  return { position, cells: read, written: read.map(writtenText) };
}

/** A CSV cell as the file has it: its text, or the text a value was read from. */
function writtenText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  return 'raw' in cell && typeof cell.raw === 'string' ? cell.raw : null;
}

function positionOf(row: RecordRow): number | null {
  const value = row[POSITION];
  return value === null || value === undefined ? null : Number(value);
}
