import { quoteIdentifier, quoteLiteral } from '../../sql';

/*
 * How DuckDB reads a CSV's rows into the text table, and samples them: the DuckDB loader's
 * own statements (see `cell-sql.ts` for why they are written for DuckDB alone).
 */

/** How DuckDB is to read the rows: no header, no guessing, every column text. */
export interface TextRows {
  names: readonly string[];
  delimiter: string;
  newline: '\n' | '\r\n';
  /** Bytes in the longest row. */
  longestRow: number;
}

/** Every row of a registered CSV file, each column text, as written. */
export function readCsvSql(fileName: string, rows: TextRows): string {
  const types = rows.names.map((name) => `${quoteLiteral(name)}: 'VARCHAR'`);
  const lineSize = Math.max(2_097_152, rows.longestRow + 1024);
  return (
    `SELECT * FROM read_csv(${quoteLiteral(fileName)}, header = false, auto_detect = false, ` +
    `delim = ${quoteLiteral(rows.delimiter)}, quote = '"', escape = '"', ` +
    `new_line = '${rows.newline === '\r\n' ? '\\r\\n' : '\\n'}', ` +
    `max_line_size = ${lineSize}, buffer_size = ${Math.max(16 * 1_048_576, lineSize * 2)}, ` +
    `columns = {${types.join(', ')}})`
  );
}

/** The first `count` rows of `columns`. */
export function firstRowsSql(table: string, columns: readonly string[], count: number): string {
  return `SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table)} LIMIT ${count}`;
}

/** A seeded random draw of `count` rows of `columns`: the same rows on every load. */
export function sampledRowsSql(table: string, columns: readonly string[], count: number): string {
  return `SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table)} USING SAMPLE reservoir(${count} ROWS) REPEATABLE (20240930)`;
}
