import { quoteIdentifier } from '../../sql';
import { decimalType } from '../exact-decimals';
import type { CsvColumn } from '../report';

/*
 * A CSV read in JS, copied into DuckDB from one Arrow table: the DuckDB loader's own
 * statements (see `cell-sql.ts` for why they are written for DuckDB alone).
 */

/** Names of the copy's Arrow columns: by position, so no header can clash with them. */
export const copiedText = (index: number): string => `sx_text_${index}`;
export const copiedValue = (index: number): string => `sx_value_${index}`;
export const copiedUnit = (index: number): string => `sx_unit_${index}`;

/**
 * In one transaction: `table` (every cell as written) and `<table>_typed` from the copy, as
 * `loadCsv` would have made them (a mixed column's unit column after its values), the copy
 * dropped, and `sourceName` a view of `table`.
 */
export function publishCopySql(
  copy: string,
  table: string,
  sourceName: string,
  names: readonly string[],
  columns: readonly CsvColumn[],
  /** The copy's column of line numbers, kept under its own name in the typed table. */
  lineColumn?: string,
): string {
  const from = quoteIdentifier(copy);
  const text = names.map(
    (name, i) => `${quoteIdentifier(copiedText(i))} AS ${quoteIdentifier(name)}`,
  );
  const typed = columns.flatMap((column, i) => {
    const value = quoteIdentifier(copiedValue(i));
    const cast =
      column.kind === 'date'
        ? `CAST(${value} AS DATE)`
        : column.exact
          ? `CAST(${value} AS ${decimalType(column.exact)})`
          : value;
    const out = `${cast} AS ${quoteIdentifier(column.name)}`;
    return column.unitColumn
      ? [out, `${quoteIdentifier(copiedUnit(i))} AS ${quoteIdentifier(column.unitColumn)}`]
      : [out];
  });
  if (lineColumn) typed.push(quoteIdentifier(lineColumn));
  const statements = [
    `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT ${text.join(', ')} FROM ${from}`,
    `CREATE OR REPLACE TABLE ${quoteIdentifier(`${table}_typed`)} AS SELECT ${typed.join(', ')} FROM ${from}`,
    `DROP TABLE ${from}`,
    ...(sourceName !== table
      ? [
          `CREATE OR REPLACE VIEW ${quoteIdentifier(sourceName)} AS SELECT * FROM ${quoteIdentifier(table)}`,
        ]
      : []),
  ];
  return `BEGIN TRANSACTION; ${statements.join('; ')}; COMMIT;`;
}

/** After the transaction failed: undone, and the copy dropped. */
export function abandonCopySql(copy: string): string[] {
  return ['ROLLBACK', `DROP TABLE IF EXISTS ${quoteIdentifier(copy)}`];
}
