import { quoteIdentifier } from '../../sql';
import { MAX_SCALE } from '../exact-decimals';
import { type PlannedColumn, unitWorkColumn } from '../planned-column';
import {
  plainDateSql,
  plainNumberSql,
  dateValueSql,
  datePartsSql,
  filledSql,
  normalisedSql,
  numberPartsSql,
  periodValueSql,
  signedNumberSql,
  statedUnitSql,
  textValueSql,
  unsignedZeroSql,
} from './cell-sql';

/*
 * The typed twin of a CSV's text table, in DuckDB's SQL: the DuckDB loader's own statements
 * (see `cell-sql.ts` for why they are written for DuckDB alone).
 */

/**
 * The typed table's rows, selected over the text table in steps so each cell is looked at
 * once: cells that DuckDB's own casts read exactly (`1234.5`, `2024-06-01`) take that quick
 * way; only the others are normalised and taken apart like `parseCell` does.
 */
export function typedRowsSql(rawTable: string, columns: readonly PlannedColumn[]): string {
  const steps: string[][] = [[], [], [], []];
  const [plain, split, parts, values] = steps as [string[], string[], string[], string[]];
  columns.forEach((column, i) => {
    const cell = quoteIdentifier(column.name);
    const out = quoteIdentifier(column.name);
    const direct = (value: string): void => {
      plain.push(`${value} AS _t${i}`);
      split.push(`_t${i}`);
      parts.push(`_t${i}`);
      values.push(`_t${i} AS ${out}`);
    };
    if (column.plainOnly && column.kind === 'number') {
      direct(unsignedZeroSql(`CAST(${cell} AS DOUBLE)`));
      return;
    }
    if (column.plainOnly && column.kind === 'date') {
      direct(`try_cast(${cell} AS DATE)`);
      return;
    }
    switch (column.kind) {
      case 'number':
        plain.push(`${cell} AS _c${i}`, `${plainNumberSql(cell)} AS _q${i}`);
        split.push(
          `CASE WHEN _q${i} THEN CAST(_c${i} AS DOUBLE) END AS _f${i}`,
          `CASE WHEN _q${i} OR _c${i} IS NULL THEN NULL ELSE ${numberPartsSql(`_c${i}`)} END AS _p${i}`,
          `_q${i}`,
        );
        parts.push(
          `coalesce(_f${i}, ${signedNumberSql(`_p${i}`)}) AS _v${i}`,
          // A blank cell (NULL) states no unit, so it cannot make its column mixed.
          `CASE WHEN _q${i} THEN 'number~' WHEN _p${i} IS NULL THEN NULL ELSE ${statedUnitSql(`_p${i}`)} END AS _u${i}`,
        );
        values.push(
          `${unsignedZeroSql(`_v${i}`)} AS ${out}`,
          `_u${i} AS ${quoteIdentifier(unitWorkColumn(i))}`,
        );
        break;
      case 'date': {
        plain.push(`${cell} AS _c${i}`, `${plainDateSql(cell)} AS _q${i}`);
        split.push(
          `CASE WHEN _q${i} THEN try_cast(_c${i} AS DATE) END AS _f${i}`,
          `CASE WHEN _q${i} OR _c${i} IS NULL THEN NULL ELSE ${normalisedSql(`_c${i}`)} END AS _n${i}`,
        );
        const dateParts = datePartsSql(`_n${i}`);
        parts.push(`_f${i}`, ...dateParts.map((sql, k) => `${sql} AS _d${i}_${k}`));
        const slow = dateValueSql(dateParts.map((_, k) => `_d${i}_${k}`));
        values.push(`coalesce(_f${i}, ${slow}) AS ${out}`);
        break;
      }
      case 'period':
        direct(periodValueSql(cell, column.periods ?? new Map()));
        break;
      case 'text':
        direct(textValueSql(cell));
        break;
    }
  });
  const from = steps
    .slice(0, 3)
    .reduce(
      (inner, list) => `(SELECT ${list.join(', ')} FROM ${inner})`,
      quoteIdentifier(rawTable),
    );
  return `SELECT ${values.join(', ')} FROM ${from}`;
}

/**
 * Per checked column of the typed table: filled cells (`n<i>`); for numbers, the units stated
 * (`u<i>`). Plain number columns need neither: every cell read, and none states a unit.
 */
export function typedCountsSql(typedTable: string, columns: readonly PlannedColumn[]): string[] {
  const parts: string[] = [];
  columns.forEach((column, i) => {
    if (column.kind === 'text' || (column.kind === 'number' && column.plainOnly)) return;
    parts.push(`count(${quoteIdentifier(column.name)})::DOUBLE AS n${i}`);
    if (column.kind === 'number') {
      const unit = quoteIdentifier(unitWorkColumn(i));
      parts.push(`list(DISTINCT ${unit}) FILTER (WHERE ${unit} IS NOT NULL) AS u${i}`);
    }
  });
  return batchedSelects(parts, typedTable);
}

/** Aggregates over one table, a hundred to a query: thousands at once exhaust DuckDB-WASM's memory. */
function batchedSelects(parts: readonly string[], table: string): string[] {
  const selects: string[] = [];
  for (let start = 0; start < parts.length; start += 100) {
    const batch = parts.slice(start, start + 100);
    selects.push(`SELECT ${batch.join(', ')} FROM ${quoteIdentifier(table)}`);
  }
  return selects;
}

/** Per column index given, the filled cells that did not read (`r<i>`): spaces alone are not a value. */
export function rejectCountsSql(
  rawTable: string,
  typedTable: string,
  columnIndexes: readonly number[],
  columns: readonly PlannedColumn[],
): string {
  const parts = columnIndexes.map((i) => {
    const name = quoteIdentifier((columns[i] as PlannedColumn).name);
    return `count(*) FILTER (WHERE t.${name} IS NULL AND ${filledSql(`r.${name}`)})::DOUBLE AS r${i}`;
  });
  return `SELECT ${parts.join(', ')} FROM ${quoteIdentifier(rawTable)} r POSITIONAL JOIN ${quoteIdentifier(typedTable)} t`;
}

/** The first `limit` cells that did not read, in file order: row (0 = first), column index, cell. */
export function firstRejectedCellsSql(
  rawTable: string,
  typedTable: string,
  columnIndexes: readonly number[],
  columns: readonly PlannedColumn[],
  limit: number,
): string {
  const selects = columnIndexes.map((i) => {
    const name = quoteIdentifier((columns[i] as PlannedColumn).name);
    return (
      `SELECT r.rowid::DOUBLE AS row, ${i} AS col, r.${name} AS cell FROM ${quoteIdentifier(rawTable)} r ` +
      `POSITIONAL JOIN ${quoteIdentifier(typedTable)} t WHERE t.${name} IS NULL AND ${filledSql(`r.${name}`)}`
    );
  });
  return `SELECT * FROM (${selects.join(' UNION ALL ')}) ORDER BY row, col LIMIT ${limit}`;
}

/**
 * Per number column index given: the most digits after the point among its figures (`s<i>`,
 * `MAX_SCALE + 1` when some have more) and its largest magnitude (`m<i>`), to choose DECIMAL.
 */
export function decimalDigitsSql(
  typedTable: string,
  columnIndexes: readonly number[],
  columns: readonly PlannedColumn[],
): string[] {
  const parts = columnIndexes.flatMap((i) => {
    const name = quoteIdentifier((columns[i] as PlannedColumn).name);
    const scales = Array.from(
      { length: MAX_SCALE + 1 },
      (_, scale) => `WHEN ${name} = round(${name}, ${scale}) THEN ${scale}`,
    ).join(' ');
    return [
      `max(CASE WHEN ${name} IS NULL THEN 0 ${scales} ELSE ${MAX_SCALE + 1} END)::DOUBLE AS s${i}`,
      `coalesce(max(abs(${name})), 0)::DOUBLE AS m${i}`,
    ];
  });
  return batchedSelects(parts, typedTable);
}

/** Holds a number column as exact decimals: `DECIMAL(18,2)`. */
export function exactDecimalSql(typedTable: string, column: string, type: string): string {
  return `ALTER TABLE ${quoteIdentifier(typedTable)} ALTER COLUMN ${quoteIdentifier(column)} TYPE ${type}`;
}

/** Turns a mixed column's work column into its public unit column. */
export function publishUnitColumnSql(typedTable: string, index: number, name: string): string[] {
  const table = quoteIdentifier(typedTable);
  const work = quoteIdentifier(unitWorkColumn(index));
  return [
    `UPDATE ${table} SET ${work} = replace(${work}, '~', '')`,
    `ALTER TABLE ${table} RENAME COLUMN ${work} TO ${quoteIdentifier(name)}`,
  ];
}

/** `ALTER TABLE … DROP COLUMN …`. */
export function dropColumnSql(table: string, column: string): string {
  return `ALTER TABLE ${quoteIdentifier(table)} DROP COLUMN ${quoteIdentifier(column)}`;
}

/** The distinct cells of a column, one more than `limit` to tell when there are too many. */
export function distinctCellsSql(rawTable: string, column: string, limit: number): string {
  return `SELECT DISTINCT ${quoteIdentifier(column)} AS cell FROM ${quoteIdentifier(rawTable)} WHERE ${quoteIdentifier(column)} IS NOT NULL LIMIT ${limit + 1}`;
}

/** `select`'s rows, each with its line in the file from `linesTable` (one column, row for row). */
export function withLineNumbersSql(select: string, linesTable: string): string {
  return `SELECT * FROM (${select}) POSITIONAL JOIN ${quoteIdentifier(linesTable)}`;
}

/** Every row of `table`, as stored. */
export function everyRowSql(table: string): string {
  return `SELECT * FROM ${quoteIdentifier(table)}`;
}

/**
 * The text table's rows made from the typed table: each column `asWritten` is the typed
 * cell as text (which is the cell as written), each other one taken from `partTable`, which
 * holds those columns alone, row for row.
 */
export function textFromTypedSql(
  typedTable: string,
  columns: readonly { name: string; asWritten: boolean }[],
  partTable: string | undefined,
): string {
  const cells = columns.map(({ name, asWritten }) => {
    const column = quoteIdentifier(name);
    return asWritten ? `CAST(t.${column} AS VARCHAR) AS ${column}` : `p.${column}`;
  });
  const part = partTable ? ` POSITIONAL JOIN ${quoteIdentifier(partTable)} AS p` : '';
  return `SELECT ${cells.join(', ')} FROM ${quoteIdentifier(typedTable)} AS t${part}`;
}
