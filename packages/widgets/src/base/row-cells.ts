import {
  type CellRecord,
  type ColumnResolution,
  resolveColumns,
  type RoleSchema,
  valueCell,
} from '@stratex/core';
import type { DataRequest, Engine, LoadedTable, RecordRow } from '@stratex/data';
import { ownValue } from '@stratex/data/light';

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

/**
 * Every row of a loaded source as cells: of the columns the view reads (`used`; all when
 * undefined), those the page's selection filters on, and the text columns another widget may
 * choose a value of (so its choice filters at once); number and date columns the view does
 * not read stay in the engine.
 */
export async function cellsRequest(
  engine: Engine,
  source: string,
  table: LoadedTable,
  columns: { used: readonly string[] | undefined; selected: readonly string[] },
): Promise<DataRequest> {
  if (!columns.used) return { kind: 'rows', source, as: 'cells' };
  const wanted = new Set([
    ...columns.used,
    ...(await dimensionColumns(engine, source, table)),
    ...columns.selected,
  ]);
  return {
    kind: 'rows',
    source,
    as: 'cells',
    columns: table.columns.filter((column) => wanted.has(column)),
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
