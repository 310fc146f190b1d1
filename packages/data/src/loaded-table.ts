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

/** What reading an Arrow table's rows takes: an apache-arrow `Table` has it. */
export interface ArrowRows {
  readonly schema: {
    readonly fields: readonly {
      readonly name: string;
      readonly type: { readonly typeId: number };
    }[];
  };
  readonly numRows: number;
  getChildAt(index: number): { get(index: number): unknown } | null;
}

/** Arrow's type ids (its schema's `Type`) of the columns whose values are days or instants. */
const DATE_TYPE = 8;
const TIMESTAMP_TYPE = 10;

/**
 * An Arrow table as plain objects keyed by column name. Arrow gives a date or timestamp as
 * milliseconds since 1970; with `dates` (a table a page gave by script) it is a `Date`.
 */
export function recordsOf(table: ArrowRows, { dates = false } = {}): RecordRow[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((_, index) => table.getChildAt(index));
  const dated = table.schema.fields.map(
    (field) => dates && [DATE_TYPE, TIMESTAMP_TYPE].includes(field.type.typeId),
  );
  const rows: RecordRow[] = [];
  for (let at = 0; at < table.numRows; at++) {
    const row: RecordRow = {};
    names.forEach((name, index) => {
      const value: unknown = columns[index]?.get(at);
      const asDate = dated[index] && (typeof value === 'number' || typeof value === 'bigint');
      ownValue(row, name, asDate ? new Date(Number(value)) : value);
    });
    rows.push(row);
  }
  return rows;
}
