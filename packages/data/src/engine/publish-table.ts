import type { Connector } from '../connector';
import type { TableDialect } from '../query/dialect';

/**
 * Swaps a freshly loaded table (and its typed twin, for CSV) in under `table`, in one
 * transaction (readers see the old rows or the new, never none), and makes `sourceName` a
 * view of it for hand-written SQL.
 */
export async function publishTable(
  connector: Connector,
  dialect: TableDialect,
  staging: string,
  table: string,
  sourceName: string,
): Promise<void> {
  const twin = dialect.tableExists(`${staging}_typed`);
  const typed = await connector.query(twin.sql, twin.params);
  const swaps = [[staging, table]];
  if (Number(typed.getChild('n')?.get(0) ?? 0) > 0)
    swaps.push([`${staging}_typed`, `${table}_typed`]);
  const statements = swaps.map(([from, to]) => dialect.replaceTable(from!, to!));
  try {
    await connector.query(dialect.transaction(statements));
  } catch (cause) {
    await connector.query(dialect.rollback()).catch(() => undefined);
    throw cause;
  }
  if (sourceName !== table) {
    await connector.query(dialect.createView(sourceName, table)).catch(() => undefined);
  }
}
