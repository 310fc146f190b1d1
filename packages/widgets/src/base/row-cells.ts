import {
  type CellRecord,
  type ColumnResolution,
  resolveColumns,
  type RoleSchema,
  valueCell,
} from '@stratex/core';
import type { DataRequest, Engine, LoadedTable, RecordRow } from '@stratex/data';
import { ownValue } from '@stratex/data/light';
import type { SourceClient } from './client';

/** Rows of text: every cell as the text the export holds, or null (a `CellRecord` is either this or cells read). */
export type TextRecord = Record<string, string | null>;

/**
 * Rows given by script or answered by SQL as core's cells: text stays text (core reads it),
 * numbers are plain numbers, dates their day.
 */
export function toCellRecords(rows: readonly RecordRow[]): CellRecord[] {
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) ownValue(record, key, valueCell(value));
    return record as CellRecord;
  });
}

/**
 * The columns a view reads among a source's `columns`: those playing the schema's roles. All
 * of them (undefined) when a role is missing, so the widget can name what the source holds.
 */
export function roleColumns(
  columns: readonly string[],
  schema: RoleSchema,
  overrides: Readonly<Record<string, string>> = {},
): string[] | undefined {
  const resolution: ColumnResolution = resolveColumns(columns, schema, overrides);
  if (resolution.missing.length > 0 || resolution.unknownOverrides.length > 0) return undefined;
  const used = new Set(Object.values(resolution.columns));
  return columns.filter((column) => used.has(column));
}

/** Up to this many rows a widget reads a source's rows as written (merged cells, subtotal rows, 万 amounts); above, it has the engine sum them. */
export const AGGREGATE_FROM_ROWS = 20_000;

/**
 * The client of a widget whose roles the source's columns do not all play: one row is enough
 * for the view to say which columns are missing, and no choice changes it.
 */
export function sampleRowClient(
  source: string,
  table: Pick<LoadedTable, 'columns'>,
): SourceClient<DataRequest> {
  return {
    carries: table.columns,
    complete: true,
    request: () => ({ kind: 'rows', source, limit: 1 }),
    shape: ({ results }) => toCellRecords(results[0]?.rows ?? []),
  };
}

/**
 * The client that reads every row of a loaded source as cells: of the columns the view reads
 * (`used`; all when undefined) and the text columns another widget may choose a value of (so
 * its choice filters at once); number and date columns the view does not read stay in the
 * engine until a choice names one (`widen`).
 */
export async function wholeRowsClient(
  engine: Engine,
  source: string,
  table: LoadedTable,
  used: readonly string[] | undefined,
): Promise<SourceClient<DataRequest>> {
  if (!used) return rowsClient(source, table, undefined);
  const wanted = new Set([...used, ...(await dimensionColumns(engine, source, table))]);
  return rowsClient(source, table, wanted);
}

/** Every row, as cells, of the source's columns in `wanted` (all of them when undefined). */
function rowsClient(
  source: string,
  table: LoadedTable,
  wanted: ReadonlySet<string> | undefined,
): SourceClient<DataRequest> {
  const columns = wanted && table.columns.filter((column) => wanted.has(column));
  return {
    carries: columns ?? table.columns,
    complete: true,
    request: (filter) => ({
      kind: 'rows',
      source,
      as: 'cells',
      ...(columns ? { columns } : {}),
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    }),
    shape: ({ results }) => (results[0]?.rows ?? []) as CellRecord[],
    widen: (more) => rowsClient(source, table, wanted && new Set([...wanted, ...more])),
  };
}

/** The columns of a source that hold neither numbers nor dates: those a selection names. */
async function dimensionColumns(
  engine: Engine,
  source: string,
  table: LoadedTable,
): Promise<string[]> {
  if (table.columnTypes) {
    return table.columnTypes.filter((column) => column.kind === 'text').map(({ name }) => name);
  }
  const { columns } = await engine.coordinator.catalogue(source);
  return columns
    .filter((column) => column.type !== 'number' && column.type !== 'date')
    .map(({ name }) => name);
}
