import { RemoteConnector } from '../browser/remote-connector';
import type { QueryParam } from '../connector';
import type { RemoteDatabase } from '../query/coordinator';
import { type Dialect, duckdbDialect } from '../query/dialect';

/**
 * The table a query server keeps beside its sources: their columns, one row each
 * (`table_name`, `column_name`, `data_type`, `column_index`). DuckDB's own catalogue
 * functions are refused by the server's guard, so this is what a coordinator reads.
 */
export const SERVER_CATALOGUE = 'stratex_columns';

/** DuckDB's dialect as the query server answers it: the catalogue comes from SERVER_CATALOGUE. */
export const queryServerDialect: Dialect = {
  ...duckdbDialect,
  name: 'duckdb-server',
  columns(tables) {
    const params: QueryParam[] = [];
    const names = tables.map((table) => duckdbDialect.bind(table, params)).join(', ');
    return {
      sql: `SELECT table_name, column_name, data_type FROM ${SERVER_CATALOGUE} WHERE table_name IN (${names}) ORDER BY table_name, column_index`,
      params,
    };
  },
};

export interface QueryServerSourceOptions {
  /** Longest wait for an answer (default 60 s). */
  timeoutMs?: number;
  /** For Node scripts and benchmarks: default, the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * A query server (`startQueryServer`) as the database behind a source: the coordinator
 * renders each widget's request in DuckDB's SQL and sends it there, as it does to a
 * ClickHouse cluster, and only the answers come back.
 */
export function openQueryServer(
  url: string,
  options: QueryServerSourceOptions = {},
): RemoteDatabase {
  return {
    connector: new RemoteConnector(url, options.timeoutMs, options.fetch),
    dialect: queryServerDialect,
  };
}
