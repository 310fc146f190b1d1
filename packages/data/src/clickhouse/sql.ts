import type { QueryParam } from '../connector';
import { isTextClickHouseType } from './json-compact';
import { clickhouseIdentifier as id } from './literals';

/**
 * ClickHouse SQL for what the widgets ask of a large fact table. Every statement sums on
 * the server and sends back aggregates only. Written for 18.16, which lacks table CTEs
 * (`WITH x AS (SELECT …)`), window functions, `TRY_CAST` and `CAST(… AS VARCHAR)`: the
 * statements use nested subqueries, `toString`, `toFloat64OrNull`, and leave running totals
 * to the domain core, which builds them from daily sums.
 */

/** SQL with `?` placeholders and the values for them, in order. */
export interface BoundStatement {
  sql: string;
  params: QueryParam[];
}

/** Column → the value(s) a selection keeps; several values mean any of them. */
export type EqualityFilter = Readonly<Record<string, QueryParam | readonly QueryParam[]>>;

/** Column → ClickHouse type, as `system.columns` states it; lets filters skip `toString`. */
export type ColumnTypes = Readonly<Record<string, string>>;

export interface GroupedFiguresRequest {
  table: string;
  /** Level columns, top first; none for the grand total. */
  levels: readonly string[];
  target: string;
  actual?: string | undefined;
  filter?: EqualityFilter | undefined;
  types?: ColumnTypes | undefined;
}

/** A column as text: as is when it already holds text, else through `toString`. */
function asText(column: string, types: ColumnTypes | undefined): string {
  const type = types?.[column];
  return type !== undefined && isTextClickHouseType(type) ? id(column) : `toString(${id(column)})`;
}

/** `WHERE a = ? AND b IN (?, ?)` with values as given; empty when nothing is filtered. */
export function whereClause(filter: EqualityFilter = {}, types?: ColumnTypes): BoundStatement {
  const terms: string[] = [];
  const params: QueryParam[] = [];
  for (const [column, wanted] of Object.entries(filter)) {
    const values: readonly QueryParam[] = Array.isArray(wanted)
      ? (wanted as readonly QueryParam[])
      : [wanted as QueryParam];
    if (values.length === 0) {
      terms.push('0');
      continue;
    }
    const textual = values.every((value) => typeof value === 'string');
    const left = textual ? asText(column, types) : id(column);
    terms.push(
      values.length === 1 ? `${left} = ?` : `${left} IN (${values.map(() => '?').join(', ')})`,
    );
    params.push(...values);
  }
  return { sql: terms.length ? ` WHERE ${terms.join(' AND ')}` : '', params };
}

/**
 * The treemap's figures: one row per combination of levels (as text, named after their
 * columns), with the target and actual summed under their own names and the row count as
 * `sx_rows`. Sums of Decimal columns are exact; the achievement rate is the domain core's,
 * from these sums, as it is on every engine. ClickHouse lets an alias stand for its
 * expression anywhere in a query, so the sums are taken under private names in a subquery
 * and renamed outside it, where no WHERE or GROUP BY can mistake them for the columns.
 */
export function groupedFigures(request: GroupedFiguresRequest): BoundStatement {
  const { table, levels, target, actual, filter, types } = request;
  const figures = [target, ...(actual ? [actual] : [])];
  const level = (index: number): string => `sx_level_${index}`;
  const figure = (index: number): string => `sx_figure_${index}`;
  const inner = [
    ...levels.map((name, index) => `${id(name)} AS ${level(index)}`),
    ...figures.map((name, index) => `sum(${id(name)}) AS ${figure(index)}`),
    'count() AS sx_rows',
  ];
  const outer = [
    ...levels.map((name, index) => `toString(${level(index)}) AS ${id(name)}`),
    ...figures.map((name, index) => `${figure(index)} AS ${id(name)}`),
    'sx_rows',
  ];
  const where = whereClause(filter, types);
  const keys = levels.map((_, index) => level(index)).join(', ');
  const grouping = levels.length ? ` GROUP BY ${keys}` : '';
  const order = levels.length ? ` ORDER BY ${keys}` : '';
  return {
    sql: `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${id(table)}${where.sql}${grouping})${order}`,
    params: where.params,
  };
}

export interface ScorecardRowsRequest {
  table: string;
  /** The column whose values become the scorecard's rows (评估维度). */
  dimension: string;
  target: string;
  actual: string;
  filter?: EqualityFilter | undefined;
  types?: ColumnTypes | undefined;
}

/** The scorecard's rows from facts: per value of `dimension`, target and actual summed. */
export function scorecardRows(request: ScorecardRowsRequest): BoundStatement {
  const { table, dimension, target, actual, filter, types } = request;
  return groupedFigures({ table, levels: [dimension], target, actual, filter, types });
}

export interface DailySeriesRequest {
  table: string;
  date: string;
  /** Summed per day, each under its own name. */
  measures: readonly string[];
  /** Optional: one series per value of this column (the KPI's name). */
  metric?: string | undefined;
  /** Inclusive ISO dates. */
  from?: string | undefined;
  to?: string | undefined;
  filter?: EqualityFilter | undefined;
  types?: ColumnTypes | undefined;
}

/**
 * The variance alerts' series: per day (and metric), each measure summed. Running totals
 * and pace come from the domain core, as for a daily KPI file: 18.16 has no window
 * functions, and `arrayCumSum` refuses Decimal.
 */
export function dailySeries(request: DailySeriesRequest): BoundStatement {
  const { table, date, measures, metric, from, to, filter, types } = request;
  const where = whereClause(filter, types);
  const conditions = where.sql ? [where.sql.replace(/^ WHERE /, '')] : [];
  const params = [...where.params];
  if (from !== undefined) {
    conditions.push(`${id(date)} >= toDate(?)`);
    params.push(from);
  }
  if (to !== undefined) {
    conditions.push(`${id(date)} <= toDate(?)`);
    params.push(to);
  }
  const figure = (index: number): string => `sx_figure_${index}`;
  const keys = ['sx_day', ...(metric ? ['sx_metric'] : [])];
  const inner = [
    `${id(date)} AS sx_day`,
    ...(metric ? [`${id(metric)} AS sx_metric`] : []),
    ...measures.map((name, index) => `sum(${id(name)}) AS ${figure(index)}`),
  ];
  const outer = [
    `toString(sx_day) AS ${id(date)}`,
    ...(metric ? [`toString(sx_metric) AS ${id(metric)}`] : []),
    ...measures.map((name, index) => `${figure(index)} AS ${id(name)}`),
  ];
  const filtered = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return {
    sql: `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${id(table)}${filtered} GROUP BY ${keys.join(', ')}) ORDER BY ${keys.join(', ')}`,
    params,
  };
}

/** The catalogue: a table's columns and their types, from `system.columns` (not `duckdb_columns()`). */
export function columnsOf(table: string): BoundStatement {
  return {
    sql: 'SELECT name AS column_name, type AS data_type FROM system.columns WHERE database = currentDatabase() AND table = ?',
    params: [table],
  };
}

/** How many rows a table holds (a `Distributed` table counts every shard). */
export function rowCountOf(table: string): BoundStatement {
  return { sql: `SELECT count() AS row_count FROM ${id(table)}`, params: [] };
}

/**
 * A figure cell read as a number the way the widgets read plain numbers: trimmed, thousands
 * commas dropped, else NULL (DuckDB's `TRY_CAST(REPLACE(TRIM(x), ',', '') AS DOUBLE)`).
 */
export function numberFromText(column: string, types?: ColumnTypes): string {
  const trimmed = `replaceRegexpAll(${asText(column, types)}, '^\\\\s+|\\\\s+$', '')`;
  return `toFloat64OrNull(replaceAll(${trimmed}, ',', ''))`;
}
