import type { QueryParam } from '../connector';
import type { DimensionFilter } from './contract';
import type { BoundSql, Dialect } from './dialect';
import { whereClause } from './render';
import { POSITION } from './typed-rows';

/** The rows of `table` that match `filter` (cells compared as text), counted as `n`. */
export function renderMatchingCount(
  dialect: Dialect,
  table: string,
  filter: DimensionFilter,
): BoundSql {
  const params: QueryParam[] = [];
  const where = whereClause(dialect, filter, params, (column) => dialect.identifier(column));
  const sql = `SELECT count(*) AS ${dialect.identifier('n')} FROM ${dialect.identifier(table)}${where}`;
  return { sql: dialect.finish(sql), params };
}

/**
 * A page of the rows of `table` that match `filter`, in the table's own order: `columns` as
 * stored, and first, when the dialect keeps one, each row's number in the table as `sx_position`.
 */
export function renderStoredPage(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  page: { filter: DimensionFilter; offset: number; limit: number },
): BoundSql {
  const params: QueryParam[] = [];
  const id = (name: string): string => dialect.identifier(name);
  const list = columns.map(id);
  if (dialect.rowNumber) list.unshift(`${dialect.rowNumber} AS ${id(POSITION)}`);
  const where = whereClause(dialect, page.filter, params, id);
  const offset = page.offset > 0 ? ` OFFSET ${Math.max(0, Math.trunc(page.offset))}` : '';
  const sql = `SELECT ${list.join(', ')} FROM ${id(table)}${where}${dialect.limit(page.limit)}${offset}`;
  return { sql: dialect.finish(sql), params };
}
