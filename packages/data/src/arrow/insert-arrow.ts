import type { Table } from 'apache-arrow';
import type { Connector } from '../connector';
import { tableToArrowStream, toArrowStream } from './ipc';

/** Inserts Arrow IPC bytes (file or stream layout) as `table`; says plainly when they are not Arrow. */
export async function insertArrowBytes(
  connector: Connector,
  table: string,
  bytes: Uint8Array,
): Promise<void> {
  const stream = toArrowStream(bytes);
  await connector.insertArrow(table, stream);
}

/** Inserts an in-memory Arrow table as `table`. */
export async function insertArrowTable(
  connector: Connector,
  table: string,
  arrow: Table,
): Promise<void> {
  if (arrow.numCols === 0) throw new Error('The Arrow table has no columns.');
  await connector.insertArrow(table, tableToArrowStream(arrow));
}
