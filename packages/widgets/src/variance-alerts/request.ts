import {
  type Cell,
  type CellRecord,
  cellText,
  KPI_SERIES_SCHEMA,
  resolveColumns,
  type TargetRows,
  unitFromLabel,
} from '@stratex/core';
import type { DataRequest, DimensionFilter } from '@stratex/data';
import type { SourceClient } from '../base/client';
import { toCellRecords } from '../base/row-cells';

/** The columns of a KPI series the alerts read, as the source names them. */
export interface KpiSeriesColumns {
  date: string;
  metric: string;
  actual: string;
  target: string;
  unit?: string | undefined;
  direction?: string | undefined;
}

/** The name under which a day's mean reading comes back, for metrics that are rates. */
const DAILY_MEAN = 'sx_daily_mean';

/** The series' columns among `columns`, or undefined when a required one is missing. */
export function kpiSeriesColumns(
  columns: readonly string[],
  overrides: Readonly<Record<string, string>>,
): KpiSeriesColumns | undefined {
  const found = resolveColumns(columns, KPI_SERIES_SCHEMA, overrides).columns;
  const { date, metric, actual, target, unit, direction } = found;
  if (!date || !metric || !actual || !target) return undefined;
  return { date, metric, actual, target, unit, direction };
}

/** The columns the series is summed by: a row per day and metric (and unit and direction). */
function groupsOf(columns: KpiSeriesColumns): string[] {
  const { date, metric, unit, direction } = columns;
  return [date, metric, ...(unit ? [unit] : []), ...(direction ? [direction] : [])];
}

/**
 * What the alerts ask of a series on a database server: per day and metric, the actual
 * summed (and its mean, for a rate), and the target — summed when each row holds a share of
 * it, else the day's largest (each row states the period target). The domain core then
 * paces these daily rows as it paces a KPI file, so only a row per day and metric crosses.
 */
export function kpiSeriesRequest(
  source: string,
  columns: KpiSeriesColumns,
  targetRows: TargetRows,
  filter: DimensionFilter = {},
): DataRequest {
  const groupBy = groupsOf(columns);
  return {
    kind: 'aggregate',
    source,
    groupBy,
    measures: [
      { column: columns.actual, aggregate: 'sum', digits: 6 },
      { column: columns.target, aggregate: targetRows === 'share' ? 'sum' : 'max', digits: 6 },
      ...(columns.unit
        ? [{ column: columns.actual, aggregate: 'avg' as const, as: DAILY_MEAN, digits: 6 }]
        : []),
    ],
    filter,
    orderBy: groupBy.map((column) => ({ column })),
  };
}

/**
 * The daily rows as the domain core reads them: a rate's day is its mean reading (the core
 * averages the days), any other metric's day its sum.
 */
export function kpiSeriesRows(
  rows: readonly CellRecord[],
  columns: KpiSeriesColumns,
): CellRecord[] {
  return rows.map((row) => {
    const { [DAILY_MEAN]: mean, ...rest }: Record<string, Cell> = row;
    const unit = columns.unit ? rest[columns.unit] : undefined;
    if (columns.unit && unitFromLabel(cellText(unit)).unit === 'percent')
      rest[columns.actual] = mean ?? null;
    return rest;
  });
}

/**
 * The alerts as a client of a series on a database server: a row per day and metric (and
 * unit and direction), which those rows keep, so a choice of a metric is applied in the page
 * and a choice on any other column is the server's filter.
 */
export function kpiSeriesClient(
  source: string,
  columns: KpiSeriesColumns,
  targetRows: TargetRows,
): SourceClient {
  return {
    carries: groupsOf(columns),
    complete: true,
    request: (filter) => kpiSeriesRequest(source, columns, targetRows, filter),
    shape: ({ results }) => kpiSeriesRows(toCellRecords(results[0]?.rows ?? []), columns),
  };
}
