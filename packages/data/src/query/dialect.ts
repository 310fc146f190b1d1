import type { QueryParam } from '../connector';
import { quoteIdentifier, quoteLiteral } from '../sql';
import type { Aggregate } from './contract';

/** What a column holds, in the engine-neutral words the coordinator plans with. */
export type ValueType = 'number' | 'text' | 'date' | 'boolean' | 'other';

/** SQL text and the values bound to its placeholders, in order. */
export interface BoundSql {
  sql: string;
  params: QueryParam[];
}

/**
 * How one database spells SQL. The coordinator renders every query through one of these, so
 * a second engine serves the same widgets by implementing it: its identifier quoting, its
 * type names, how values are bound, how the catalogue is read, what closes a statement.
 */
export interface Dialect {
  readonly name: string;
  /**
   * True when an alias stands for its expression anywhere in the query (ClickHouse): results
   * are then computed under private names in a subquery and renamed outside it.
   */
  readonly nestAliases?: boolean;
  /**
   * True when one scan can group by several groupings at once (`GROUP BY GROUPING SETS`,
   * with `GROUPING(…)` telling the rows of each apart).
   */
  readonly groupingSets?: boolean;
  /** A quoted identifier; every table and column name goes through here. */
  identifier(name: string): string;
  /** A value as a literal that cannot escape its quotes, for the few places that cannot bind. */
  literal(value: QueryParam): string;
  /** Binds `value` (appending it to `params`) and returns its placeholder. */
  bind(value: QueryParam, params: QueryParam[]): string;
  /** An expression as text. */
  asText(expression: string): string;
  /** A text expression read as a plain number (thousands separators allowed), or NULL. */
  asNumber(text: string): string;
  /** True when a text expression is NULL or only spaces. */
  isBlank(text: string): string;
  aggregate(aggregate: Aggregate, expression: string): string;
  /** How a measure already aggregated into a pre-aggregate rolls up further, if it can. */
  rollUp(aggregate: Aggregate, expression: string): string | undefined;
  round(expression: string, digits: number): string;
  /** The catalogue of `tables`: rows of `table_name`, `column_name`, `data_type`, in column order. */
  columns(tables: readonly string[]): BoundSql;
  /** Reads a catalogue type name. */
  valueType(dataType: string): ValueType;
  /**
   * Two tables of the same rows in the same order (a CSV's text table and its typed twin)
   * side by side, if the engine can: what to select from, and how to name each one's column.
   */
  alignRows?(
    textTable: string,
    typedTable: string,
  ): { from: string; text(column: string): string; typed(column: string): string };
  /**
   * Each row's number in its table, from 1 in the order the rows were loaded, if the engine
   * keeps one (DuckDB's `rowid`); a remote server's tables have no such order.
   */
  rowNumber?: string;
  /** A statement that keeps `select`'s result as a temporary table `name`. */
  createTemporary(name: string, select: string): string;
  dropTable(name: string): string;
  /** ` LIMIT n`. */
  limit(count: number): string;
  /** The last words of a statement (an output format, settings), or nothing. */
  finish(sql: string): string;
}

/**
 * How a database that the engine loads exports into spells the statements on its own
 * tables: creating, swapping, dropping and viewing them. The engine's files write no SQL:
 * they ask one of these.
 */
export interface TableDialect extends Dialect {
  /** One row, `n`: how many rows `table` holds, as a double. */
  rowCount(table: string): string;
  /** Creates (or replaces) table `name` with the rows of `select`. */
  createTableAs(name: string, select: string): string;
  /** Creates (or replaces) table `name` as a copy of every row of `from`. */
  copyTable(name: string, from: string): string;
  /** Creates (or replaces) an empty table whose columns all hold text. */
  createTextTable(name: string, columns: readonly string[]): string;
  /** Renames `from` to `to`, dropping any table already called `to`. */
  replaceTable(from: string, to: string): string;
  /** One row, `n`: above 0 when a table called `name` exists. */
  tableExists(name: string): BoundSql;
  /** Makes (or remakes) `name` a view of every row of `table`. */
  createView(name: string, table: string): string;
  /** The statements as one transaction: all of them take effect, or none. */
  transaction(statements: readonly string[]): string;
  /** Undoes a transaction left open by a failed statement. */
  rollback(): string;
}

/** One row, `n`: how many rows `table` holds, as a double, in any dialect. */
export function rowCountSql(dialect: Dialect, table: string): string {
  return `SELECT ${dialect.aggregate('count', '*')} AS n FROM ${dialect.identifier(table)}`;
}

const numberTypes =
  /^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC|HUGEINT|UHUGEINT|BIGINT|UBIGINT|INTEGER|UINTEGER|SMALLINT|USMALLINT|TINYINT|UTINYINT)/;

/** DuckDB (WASM in the page, native in Node and on a server). */
export const duckdbDialect: TableDialect = {
  name: 'duckdb',
  groupingSets: true,
  identifier: quoteIdentifier,
  literal(value) {
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error('A literal number must be finite.');
      return String(value);
    }
    return quoteLiteral(value);
  },
  bind(value, params) {
    params.push(value);
    return '?';
  },
  asText: (expression) => `CAST(${expression} AS VARCHAR)`,
  asNumber: (text) => `TRY_CAST(REPLACE(TRIM(${text}), ',', '') AS DOUBLE)`,
  isBlank: (text) => `COALESCE(TRIM(${text}), '') = ''`,
  // Every measure comes back as DOUBLE: integer sums would otherwise be 128-bit.
  aggregate: (aggregate, expression) => `CAST(${aggregate.toUpperCase()}(${expression}) AS DOUBLE)`,
  rollUp(aggregate, expression) {
    if (aggregate === 'sum') return `SUM(${expression})`;
    // A count over no rows is 0, not NULL.
    if (aggregate === 'count') return `COALESCE(SUM(${expression}), 0)`;
    if (aggregate === 'min' || aggregate === 'max')
      return `${aggregate.toUpperCase()}(${expression})`;
    return undefined;
  },
  round: (expression, digits) => `ROUND(${expression}, ${Math.trunc(digits)})`,
  columns(tables) {
    // Each table's own columns: listing the whole catalogue (duckdb_columns()) makes DuckDB
    // build its system views first, a few hundred milliseconds on a page's first load. A name
    // with a double quote cannot be named to pragma_table_info, and is looked up in the list.
    const params: QueryParam[] = [];
    const bind = (value: string): string => duckdbDialect.bind(value, params);
    const parts = tables.map((table) =>
      table.includes('"')
        ? `SELECT table_name, column_name, data_type, column_index FROM duckdb_columns() WHERE table_name = ${bind(table)}`
        : `SELECT ${bind(table)} AS table_name, name AS column_name, type AS data_type, cid AS column_index FROM pragma_table_info(${bind(`"${table}"`)})`,
    );
    if (parts.length === 0)
      parts.push(
        "SELECT '' AS table_name, '' AS column_name, '' AS data_type, 0 AS column_index WHERE FALSE",
      );
    return {
      sql: `SELECT table_name, column_name, data_type FROM (${parts.join(' UNION ALL ')}) ORDER BY table_name, column_index`,
      params,
    };
  },
  valueType(dataType) {
    const type = dataType.toUpperCase();
    if (numberTypes.test(type)) return 'number';
    if (type === 'VARCHAR' || type.startsWith('VARCHAR(')) return 'text';
    if (type === 'DATE' || type.startsWith('TIMESTAMP')) return 'date';
    if (type === 'BOOLEAN') return 'boolean';
    return 'other';
  },
  alignRows: (textTable, typedTable) => ({
    from: `${quoteIdentifier(textTable)} AS r POSITIONAL JOIN ${quoteIdentifier(typedTable)} AS t`,
    text: (column) => `r.${quoteIdentifier(column)}`,
    typed: (column) => `t.${quoteIdentifier(column)}`,
  }),
  rowNumber: '(rowid + 1)',
  createTemporary: (name, select) =>
    `CREATE OR REPLACE TEMPORARY TABLE ${quoteIdentifier(name)} AS ${select}`,
  dropTable: (name) => `DROP TABLE IF EXISTS ${quoteIdentifier(name)}`,
  limit: (count) => ` LIMIT ${Math.max(0, Math.trunc(count))}`,
  finish: (sql) => sql,
  rowCount: (table) => rowCountSql(duckdbDialect, table),
  createTableAs: (name, select) => `CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS ${select}`,
  copyTable: (name, from) =>
    `CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(from)}`,
  createTextTable: (name, columns) =>
    `CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${columns.map((column) => `${quoteIdentifier(column)} VARCHAR`).join(', ')})`,
  replaceTable: (from, to) =>
    `DROP TABLE IF EXISTS ${quoteIdentifier(to)}; ALTER TABLE ${quoteIdentifier(from)} RENAME TO ${quoteIdentifier(to)}`,
  tableExists: (name) => ({
    sql: 'SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = ?',
    params: [name],
  }),
  createView: (name, table) =>
    `CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${quoteIdentifier(table)}`,
  transaction: (statements) => `BEGIN TRANSACTION; ${statements.join('; ')}; COMMIT;`,
  rollback: () => 'ROLLBACK',
};
