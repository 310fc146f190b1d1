import {
  type CellRecord,
  type ColumnResolution,
  KPI_SERIES_SCHEMA,
  kpisToDate,
  type Lang,
  resolveColumns,
  type UnreadableCell,
} from '@stratex/core';
import type { LoadedTable } from '@stratex/data';
import { hearing, type SourceClient } from '../base/client';
import type { ColumnAttributes } from '../base/column-attributes';
import { sampleRowClient, toCellRecords } from '../base/row-cells';
import { type KpiExportColumns, kpiExportRows, kpiToDateRequest, MEAN_READING } from './request';

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
}

/** The export's columns the rollup reads, or undefined when a required one is missing. */
function exportColumns(resolution: ColumnResolution): KpiExportColumns | undefined {
  const { metric, actual, target, unit } = resolution.columns;
  if (!metric || !actual || !target) return undefined;
  return { metric, actual, target, unit };
}

/**
 * The scorecard as a client of a daily KPI export rolled up to date: a row per metric, summed
 * (a rate's readings averaged) by the engine, or read cell by cell by the domain core when
 * the engine cannot sum them. The rows keep the metric column, so a choice of a metric is
 * applied in the page and any other is the engine's. `rolled` hears of each rollup's columns
 * and unreadable cells with its rows.
 */
export function kpiRollupClient(
  source: string,
  table: LoadedTable,
  overrides: Readonly<Record<string, string>>,
  lang: Lang,
  rolled: (rows: CellRecord[], rollup: KpiRollup) => void,
): SourceClient {
  const resolution = resolveColumns(table.columns, KPI_SERIES_SCHEMA, overrides);
  const columns = exportColumns(resolution);
  if (!columns) {
    return hearing(sampleRowClient(source, table), (rows) =>
      rolled(rows, { resolution, unreadable: [] }),
    );
  }
  return {
    carries: [columns.metric],
    complete: true,
    request: (filter) => kpiToDateRequest(source, columns, filter),
    fallback: (filter) => kpiExportRows(source, columns, filter),
    shape: ({ results, fellBack }) => {
      const answered = results[0]?.rows ?? [];
      const records = fellBack ? (answered as CellRecord[]) : toCellRecords(answered);
      const { rows, unreadable } = kpisToDate(
        records,
        resolution,
        lang,
        fellBack ? undefined : MEAN_READING,
      );
      rolled(rows, { resolution, unreadable });
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
