import type { Table } from 'apache-arrow';
import type { CsvReport } from './csv/report';

/**
 * A table the engine has loaded, as widgets see it. A CSV load also tells what it found
 * (`CsvReport`): the typed table beside the text one, column kinds and units, the header
 * row, skipped rows and rejects.
 */
export interface LoadedTable extends Partial<CsvReport> {
  /** The rows as written: every column text. */
  table: string;
  file: string;
  columns: string[];
  rowCount: number;
  encoding: string;
}

/** A result row: column name → value. */
export type RecordRow = Record<string, unknown>;

/** Sets a key as the row's own, even one called `__proto__` (plain assignment would not). */
export function ownValue(row: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__') row[key] = value;
  else
    Object.defineProperty(row, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** An Arrow answer as plain objects keyed by column name. */
export function recordsOf(table: Table): RecordRow[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((_, index) => table.getChildAt(index));
  const rows: RecordRow[] = [];
  for (let at = 0; at < table.numRows; at++) {
    const row: RecordRow = {};
    names.forEach((name, index) => ownValue(row, name, columns[index]?.get(at)));
    rows.push(row);
  }
  return rows;
}
