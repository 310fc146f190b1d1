import { quoteIdentifier, type QueryParam } from '@stratex/data';

export interface BreakdownColumns {
  levels: readonly string[];
  target: string;
  actual?: string | undefined;
}

export interface BreakdownSource {
  table: string;
  columns: readonly string[];
  rowCount: number;
}

/** SQL and the values bound to its `?` placeholders. */
export interface BreakdownQuery {
  sql: string;
  params: QueryParam[];
}

/** A filter as SQL over text, its values bound. */
function whereClause(filter: Readonly<Record<string, string>>): BreakdownQuery {
  const entries = Object.entries(filter);
  return {
    sql: entries.map(([column]) => `${asText(column)} = ?`).join(' AND '),
    params: entries.map(([, value]) => value),
  };
}

/**
 * Large tables whose figures are already numbers (Parquet, or a CSV's typed table with no
 * unreadable cell in them) are summed straight from those numbers: no text is parsed.
 */
export function summedQuery(
  table: string,
  columns: BreakdownColumns,
  filter: Readonly<Record<string, string>> = {},
): BreakdownQuery {
  const figures = [columns.target, ...(columns.actual ? [columns.actual] : [])];
  const levels = columns.levels.map((level) => `${asText(level)} AS ${quoteIdentifier(level)}`);
  const sums = figures.map(
    (figure) =>
      `CAST(ROUND(SUM(${quoteIdentifier(figure)}), 6) AS VARCHAR) AS ${quoteIdentifier(figure)}`,
  );
  const where = whereClause(filter);
  const groupBy =
    levels.length > 0 ? ` GROUP BY ${columns.levels.map((_, i) => i + 1).join(', ')}` : '';
  return {
    sql: `SELECT ${[...levels, ...sums].join(', ')} FROM ${quoteIdentifier(table)}${where.sql ? ` WHERE ${where.sql}` : ''}${groupBy}`,
    params: where.params,
  };
}

/** Up to this many rows the widget reads rows as written (merged cells, subtotal rows, 万 amounts). */
export const AGGREGATE_FROM_ROWS = 20_000;

const asText = (column: string): string => `CAST(${quoteIdentifier(column)} AS VARCHAR)`;

const asNumber = (column: string): string =>
  `TRY_CAST(REPLACE(TRIM(${asText(column)}), ',', '') AS DOUBLE)`;

/** The columns of a chosen filter that the summed rows would not carry, so SQL must apply them. */
export function sqlFilter(
  source: BreakdownSource,
  columns: BreakdownColumns,
  selection: Readonly<Record<string, string>> | null | undefined,
): Record<string, string> {
  if (!selection || source.rowCount <= AGGREGATE_FROM_ROWS) return {};
  return Object.fromEntries(
    Object.entries(selection).filter(
      ([column]) => source.columns.includes(column) && !columns.levels.includes(column),
    ),
  );
}

/**
 * The SQL that reads a breakdown, every value as text. Small tables: every column as
 * written, so cross-filters on any column apply. Large tables: the engine sums target and
 * actual per level combination (after `filter`); a cell it cannot read as a plain number
 * (say `500万元`) comes through on its own row for the domain core to read, so nothing is
 * dropped. Columns keep their names.
 */
export function breakdownQuery(
  source: BreakdownSource,
  columns: BreakdownColumns,
  filter: Readonly<Record<string, string>> = {},
): BreakdownQuery {
  const from = quoteIdentifier(source.table);
  if (source.rowCount <= AGGREGATE_FROM_ROWS) {
    const all = source.columns.map((column) => `${asText(column)} AS ${quoteIdentifier(column)}`);
    return { sql: `SELECT ${all.join(', ')} FROM ${from}`, params: [] };
  }
  const figures = [columns.target, ...(columns.actual ? [columns.actual] : [])];
  const levels = columns.levels.map((level) => `${asText(level)} AS ${quoteIdentifier(level)}`);
  const number = (index: number): string => quoteIdentifier(`sx_number_${index}`);
  const text = (index: number): string => quoteIdentifier(`sx_text_${index}`);
  const cells = figures.flatMap((figure, index) => [
    `${asText(figure)} AS ${text(index)}`,
    `${asNumber(figure)} AS ${number(index)}`,
  ]);
  const where = whereClause(filter);
  const readable = figures
    .map((_, index) => `(${number(index)} IS NOT NULL OR COALESCE(TRIM(${text(index)}), '') = '')`)
    .join(' AND ');
  const levelNames = columns.levels.map(quoteIdentifier);
  const sums = figures.map(
    (figure, index) =>
      `CAST(ROUND(SUM(${number(index)}), 6) AS VARCHAR) AS ${quoteIdentifier(figure)}`,
  );
  const raw = figures.map((figure, index) => `${text(index)} AS ${quoteIdentifier(figure)}`);
  const groupBy = levelNames.length > 0 ? ` GROUP BY ${levelNames.join(', ')}` : '';
  const sql = [
    `WITH cells AS (SELECT ${[...levels, ...cells].join(', ')} FROM ${from}${where.sql ? ` WHERE ${where.sql}` : ''})`,
    `SELECT ${[...levelNames, ...sums].join(', ')} FROM cells WHERE ${readable}${groupBy}`,
    `UNION ALL`,
    `SELECT ${[...levelNames, ...raw].join(', ')} FROM cells WHERE NOT (${readable})`,
  ].join('\n');
  return { sql, params: where.params };
}

const numericTypes =
  /^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC|HUGEINT|UHUGEINT|BIGINT|UBIGINT|INTEGER|UINTEGER|SMALLINT|USMALLINT|TINYINT|UTINYINT)/;

/** Whether a column's SQL type (information_schema `data_type`) holds numbers. */
export function isNumericType(dataType: string): boolean {
  return numericTypes.test(dataType.toUpperCase());
}
