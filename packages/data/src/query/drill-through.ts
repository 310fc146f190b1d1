import type { Cell } from '@stratex/core';
import type { CsvReject } from '../csv/report';
import type { LoadedTable, RecordRow } from '../loaded-table';
import {
  type AggregateRequest,
  DataError,
  type DataResult,
  type DimensionFilter,
  type Measure,
} from './contract';
import { checkDated, datedFigures, datedJsPage } from './drill-days';
import { sparseRows } from './drill-sparse';
import {
  type DrillFigures,
  type DrillSums,
  groupCount,
  groupCountRequest,
  type KeptFigure,
  keptFigure,
  sumsOf,
  totalsRequest,
} from './drill-figures';
import {
  alignedOn,
  type DrillDays,
  renderMatchingCount,
  renderPageIds,
  renderStoredPage,
  ROW_ID,
} from './drill-sql';
import type { Route, SourceVersion } from './source-versions';
import { POSITION, renderTwinRows, storedCells, type TwinColumn, twinCells } from './typed-rows';

export type { DrillDays } from './drill-sql';

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
  /** Only the rows dated within these days: an alert's, up to its as-of date. */
  days?: DrillDays;
  /** What an earlier page of the same rows gave: the count and totals are not taken again. */
  known?: DrillFigures;
}

export type { DrillFigures } from './drill-figures';

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

/**
 * Answers a drill-through over one source version; `ask` answers the totals' request. The
 * page is read alone (the scan stops once it is full); the count and totals come from what
 * an earlier page gave, else the totals from the figure's own answer when one is kept.
 */
export async function drillThrough(
  version: SourceVersion,
  request: DrillRequest,
  ask: (request: AggregateRequest) => Promise<DataResult>,
): Promise<DrillAnswer> {
  const { loaded, route } = version;
  const columns = [...(request.columns ?? loaded.columns)];
  const filter = request.filter ?? {};
  const { days } = request;
  const missing = [...columns, ...Object.keys(filter), ...(days ? [days.column] : [])].filter(
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
  const twin = loaded.columnTypes && loaded.typedTable && route.dialect.alignRows;
  const position: RowPosition = twin
    ? loaded.lineColumn
      ? 'line'
      : 'none'
    : route.dialect.rowNumber
      ? 'row'
      : 'none';
  const page = { filter, days, offset: route.dialect.rowNumber ? offset : 0, limit };
  const kinds = columns.map(
    (name): TwinColumn =>
      loaded.columnTypes?.find((column) => column.name === name) ?? { name, kind: 'text' },
  );
  const twinOf = (name: string): TwinColumn =>
    loaded.columnTypes?.find((column) => column.name === name) ?? { name, kind: 'text' };
  let rows: DrillRow[];
  let figures: Promise<DrillFigures>;
  const fromJs = pageInJs(version, page, kinds, measures, twinOf);
  if (fromJs) {
    rows = fromJs.rows.map(({ line, cells }) => csvRow(line, cells, columns));
    const { count } = fromJs;
    figures = Promise.resolve(
      request.known ??
        (fromJs.sums
          ? { count, ...fromJs.sums }
          : figuresOf(measures, sumsAsked(), () => Promise.resolve(count))),
    );
  } else {
    if (days) await checkDated(version, days, Boolean(twin));
    const typedTable = twin ? loaded.typedTable : undefined;
    // A figure no answer holds, over few rows: one scan finds them, to count and sum them alone.
    const few =
      typedTable && !request.known && !days && !kept() && (await summedInTwin(version, measures))
        ? await sparseRows(route, { ...loaded, typedTable }, filter, measures)
        : undefined;
    figures = request.known
      ? Promise.resolve(request.known)
      : days
        ? datedFigures(version, measures, { filter, days }, Boolean(twin))
        : few
          ? Promise.resolve(few.figures)
          : figuresOf(measures, sumsAsked(), () => countOnce(version, filter, counted));
    if (twin && loaded.typedTable) {
      const { count } = await figures;
      const found = await twinPage(route, loaded, kinds, page, count, few?.ids);
      const cells = twinCells(found, kinds);
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
  }
  function kept(): KeptFigure | undefined {
    return keptFigure(version.answers, request.source, filter, measures);
  }
  /**
   * The count from a pre-aggregate that holds the filter's dimensions (the sums may just have
   * built one), else from the rows per group of the figure's own answer: asked once, grouped
   * as the figure was, it counts every other figure of that answer too; else from the rows.
   */
  async function counted(): Promise<number> {
    const fromCube = await version.preAggregates.rowsMatching(filter);
    if (fromCube !== undefined) return fromCube;
    const figure = kept();
    const counting = figure && groupCountRequest(figure, filter);
    if (!counting) return matchingCount(version, filter);
    return groupCount(await ask(counting), counting, filter);
  }
  /** The figure's own sums, else the sums asked as it would ask them. */
  function sumsAsked(): () => Promise<DrillSums> {
    return async () =>
      measures.length === 0
        ? { totals: {}, unreadRows: 0 }
        : (kept()?.sums ??
          sumsOf(await ask(totalsRequest(request.source, measures, filter)), measures));
  }
  const { count, totals, unreadRows } = await figures;
  return {
    source: request.source,
    file: loaded.file,
    encoding: loaded.encoding,
    position,
    columns,
    offset: page.offset,
    rows,
    count,
    totals,
    unreadRows,
    pageable: route.dialect.rowNumber !== undefined,
    leftOut: {
      count: loaded.rejects?.rows ?? 0,
      first: (loaded.rejects?.first ?? []).filter((reject) => reject.column === null),
    },
  };
}

/** Rows the two tables are read side by side for at most, to fill a page: past that, ids first. */
const SIDE_BY_SIDE = 20_000;

/**
 * A page of a CSV's rows from its text table and typed twin side by side. Where the matching
 * rows are dense enough (`count` of the source's rows) the tables are read side by side until
 * the page is full; else, and within days, the page's rows are first found by their ids (the
 * text table alone, with the days read in the twin), and only those rows are then read;
 * `matching`, the ids of every matching row when they were found already, gives the page's.
 */
async function twinPage(
  route: Route,
  loaded: LoadedTable,
  kinds: readonly TwinColumn[],
  page: { filter: DimensionFilter; days: DrillDays | undefined; offset: number; limit: number },
  count: number,
  matching?: readonly number[],
): Promise<RecordRow[]> {
  const typedTable = loaded.typedTable!;
  const plan = {
    table: loaded.table,
    typedTable,
    columns: kinds,
    position: loaded.lineColumn,
  };
  const { days, ...rest } = page;
  const read = ((page.offset + page.limit) * loaded.rowCount) / Math.max(1, count);
  if (!matching && !days && read <= SIDE_BY_SIDE)
    return route.run(renderTwinRows(route.dialect, { ...plan, ...rest }));
  const tables = { text: loaded.table, typed: typedTable };
  const ids =
    matching?.slice(page.offset, page.offset + page.limit) ??
    (await route.run(renderPageIds(route.dialect, tables, page))).map((row) => Number(row[ROW_ID]));
  if (ids.length === 0) return [];
  const aligned = alignedOn(route.dialect, ids);
  return route.run(renderTwinRows(aligned, { ...plan, filter: {}, limit: ids.length }));
}

/** The page from a source read in JS, with the days' sums when it is dated; undefined when the engine must read it. */
function pageInJs(
  version: SourceVersion,
  page: { filter: DimensionFilter; days: DrillDays | undefined; offset: number; limit: number },
  columns: readonly TwinColumn[],
  measures: readonly Measure[],
  twinOf: (name: string) => TwinColumn,
): ReturnType<typeof datedJsPage> {
  const js = version.js;
  if (!js) return undefined;
  if (page.days) return datedJsPage(js, { ...page, days: page.days }, columns, measures, twinOf);
  return js.page(columns, page.filter, page.offset, page.limit);
}

/** True when every measure's cells all read as numbers in the source's typed twin. */
async function summedInTwin(
  version: SourceVersion,
  measures: readonly Measure[],
): Promise<boolean> {
  const typed = (await version.catalogue).typedColumns;
  return measures.every((measure) => {
    const column = typed?.find((candidate) => candidate.name === measure.column);
    return measure.aggregate === 'sum' && column?.type === 'number' && column.rejects === 0;
  });
}

/** The sums, then the count: a pre-aggregate the sums build counts the rows too. */
async function figuresOf(
  measures: readonly Measure[],
  sums: () => Promise<DrillSums>,
  count: () => Promise<number>,
): Promise<DrillFigures> {
  const summed = measures.length > 0 ? await sums() : { totals: {}, unreadRows: 0 };
  return { count: await count(), ...summed };
}

/** Counts of matching rows per source version and filter: a figure opened again is not counted again. */
const counts = new WeakMap<SourceVersion, Map<string, Promise<number>>>();

/** How many rows of the source match `filter`, as `count` finds, once per source version. */
function countOnce(
  version: SourceVersion,
  filter: DimensionFilter,
  count: () => Promise<number>,
): Promise<number> {
  let known = counts.get(version);
  if (!known) counts.set(version, (known = new Map()));
  const key = JSON.stringify(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)));
  let counting = known.get(key);
  if (!counting) {
    counting = count();
    counting.catch(() => known.delete(key));
    known.set(key, counting);
  }
  return counting;
}

/** How many rows of the source's table match `filter`, counted over every row. */
async function matchingCount(version: SourceVersion, filter: DimensionFilter): Promise<number> {
  const { route, loaded } = version;
  const rows = await route.run(renderMatchingCount(route.dialect, loaded.table, { filter }));
  return Number(rows[0]?.n ?? 0);
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
