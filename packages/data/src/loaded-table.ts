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
