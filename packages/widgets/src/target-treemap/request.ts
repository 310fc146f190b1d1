import type { DataRequest, DimensionFilter, Engine, LoadedTable } from '@stratex/data';
import type { SourceClient } from '../base/client';
import {
  AGGREGATE_FROM_ROWS,
  sampleRowClient,
  toCellRecords,
  wholeRowsClient,
} from '../base/row-cells';
import type { BreakdownColumns } from './breakdown';

/**
 * The treemap as a client of its loaded source: a small source comes whole, as cells of the
 * level and figure columns; a large one is summed by the engine per combination of the levels;
 * one row, for the view to name them, when `columns` were not found.
 */
export async function treemapClient(
  engine: Engine,
  source: string,
  table: LoadedTable,
  columns: BreakdownColumns | undefined,
): Promise<SourceClient> {
  if (!columns) return sampleRowClient(source, table);
  if (table.rowCount > AGGREGATE_FROM_ROWS) return breakdownClient(source, columns);
  const { levels, target, actual } = columns;
  return wholeRowsClient(engine, source, table, [...levels, target, ...(actual ? [actual] : [])]);
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

/**
 * The treemap as a client of a large source: the sums per combination of the levels keep the
 * level columns, so a choice on a level is applied in the page and any other is the engine's.
 */
export function breakdownClient(
  source: string,
  columns: BreakdownColumns,
): SourceClient<DataRequest> {
  return {
    carries: columns.levels,
    complete: true,
    request: (filter) => breakdownRequest(source, columns, filter),
    shape: ({ results }) => toCellRecords(results[0]?.rows ?? []),
  };
}
