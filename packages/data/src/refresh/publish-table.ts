import type { Connector } from '../connector';
import { quoteIdentifier } from '../sql';

/**
 * Swaps a freshly loaded table in under `table`, in one transaction (readers see the old
 * rows or the new, never none), and makes `sourceName` a view of it for hand-written SQL.
 */
export async function publishTable(
  connector: Connector,
  staging: string,
  table: string,
  sourceName: string,
): Promise<void> {
  const target = quoteIdentifier(table);
  try {
    await connector.query(
      `BEGIN TRANSACTION; DROP TABLE IF EXISTS ${target}; ALTER TABLE ${quoteIdentifier(staging)} RENAME TO ${target}; COMMIT;`,
    );
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
