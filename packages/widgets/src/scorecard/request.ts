import { EVALUATION_SCHEMA, resolveColumns } from '@stratex/core';
import type { DataRequest, DimensionFilter, LoadedTable } from '@stratex/data';
import type { SourceClient } from '../base/client';
import { AGGREGATE_FROM_ROWS, sampleRowClient, toCellRecords } from '../base/row-cells';

/**
 * What the scorecard asks of its source. An evaluation table comes whole, a row per
 * dimension. A large fact table (a cluster's sales facts) is summed per value of the
 * dimension column, target and actual, after `filter`: only those sums reach the page.
 */
export function scorecardRequest(
  source: string,
  table: Pick<LoadedTable, 'columns' | 'rowCount'>,
  overrides: Readonly<Record<string, string>>,
  filter: DimensionFilter = {},
): DataRequest {
  if (table.rowCount <= AGGREGATE_FROM_ROWS) return { kind: 'rows', source };
  const { dimension, target, actual } = resolveColumns(
    table.columns,
    EVALUATION_SCHEMA,
    overrides,
  ).columns;
  // Missing columns: one row is enough for the widget to say which ones.
  if (!dimension || !target || !actual) return { kind: 'rows', source, limit: 1 };
  return {
    kind: 'aggregate',
    source,
    groupBy: [dimension],
    measures: [target, actual].map((column) => ({ column, aggregate: 'sum', digits: 6 })),
    filter,
    orderBy: [{ column: dimension }],
  };
}

/**
 * The scorecard as a client of a large source: sums per value of the dimension column, which
 * they keep, so a choice of a dimension is applied in the page and any other is the engine's.
 * Missing columns: one row, for the widget to say which.
 */
export function scorecardClient(
  source: string,
  table: Pick<LoadedTable, 'columns' | 'rowCount'>,
  overrides: Readonly<Record<string, string>>,
): SourceClient<DataRequest> {
  const { dimension, target, actual } = resolveColumns(
    table.columns,
    EVALUATION_SCHEMA,
    overrides,
  ).columns;
  if (!dimension || !target || !actual) return sampleRowClient(source, table);
  return {
    carries: [dimension],
    complete: true,
    request: (filter) => scorecardRequest(source, table, overrides, filter),
    shape: ({ results }) => toCellRecords(results[0]?.rows ?? []),
  };
}

/** The name under which a rate's mean reading comes back in a rollup of a KPI export. */
export const MEAN_READING = 'sx_mean_reading';

/** The columns of a daily KPI export the rollup reads, as the source names them. */
export interface KpiExportColumns {
  metric: string;
  actual: string;
  target: string;
  unit?: string | undefined;
  date?: string | undefined;
}

/**
 * What a scorecard that rolls a daily KPI export up to date asks of it: per metric (and unit),
 * the actual summed and its mean (a rate's figure), and the largest stated target. A small
 * export is answered in the page, a large or remote one by its database; only a row per
 * metric comes back either way.
 */
export function kpiToDateRequest(
  source: string,
  columns: KpiExportColumns,
  filter: DimensionFilter = {},
): DataRequest {
  const groupBy = [columns.metric, ...(columns.unit ? [columns.unit] : [])];
  return {
    kind: 'aggregate',
    source,
    groupBy,
    measures: [
      { column: columns.actual, aggregate: 'sum', digits: 6 },
      { column: columns.actual, aggregate: 'avg', as: MEAN_READING, digits: 6 },
      { column: columns.target, aggregate: 'max', digits: 6 },
    ],
    filter,
    orderBy: groupBy.map((column) => ({ column })),
  };
}

/**
 * The dates of a daily KPI export, as cells, for a paced scorecard to find its first and last
 * day (a small export is read in the page; a daily export holds a row per day and metric).
 */
export function kpiDaysRequest(
  source: string,
  dateColumn: string,
  filter: DimensionFilter = {},
): DataRequest {
  return { kind: 'rows', source, columns: [dateColumn], filter, as: 'cells' };
}

/**
 * The same export's rows, of the columns the rollup reads (and its dates, when asked), for when
 * its cells do not all read as numbers: the domain core then sums what reads and names what
 * does not.
 */
export function kpiExportRows(
  source: string,
  columns: KpiExportColumns,
  filter: DimensionFilter = {},
  dateColumn?: string,
): DataRequest {
  const { metric, actual, target, unit } = columns;
  return {
    kind: 'rows',
    source,
    columns: [metric, actual, target, ...(unit ? [unit] : []), ...(dateColumn ? [dateColumn] : [])],
    filter,
    as: 'cells',
  };
}
