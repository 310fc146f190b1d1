import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';

const FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const STREAM_CONTINUATION = [0xff, 0xff, 0xff, 0xff];

/** Which Arrow IPC layout `bytes` use, if any. */
export function arrowLayout(bytes: Uint8Array): 'file' | 'stream' | undefined {
  if (FILE_MAGIC.every((byte, index) => bytes[index] === byte)) return 'file';
  if (STREAM_CONTINUATION.every((byte, index) => bytes[index] === byte)) return 'stream';
  return undefined;
}

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
