import type { Cell } from '@stratex/core';
import type { RecordRow } from '../loaded-table';
import { DataError, type DimensionFilter, type Measure } from './contract';
import type { DrillFigures, DrillSums } from './drill-figures';
import { type DrillDays, renderStoredSums, renderTwinSums } from './drill-sql';
import type { SourceVersion } from './source-versions';
import type { JsTable } from './js-table';
import type { TwinColumn } from './typed-rows';

/** A page of a source read in JS, with the count of every matching row and, when dated, their sums. */
export interface JsPage {
  count: number;
  rows: { line: number; cells: RecordRow }[];
  sums?: DrillSums;
}

/**
 * The page of the rows of a source read in JS that match `filter` and are dated within `days`
 * (rows whose date cell did not read as a date are not), with the sums of `measures` over all
 * of them, as core reads their cells; undefined when the engine must read them.
 */
export function datedJsPage(
  js: JsTable,
  page: { filter: DimensionFilter; days: DrillDays; offset: number; limit: number },
  columns: readonly TwinColumn[],
  measures: readonly Measure[],
  twinOf: (name: string) => TwinColumn,
): JsPage | undefined {
  const { days } = page;
  const wanted = new Map(columns.map((column) => [column.name, column]));
  for (const name of [days.column, ...measures.map((measure) => measure.column)])
    if (!wanted.has(name)) wanted.set(name, twinOf(name));
  const all = js.page([...wanted.values()], page.filter, 0, Number.MAX_SAFE_INTEGER);
  if (!all) return undefined;
  const within = all.rows.filter(({ cells }) => {
    const day = dayOf(cells[days.column]);
    return day !== undefined && (!days.from || day >= days.from) && day <= days.through;
  });
  const totals: Record<string, number | null> = {};
  let unreadRows = 0;
  for (const { cells } of within) {
    let unread = false;
    for (const measure of measures) {
      const name = measure.as ?? measure.column;
      const cell = cells[measure.column] as Cell;
      if (cell !== null && typeof cell === 'object' && cell.kind === 'number')
        totals[name] = (totals[name] ?? 0) + cell.value;
      else if (typeof cell === 'string' && cell.trim() !== '') unread = true;
      if (!(name in totals)) totals[name] = null;
    }
    if (unread) unreadRows++;
  }
  for (const measure of measures) {
    const name = measure.as ?? measure.column;
    const total = totals[name];
    totals[name] =
      total === null || total === undefined || measure.digits === undefined
        ? (total ?? null)
        : Number(total.toFixed(measure.digits));
  }
  return {
    count: within.length,
    rows: within.slice(page.offset, page.offset + page.limit),
    sums: { totals, unreadRows },
  };
}

/** A date cell's ISO day. */
function dayOf(cell: unknown): string | undefined {
  const read = cell as Cell;
  return read !== null && typeof read === 'object' && read.kind === 'date' ? read.value : undefined;
}

/** The count and sums over the rows within `days`: no figure answered holds them. */
export async function datedFigures(
  version: SourceVersion,
  measures: readonly Measure[],
  matching: { filter: DimensionFilter; days: DrillDays },
  twin: boolean,
): Promise<DrillFigures> {
  const { loaded, route } = version;
  const sql =
    twin && loaded.typedTable
      ? renderTwinSums(
          route.dialect,
          { text: loaded.table, typed: loaded.typedTable },
          measures,
          matching,
        )
      : renderStoredSums(route.dialect, loaded.table, measures, matching);
  const [row] = await route.run(sql);
  return summedFigures(row, measures);
}

/** The count (`n`), sums and unread rows (`sx_unread`) of a row of `renderTwinSums` or `renderStoredSums`. */
export function summedFigures(
  row: RecordRow | undefined,
  measures: readonly Measure[],
): DrillFigures {
  const totals: Record<string, number | null> = {};
  for (const measure of measures) {
    const value = row?.[measure.as ?? measure.column];
    totals[measure.as ?? measure.column] =
      value === null || value === undefined ? null : Number(value);
  }
  return { count: Number(row?.n ?? 0), totals, unreadRows: Number(row?.sx_unread ?? 0) };
}

/** Refuses days over a column that holds no dates (a twin's column read as dates, a stored date). */
export async function checkDated(
  version: SourceVersion,
  days: DrillDays,
  twin: boolean,
): Promise<void> {
  const { loaded } = version;
  const kind = twin
    ? loaded.columnTypes?.find((column) => column.name === days.column)?.kind
    : (await version.catalogue).columns.find((column) => column.name === days.column)?.type;
  if (kind !== 'date') {
    throw new DataError(
      'unsupported',
      `The column "${days.column}" of "${loaded.file}" does not hold dates, so its rows cannot be taken up to a day.`,
    );
  }
}
