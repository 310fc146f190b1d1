import type { Table } from 'apache-arrow';
import type { QueryParam } from '../connector';
import { uniqueColumnNames } from '../header-names';
import { rejectReason } from './column-kinds';
import { type CsvColumn, type CsvReject, FIRST_REJECTS } from './report';
import { decimalType, exactDecimalOf } from './exact-decimals';
import {
  decimalDigitsSql,
  exactDecimalSql,
  typedCountsSql,
  dropColumnSql,
  firstRejectedCellsSql,
  publishUnitColumnSql,
  rejectCountsSql,
} from './duckdb/typed-table-sql';
import { columnUnit, type PlannedColumn, unitWorkColumn } from './planned-column';
import type { RawShapes } from './raw-shapes';

type Query = (sql: string, params?: readonly QueryParam[]) => Promise<Table>;

/** The typed table after its checks: what each column holds, and the first cells it could not read. */
export interface TypedTableCheck {
  columns: CsvColumn[];
  firstRejects: CsvReject[];
}

/**
 * Counts, per column, the filled cells the typed table could not read (only where the
 * text table's filled cells, counted in JS, outnumber the typed ones is a cell-by-cell look
 * needed), settles each
 * number column's unit, publishes a unit column for mixed ones, and lists the first rejects.
 */
export async function checkTypedTable(
  query: Query,
  rawTable: string,
  typedTable: string,
  planned: readonly PlannedColumn[],
  shapes: RawShapes,
  lines: Int32Array,
): Promise<TypedTableCheck> {
  const typedCounts = await firstRow(query, typedCountsSql(typedTable, planned));
  const differing = planned.flatMap((column, i) => {
    const filled = shapes.filled[i] ?? 0;
    return column.kind !== 'text' && filled > Number(typedCounts[`n${i}`] ?? filled) ? [i] : [];
  });
  const rejectCounts =
    differing.length > 0
      ? await firstRow(query, rejectCountsSql(rawTable, typedTable, differing, planned))
      : {};
  const taken = planned.map((column) => column.name);
  const columns: CsvColumn[] = [];
  const unused: string[] = [];
  for (const [i, column] of planned.entries()) {
    const described: CsvColumn = {
      name: column.name,
      kind: column.kind,
      rejects: Number(rejectCounts[`r${i}`] ?? 0),
    };
    if (column.kind === 'number' && column.plainOnly) {
      described.unit = 'number';
    } else if (column.kind === 'number') {
      described.unit = columnUnit(listOf(typedCounts[`u${i}`]));
      if (described.unit === 'mixed') {
        const [unitName] = uniqueColumnNames([`${column.name}_unit`], taken) as [string];
        taken.push(unitName);
        described.unitColumn = unitName;
        for (const statement of publishUnitColumnSql(typedTable, i, unitName)) {
          await query(statement);
        }
      } else {
        unused.push(dropColumnSql(typedTable, unitWorkColumn(i)));
      }
    }
    columns.push(described);
  }
  if (unused.length > 0) await query(unused.join('; '));
  await holdExactDecimals(query, typedTable, planned, columns);
  const firstRejects = await firstRejectedCells(
    query,
    rawTable,
    typedTable,
    planned,
    columns,
    lines,
  );
  return { columns, firstRejects };
}

/** Number columns of money, or of figures to a few decimals, become DECIMAL: their sums are exact. */
async function holdExactDecimals(
  query: Query,
  typedTable: string,
  planned: readonly PlannedColumn[],
  columns: CsvColumn[],
): Promise<void> {
  const indexes = columns.flatMap((column, i) =>
    column.kind === 'number' && column.unit !== 'mixed' ? [i] : [],
  );
  if (indexes.length === 0) return;
  const digits = await firstRow(query, decimalDigitsSql(typedTable, indexes, planned));
  const statements: string[] = [];
  for (const i of indexes) {
    const column = columns[i] as CsvColumn;
    const exact = exactDecimalOf(Number(digits[`s${i}`]), Number(digits[`m${i}`]), column.unit);
    if (!exact) continue;
    column.exact = exact;
    statements.push(exactDecimalSql(typedTable, column.name, decimalType(exact)));
  }
  if (statements.length > 0) await query(statements.join('; '));
}

async function firstRejectedCells(
  query: Query,
  rawTable: string,
  typedTable: string,
  planned: readonly PlannedColumn[],
  columns: readonly CsvColumn[],
  lines: Int32Array,
): Promise<CsvReject[]> {
  const indexes = columns.flatMap((column, i) => (column.rejects > 0 ? [i] : []));
  if (indexes.length === 0) return [];
  const rows = await query(
    firstRejectedCellsSql(rawTable, typedTable, indexes, planned, FIRST_REJECTS),
  );
  return rows.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const { row: index, col, cell } = row.toJSON();
    const column = columns[Number(col)] as CsvColumn;
    const value = String(cell);
    return {
      line: lines[Number(index)] ?? 0,
      column: column.name,
      value,
      reason: rejectReason(value, column.kind),
    };
  });
}

/** The one row each query answers, merged into one record. */
export async function firstRow(
  query: Query,
  sql: string | readonly string[],
): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  for (const statement of typeof sql === 'string' ? [sql] : sql) {
    const table = await query(statement);
    Object.assign(merged, table.toArray()[0]?.toJSON() as Record<string, unknown> | undefined);
  }
  return merged;
}

function listOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = (value as { toArray?: () => unknown[] }).toArray?.() ?? (value as unknown[]);
  return Array.from(items, String);
}
