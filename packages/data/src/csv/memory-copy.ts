import type { Data } from 'apache-arrow';
import type { Connector } from '../connector';
import { rowUnit } from './row-unit';
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
  const [{ Int32, makeData, tableToIPC }, { numberData, tableOfColumns, textData }] =
    await Promise.all([import('apache-arrow'), import('../arrow/column-data')]);
  const { report, text, typed } = memory;
  const columns: [string, Data][] = report.columns.map((_, i) => [
    copiedText(i),
    textData(text[i] ?? []),
  ]);
  report.columnTypes.forEach((column, i) => {
    const values = typed[i] ?? [];
    columns.push([
      copiedValue(i),
      column.kind === 'number'
        ? numberData(values as (number | null)[])
        : textData(values.map(asText)),
    ]);
    if (column.unitColumn) {
      const cells = text[i] ?? [];
      // As the twin's unit column holds it: an empty cell states `number`, a rejected one nothing.
      const units = values.map((value, row) => {
        const cell = cells[row] ?? null;
        if (cell === null) return 'number';
        return value === null ? null : (rowUnit(cell) ?? null);
      });
      columns.push([copiedUnit(i), textData(units)]);
    }
  });
  if (report.lineColumn) {
    const { lines } = memory;
    columns.push([
      report.lineColumn,
      makeData({ type: new Int32(), length: lines.length, nullCount: 0, data: lines }),
    ]);
  }
  const copy = `${table}__sx_copy`;
  await connector.insertArrow(copy, tableToIPC(tableOfColumns(columns), 'stream'));
  try {
    await connector.query(
      publishCopySql(
        copy,
        table,
        sourceName,
        report.columns,
        report.columnTypes,
        report.lineColumn,
      ),
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
