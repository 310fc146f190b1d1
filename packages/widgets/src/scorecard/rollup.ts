import {
  type Cell,
  type CellRecord,
  type ColumnResolution,
  KPI_SERIES_SCHEMA,
  kpisToDate,
  type Lang,
  readCell,
  resolveColumns,
  type UnreadableCell,
} from '@stratex/core';
import type { LoadedTable } from '@stratex/data';
import { hearing, type SourceClient } from '../base/client';
import type { ColumnAttributes } from '../base/column-attributes';
import { sampleRowClient, toCellRecords } from '../base/row-cells';
import {
  type KpiExportColumns,
  kpiDaysRequest,
  kpiExportRows,
  kpiToDateRequest,
  MEAN_READING,
} from './request';

/** A daily KPI export's roles, as the scorecard's attributes name them: its dimension column is the metric. */
export const KPI_EXPORT_COLUMN_ATTRIBUTES: ColumnAttributes = {
  metric: ['dimensionColumn'],
  target: ['targetColumn'],
  actual: ['actualColumn'],
};

/** The export's columns and the cells it could not read, beside the rows rolled up to date. */
export interface KpiRollup {
  resolution: ColumnResolution;
  unreadable: UnreadableCell[];
  /** The export's first and last days, when they were asked for (a paced scorecard). */
  days?: { first: string; last: string };
}

/** The first and last of the date cells (or date texts) in `rows[column]`. */
function daysOf(
  rows: readonly Readonly<Record<string, unknown>>[],
  column: string,
): KpiRollup['days'] {
  let first: string | undefined;
  let last: string | undefined;
  for (const row of rows) {
    const value = row[column];
    const cell = readCell(
      typeof value === 'string' ? value : ((value as Cell | undefined) ?? null),
    );
    if (cell.kind !== 'date') continue;
    if (first === undefined || cell.value < first) first = cell.value;
    if (last === undefined || cell.value > last) last = cell.value;
  }
  return first && last ? { first, last } : undefined;
}

/** The export's columns the rollup reads, or undefined when a required one is missing. */
function exportColumns(resolution: ColumnResolution): KpiExportColumns | undefined {
  const { metric, actual, target, unit } = resolution.columns;
  if (!metric || !actual || !target) return undefined;
  return { metric, actual, target, unit, date: resolution.columns.date };
}

/**
 * The scorecard as a client of a daily KPI export rolled up to date: a row per metric, summed
 * (a rate's readings averaged) by the engine, or read cell by cell by the domain core when
 * the engine cannot sum them. The rows keep the metric column, so a choice of a metric is
 * applied in the page and any other is the engine's. `rolled` hears of each rollup's columns
 * and unreadable cells with its rows; with `withDays`, of the export's first and last days too.
 */
export function kpiRollupClient(
  source: string,
  table: LoadedTable,
  overrides: Readonly<Record<string, string>>,
  lang: Lang,
  rolled: (rows: CellRecord[], rollup: KpiRollup) => void,
  withDays = false,
): SourceClient {
  const resolution = resolveColumns(table.columns, KPI_SERIES_SCHEMA, overrides);
  const columns = exportColumns(resolution);
  if (!columns) {
    return hearing(sampleRowClient(source, table), (rows) =>
      rolled(rows, { resolution, unreadable: [] }),
    );
  }
  const dateColumn = withDays ? columns.date : undefined;
  return {
    carries: [columns.metric],
    complete: true,
    request: (filter) =>
      dateColumn
        ? [kpiToDateRequest(source, columns, filter), kpiDaysRequest(source, dateColumn, filter)]
        : kpiToDateRequest(source, columns, filter),
    fallback: (filter) => kpiExportRows(source, columns, filter, dateColumn),
    shape: ({ results, fellBack }) => {
      const answered = results[0]?.rows ?? [];
      const records = fellBack ? (answered as CellRecord[]) : toCellRecords(answered);
      const { rows, unreadable } = kpisToDate(
        records,
        resolution,
        lang,
        fellBack ? undefined : MEAN_READING,
      );
      const dayRows = fellBack ? answered : (results[1]?.rows ?? []);
      const days = dateColumn ? daysOf(dayRows, dateColumn) : undefined;
      rolled(rows, days ? { resolution, unreadable, days } : { resolution, unreadable });
      return rows;
    },
  };
}

/** The overrides the rolled-up rows are read with as a scorecard: they carry the export's headers. */
export function rolledOverrides(resolution: ColumnResolution): Record<string, string> {
  const { metric, target, actual } = resolution.columns;
  const overrides: Record<string, string> = {};
  if (metric) overrides.dimension = metric;
  if (target) overrides.target = target;
  if (actual) overrides.actual = actual;
  return overrides;
}
