import { NativeConnector } from '@stratex/data/node';
import type { QueryParam } from '../../../src/connector';
import { type RecordRow, recordsOf } from '../../../src/loaded-table';
import { type BoundSql, duckdbDialect } from '../../../src/query/dialect';

/** A native DuckDB database for one test, and every statement it was sent. */
export interface TestDatabase {
  readonly dialect: typeof duckdbDialect;
  run(query: BoundSql): Promise<RecordRow[]>;
  /** SQL written by hand, not counted in `sent`. */
  records(sql: string, params?: readonly QueryParam[]): Promise<RecordRow[]>;
  readonly sent: string[];
  close(): Promise<void>;
}

/** Orders of four regions and two channels: the figures the tests compare with. */
export const ORDERS = `CREATE TABLE orders AS SELECT * FROM (VALUES
  ('华东', '直销', 10.5, 3), ('华东', '渠道', 4.0, 1), ('华东', '直销', 1.5, 2),
  ('华北', '直销', 7.25, 1), ('华北', '渠道', 2.0, 5), ('华南', '渠道', 8.0, 2),
  ('西南', '直销', NULL, 4)
) AS t(region, channel, amount, units)`;

export async function openDatabase(...setup: string[]): Promise<TestDatabase> {
  const connector = await NativeConnector.open();
  for (const sql of setup) await connector.query(sql);
  const sent: string[] = [];
  const records = async (sql: string, params: readonly QueryParam[] = []): Promise<RecordRow[]> =>
    recordsOf(await connector.query(sql, params));
  return {
    dialect: duckdbDialect,
    sent,
    records,
    async run(query) {
      sent.push(query.sql);
      return records(query.sql, query.params);
    },
    close: () => connector.close(),
  };
}

/** Rows in one order whatever order the database grouped them in. */
export function sorted(rows: readonly RecordRow[]): RecordRow[] {
  const key = (row: RecordRow): string => JSON.stringify(Object.values(row));
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}
