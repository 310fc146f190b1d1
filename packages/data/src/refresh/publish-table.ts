import type { Connector } from '../connector';
import { quoteIdentifier } from '../sql';

/**
 * Swaps a freshly loaded table (and its typed twin, for CSV) in under `table`, in one
 * transaction (readers see the old rows or the new, never none), and makes `sourceName` a
 * view of it for hand-written SQL.
 */
export async function publishTable(
  connector: Connector,
  staging: string,
  table: string,
  sourceName: string,
): Promise<void> {
  const target = quoteIdentifier(table);
  const typed = await connector.query(
    'SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = ?',
    [`${staging}_typed`],
  );
  const swaps = [[staging, table]];
  if (Number(typed.getChild('n')?.get(0) ?? 0) > 0)
    swaps.push([`${staging}_typed`, `${table}_typed`]);
  const statements = swaps.map(
    ([from, to]) =>
      `DROP TABLE IF EXISTS ${quoteIdentifier(to!)}; ALTER TABLE ${quoteIdentifier(from!)} RENAME TO ${quoteIdentifier(to!)};`,
  );
  try {
    await connector.query(`BEGIN TRANSACTION; ${statements.join(' ')} COMMIT;`);
  } catch (cause) {
    await connector.query('ROLLBACK').catch(() => undefined);
    throw cause;
  }
  if (sourceName !== table) {
    await connector
      .query(`CREATE OR REPLACE VIEW ${quoteIdentifier(sourceName)} AS SELECT * FROM ${target}`)
      .catch(() => undefined);
  }
}
