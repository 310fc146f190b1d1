import type { DataRequest, DimensionFilter } from '@stratex/data';

export interface BreakdownColumns {
  levels: readonly string[];
  target: string;
  actual?: string | undefined;
}

/** What the treemap knows of its loaded source. */
export interface BreakdownSource {
  columns: readonly string[];
  rowCount: number;
}

/** Up to this many rows the widget reads rows as written (merged cells, subtotal rows, 万 amounts). */
export const AGGREGATE_FROM_ROWS = 20_000;

/**
 * The part of another widget's selection the engine must apply: on a large source the
 * summed rows lack the columns that are not levels, so a choice on one of those is a new
 * request. Small sources come whole, and the widget filters them itself.
 */
export function engineFilter(
  source: BreakdownSource,
  columns: BreakdownColumns,
  selection: Readonly<Record<string, string>> | null | undefined,
): DimensionFilter {
  if (!selection || source.rowCount <= AGGREGATE_FROM_ROWS) return {};
  return Object.fromEntries(
    Object.entries(selection).filter(
      ([column]) => source.columns.includes(column) && !columns.levels.includes(column),
    ),
  );
}

/**
 * What the treemap asks of a large source (a small one comes whole, as cells of the columns
 * it reads): target and actual summed per combination of the levels after `filter` (cells
 * the engine cannot read as plain numbers come back on their own rows, as written, for the
 * domain to read).
 */
export function breakdownRequest(
  source: string,
  columns: BreakdownColumns,
  filter: DimensionFilter = {},
): DataRequest {
  const figures = [columns.target, ...(columns.actual ? [columns.actual] : [])];
  return {
    kind: 'aggregate',
    source,
    groupBy: columns.levels,
    measures: figures.map((column) => ({ column, aggregate: 'sum', digits: 6 })),
    filter,
  };
}
