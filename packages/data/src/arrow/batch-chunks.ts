import type { RecordBatch } from 'apache-arrow';

/**
 * Rows handed to the database at a time: a big table is not copied whole at once (at 1M rows
 * a typed table sent whole raised the page's peak memory by about 90 MB), in few appends.
 */
export const CHUNK_ROWS = 262_144;

/** Creates the table from an Arrow IPC stream (`append`: adds the rows to it). */
export type ChunkInsert = (ipc: Uint8Array, append: boolean) => Promise<void>;

/**
 * Hands a record batch to the database in chunks of `chunkRows` rows, each its own IPC
 * stream: the next is written while the database takes in the last, and each is dropped
 * once taken, so neither the page nor the database's memory holds the whole table twice.
 * `onChunk` hears the rows the database has taken in so far, each time a chunk has been sent.
 */
export async function insertInChunks(
  insert: ChunkInsert,
  batch: RecordBatch,
  onChunk?: (rows: number) => void,
  chunkRows = CHUNK_ROWS,
): Promise<void> {
  const { Table, tableToIPC } = await import('apache-arrow');
  const rows = batch.numRows;
  let inserting: Promise<void> | undefined;
  for (let start = 0; start < rows || start === 0; start += chunkRows) {
    const end = Math.min(rows, start + chunkRows);
    const ipc = tableToIPC(new Table([batch.slice(start, end)]), 'stream');
    await inserting;
    inserting = insert(ipc, start > 0);
    // Awaited before the next chunk or below; until then its failure is not unhandled.
    inserting.catch(() => undefined);
    // Heard once the chunk is on its way, never before the database was asked for anything.
    onChunk?.(start);
    if (end >= rows) break;
  }
  await inserting;
  onChunk?.(rows);
}
