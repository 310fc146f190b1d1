import type { QueryParam } from '../connector';
import type { DimensionFilter, Measure } from './contract';
import type { BoundSql, Dialect } from './dialect';
import { whereClause } from './render';
import { POSITION } from './typed-rows';

/** Rows dated from `from` (if given) through `through`, ISO days, in the date column `column`. */
export interface DrillDays {
  column: string;
  from?: string | undefined;
  through: string;
}

/** Which rows of a table a drill reads: those that match the filter, and the days when given. */
interface Matching {
  filter: DimensionFilter;
  days?: DrillDays | undefined;
}

/** Name of the row id column of a page's ids (`renderPageIds`). */
export const ROW_ID = 'sx_row';

/** ` WHERE …`: `filter` over text cells, and `days` over a date `dated` gives. */
function matchingWhere(
  dialect: Dialect,
  matching: Matching,
  params: QueryParam[],
  text: (column: string) => string,
  dated: (column: string) => string,
): string {
  const where = whereClause(dialect, matching.filter, params, text);
  const days = matching.days;
  if (!days) return where;
  const date = dated(days.column);
  const terms = [
    ...(days.from ? [`${date} >= CAST(${dialect.bind(days.from, params)} AS DATE)`] : []),
    `${date} <= CAST(${dialect.bind(days.through, params)} AS DATE)`,
  ];
  return `${where}${where ? ' AND ' : ' WHERE '}${terms.join(' AND ')}`;
}

/** A stored column's date, whatever its date or timestamp type. */
const storedDay =
  (dialect: Dialect) =>
  (column: string): string =>
    `CAST(${dialect.identifier(column)} AS DATE)`;

/** The rows of `table` that match (cells compared as text), counted as `n`. */
export function renderMatchingCount(dialect: Dialect, table: string, matching: Matching): BoundSql {
  const params: QueryParam[] = [];
  const id = (column: string): string => dialect.identifier(column);
  const where = matchingWhere(dialect, matching, params, id, storedDay(dialect));
  const sql = `SELECT count(*) AS ${id('n')} FROM ${id(table)}${where}`;
  return { sql: dialect.finish(sql), params };
}

/**
 * A page of the rows of `table` that match, in the table's own order: `columns` as stored, and
 * first, when the dialect keeps one, each row's number in the table as `sx_position`.
 */
export function renderStoredPage(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  page: Matching & { offset: number; limit: number },
): BoundSql {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  const list = columns.map(id);
  if (dialect.rowNumber) list.unshift(`${dialect.rowNumber} AS ${id(POSITION)}`);
  const where = matchingWhere(dialect, page, params, id, storedDay(dialect));
  const sql = `SELECT ${list.join(', ')} FROM ${id(table)}${where}${dialect.limit(page.limit)}${offsetOf(page.offset)}`;
  return { sql: dialect.finish(sql), params };
}

/**
 * Sums of `measures` over the stored rows of `table` that match, with their count as `n`, each
 * sum named as its measure names it: an alert's days, which no figure answered already holds.
 */
export function renderStoredSums(
  dialect: Dialect,
  table: string,
  measures: readonly Measure[],
  matching: Matching,
): BoundSql {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  const where = matchingWhere(dialect, matching, params, id, storedDay(dialect));
  const sums = measures.map((measure) => {
    const sum = dialect.aggregate('sum', id(measure.column));
    const rounded = measure.digits === undefined ? sum : dialect.round(sum, measure.digits);
    return `${rounded} AS ${id(measure.as ?? measure.column)}`;
  });
  const sql = `SELECT ${['count(*) AS ' + id('n'), ...sums].join(', ')} FROM ${id(table)}${where}`;
  return { sql: dialect.finish(sql), params };
}

function offsetOf(offset: number): string {
  return offset > 0 ? ` OFFSET ${Math.max(0, Math.trunc(offset))}` : '';
}

/*
 * A CSV's text table and its typed twin in DuckDB hold the same rows in the same order, so a
 * row's `rowid` is the same in both. A page is found in the text table alone (the scan stops
 * at the page), and only its rows are then read from both tables, side by side.
 */

/** The text table's ids of a page of the rows that match (`sx_row`), in the file's order. */
export function renderPageIds(
  dialect: Dialect,
  tables: { text: string; typed: string },
  page: Matching & { offset: number; limit: number },
): BoundSql {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  let where = whereClause(dialect, page.filter, params, id);
  if (page.days) {
    const typedDays = matchingWhere(dialect, { filter: {}, days: page.days }, params, id, id);
    where += `${where ? ' AND ' : ' WHERE '}rowid IN (SELECT rowid FROM ${id(tables.typed)}${typedDays})`;
  }
  const sql = `SELECT rowid AS ${id(ROW_ID)} FROM ${id(tables.text)}${where}${dialect.limit(page.limit)}${offsetOf(page.offset)}`;
  return { sql: dialect.finish(sql), params };
}

/**
 * `dialect`, its text table and typed twin aligned on the rows `ids` only (whole numbers, in
 * order): the range lets the scans skip to them, which a list alone does not.
 */
export function alignedOn(dialect: Dialect, ids: readonly number[]): Dialect {
  const whole = ids.map((value) => Math.trunc(value));
  const range =
    whole.length === 0
      ? 'FALSE'
      : `rowid BETWEEN ${Math.min(...whole)} AND ${Math.max(...whole)} AND rowid IN (${whole.join(', ')})`;
  const only = (table: string): string =>
    `(SELECT * FROM ${dialect.identifier(table)} WHERE ${range})`;
  return {
    ...dialect,
    alignRows: (textTable, typedTable) => ({
      from: `${only(textTable)} AS r POSITIONAL JOIN ${only(typedTable)} AS t`,
      text: (column) => `r.${dialect.identifier(column)}`,
      typed: (column) => `t.${dialect.identifier(column)}`,
    }),
  };
}

/**
 * The count (`n`) and sums of `measures` over the typed twin's rows that match (the text
 * table's cells against the filter, the twin's dates against the days), and as `sx_unread` the
 * rows where a measure's cell is written but could not be read as a number.
 */
export function renderTwinSums(
  dialect: Dialect,
  tables: { text: string; typed: string },
  measures: readonly Measure[],
  matching: Matching,
): BoundSql {
  const aligned = dialect.alignRows?.(tables.text, tables.typed);
  if (!aligned) throw new Error(`The ${dialect.name} dialect cannot read a typed twin.`);
  const id = (name: string): string => dialect.identifier(name);
  const params: QueryParam[] = [];
  const where = matchingWhere(dialect, matching, params, aligned.text, aligned.typed);
  const sums = measures.map((measure) => {
    const sum = dialect.aggregate('sum', aligned.typed(measure.column));
    const rounded = measure.digits === undefined ? sum : dialect.round(sum, measure.digits);
    return `${rounded} AS ${id(measure.as ?? measure.column)}`;
  });
  const unread = measures
    .map(
      (measure) =>
        `(${aligned.typed(measure.column)} IS NULL AND NOT ${dialect.isBlank(aligned.text(measure.column))})`,
    )
    .join(' OR ');
  const list = [
    `count(*) AS ${id('n')}`,
    ...sums,
    ...(unread ? [`count(*) FILTER (WHERE ${unread}) AS ${id('sx_unread')}`] : []),
  ];
  const sql = `SELECT ${list.join(', ')} FROM ${aligned.from}${where}`;
  return { sql: dialect.finish(sql), params };
}
