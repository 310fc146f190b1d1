import type { Engine, LoadedTable } from '@stratex/data';
import { typedValue } from '../src/csv/column-kinds';
import { quoteIdentifier } from '../src/sql';

/** Every template table and the variants it is exported in (fixtures/README.md). */
export const TEMPLATE_VARIANTS: Record<string, string[]> = {
  targets: ['csv', 'bom.csv', 'gbk.csv', 'en.csv'],
  strategy: ['csv', 'bom.csv', 'gbk.csv', 'en.csv'],
  progress: ['csv', 'bom.csv', 'gbk.csv', 'en.csv'],
  evaluation: ['csv', 'bom.csv', 'gbk.csv', 'en.csv'],
  kpi_daily_2024q3: ['csv', 'gbk.csv', 'en.csv'],
  region_targets: ['csv', 'en.csv'],
  budget: ['csv', 'en.csv'],
};

export type Cell = number | string | null;

/** A typed table as plain values: dates as ISO text, in row order. */
export interface TypedSnapshot {
  kinds: string[];
  rows: Cell[][];
}

/** Reads the typed table of a load: numbers as numbers, dates as `YYYY-MM-DD`. */
export async function typedSnapshot(engine: Engine, loaded: LoadedTable): Promise<TypedSnapshot> {
  const columns = loaded.columnTypes ?? [];
  const list = columns.map((column, i) => {
    const name = quoteIdentifier(column.name);
    return `${column.kind === 'date' ? `strftime(${name}, '%Y-%m-%d')` : name} AS c${i}`;
  });
  const table = quoteIdentifier(loaded.typedTable ?? '');
  const records = await engine.records(`SELECT ${list.join(', ')} FROM ${table}`);
  return {
    kinds: columns.map((column) => column.kind),
    rows: records.map((record) => columns.map((_, i) => plainCell(record[`c${i}`]))),
  };
}

/** The cells whose typed value is not what `parseCell` (in JS) makes of the text: should be none. */
export async function disagreements(engine: Engine, loaded: LoadedTable): Promise<string[]> {
  const typed = await typedSnapshot(engine, loaded);
  const raw = await engine.records(`SELECT * FROM ${quoteIdentifier(loaded.table)}`);
  const columns = loaded.columnTypes ?? [];
  const found: string[] = [];
  raw.forEach((record, row) => {
    columns.forEach((column, index) => {
      const text = record[column.name];
      const expected = typedValue(
        text === null || text === undefined ? null : String(text),
        column.kind,
      );
      const actual = typed.rows[row]?.[index] ?? null;
      if (!Object.is(expected, actual) && !(expected === 0 && actual === 0)) {
        found.push(`${column.name} row ${row}: "${String(text)}" → SQL ${actual}, JS ${expected}`);
      }
    });
  });
  return found;
}

/** The typed columns that hold quantities (numbers, dates, periods), by position. */
export function quantityColumns(snapshot: TypedSnapshot): Cell[][] {
  const indexes = snapshot.kinds.flatMap((kind, i) => (kind === 'text' ? [] : [i]));
  return snapshot.rows.map((row) => indexes.map((i) => row[i] ?? null));
}

function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}
