import { loadError } from '../fetch-bytes';
import { type LoadedTable, recordsOf } from '../loaded-table';
import type { RemoteDatabase } from '../query/coordinator';
import { rowCountSql } from '../query/dialect';

/**
 * `table` of a database of its own (a ClickHouse cluster) as a loaded table: its columns and
 * row count, read in that database's dialect. No row is fetched.
 */
export async function describeRemoteTable(
  table: string,
  { connector, dialect }: RemoteDatabase,
): Promise<LoadedTable> {
  const columns = dialect.columns([table]);
  const [described, counted] = await Promise.all([
    connector.query(columns.sql, columns.params),
    connector.query(rowCountSql(dialect, table)),
  ]);
  const names = recordsOf(described).map((row) => String(row.column_name));
  if (names.length === 0)
    throw loadError('remoteTableMissing', { file: table, table, server: connector.kind });
  return {
    table,
    file: table,
    columns: names,
    rowCount: Number(recordsOf(counted)[0]?.n ?? 0),
    encoding: connector.kind,
  };
}
