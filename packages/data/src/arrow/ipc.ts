import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { arrowLayout } from './layout';

export { arrowLayout };

/** The IPC stream DuckDB inserts from, whichever layout the bytes came in. */
export function toArrowStream(bytes: Uint8Array): Uint8Array {
  const layout = arrowLayout(bytes);
  if (layout === 'stream') return bytes;
  if (layout === 'file') return tableToIPC(tableFromIPC(bytes), 'stream');
  throw new Error(
    'The bytes are not an Arrow IPC file or stream (no Arrow signature at the start).',
  );
}

/** An in-memory Arrow table as an IPC stream. */
export function tableToArrowStream(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}
