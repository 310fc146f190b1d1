import type { Float64 as Float64Type, Utf8 as Utf8Type, Vector } from 'apache-arrow';
import type { Connector } from '../connector';
import { rowUnit } from '../query/js-cells';
import {
  abandonCopySql,
  copiedText,
  copiedUnit,
  copiedValue,
  publishCopySql,
} from './duckdb/memory-copy-sql';
import type { MemoryCsv, TypedCell } from './memory-csv';

/**
 * Copies a CSV read in JS into the database in two calls: its text and typed columns (and a
 * mixed column's units) as one Arrow table, then one transaction that makes `table` and
 * `<table>_typed` from it, as `loadCsv` would have, and `sourceName` a view of `table`.
 * The cells are the JS reading's own, which the agreement tests hold to the engine's.
 */
export async function copyMemoryCsv(
  connector: Pick<Connector, 'query' | 'insertArrow'>,
  memory: MemoryCsv,
  table: string,
  sourceName: string,
): Promise<void> {
  const { Float64, Table, tableToIPC, Utf8, vectorFromArray } = await import('apache-arrow');
  const { report, text, typed } = memory;
  const vectors: Record<string, Vector<Utf8Type | Float64Type>> = {};
  report.columns.forEach((_, i) => {
    vectors[copiedText(i)] = vectorFromArray(text[i] ?? [], new Utf8());
  });
  report.columnTypes.forEach((column, i) => {
    const values = typed[i] ?? [];
    vectors[copiedValue(i)] =
      column.kind === 'number'
        ? vectorFromArray(values as (number | null)[], new Float64())
        : vectorFromArray(values.map(asText), new Utf8());
    if (column.unitColumn) {
      const cells = text[i] ?? [];
      // As the twin's unit column holds it: an empty cell states `number`, a rejected one nothing.
      const units = values.map((value, row) => {
        const cell = cells[row] ?? null;
        if (cell === null) return 'number';
        return value === null ? null : (rowUnit(cell) ?? null);
      });
      vectors[copiedUnit(i)] = vectorFromArray(units, new Utf8());
    }
  });
  const copy = `${table}__sx_copy`;
  await connector.insertArrow(copy, tableToIPC(new Table(vectors), 'stream'));
  try {
    await connector.query(
      publishCopySql(copy, table, sourceName, report.columns, report.columnTypes),
    );
  } catch (cause) {
    for (const statement of abandonCopySql(copy))
      await connector.query(statement).catch(() => undefined);
    throw cause;
  }
}

function asText(value: TypedCell): string | null {
  return value === null ? null : String(value);
}
