import type { Connector } from '../connector';
import { loadError, type ProgressListener } from '../fetch-bytes';
import { widenHalfFloats } from '../arrow/widen-half-floats';
import { matchColumns } from '../guard/column-names';
import { ChunkedInsert } from '../arrow/chunked-insert';
import { RefusedStream, refusedColumn } from './unreadable-column';
import { outlineParquet } from './inspect';
import { planReads } from './read-plan';
import type { ParquetDecoder } from './parquet-module';

export interface ParquetLoadOptions {
  /** Only these columns are decoded and loaded (names are checked, with suggestions). */
  columns?: readonly string[];
  /** Largest decoded size accepted, so a small file cannot expand past what the page holds. */
  maxDecodedBytes?: number;
  /**
   * Most decoded bytes sent to the database's worker in one message (default 256 MB). A larger
   * table goes in several, row group by row group, so no single message outgrows what a
   * browser can post, and the next chunk is decoded while the worker inserts the last.
   */
  chunkBytes?: number;
  onProgress?: ProgressListener;
  /**
   * Drops a table (the database's own statement). Given, a refused load is probed column by
   * column in a scratch table it drops, so the message can name the column and its type.
   */
  dropTable?: (table: string) => Promise<unknown>;
}

export const DEFAULT_MAX_DECODED_BYTES = 1024 ** 3;
export const DEFAULT_CHUNK_BYTES = 256 * 1024 ** 2;

const mebibytes = (bytes: number): string =>
  `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;

/**
 * Decodes Parquet in the page (no download of DuckDB's Parquet extension, which hangs
 * offline) a few row groups at a time (`planReads`), reporting rows read, and inserts them in
 * file order, in chunks of at most `chunkBytes`. A `connector` still starting is waited for
 * only by the first insert: the file is decoded meanwhile. Failures throw a message that says what is wrong with the
 * file: a column of a type the page cannot read is named with its type; the caller names the rest.
 */
export async function insertParquet(
  connecting: Connector | Promise<Connector>,
  decoder: ParquetDecoder,
  table: string,
  bytes: Uint8Array,
  file: string,
  options: ParquetLoadOptions = {},
): Promise<void> {
  const { columns: available, types, rowGroups, rowCount } = outlineParquet(bytes, file);
  const columns = options.columns ? matchColumns(options.columns, available, file) : undefined;
  const outline = columns ? outlineParquet(bytes, file, columns) : undefined;
  const decodedBytes = (outline?.rowGroups ?? rowGroups).reduce(
    (sum, g) => sum + g.decodedBytes,
    0,
  );
  const limit = options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES;
  if (decodedBytes > limit) {
    throw loadError(
      'parquetTooLarge',
      { file, size: mebibytes(decodedBytes), limit: mebibytes(limit) },
      `${decodedBytes} bytes decoded; limit ${limit} bytes`,
    );
  }
  const reader = await decoder.open(bytes);
  try {
    const report = (rowsLoaded: number): void =>
      options.onProgress?.({
        phase: 'load',
        bytesRead: bytes.byteLength,
        totalBytes: bytes.byteLength,
        rowsLoaded,
        totalRows: rowCount,
      });
    const chunks = new ChunkedInsert(
      async (stream, append) =>
        (await connecting)
          .insertArrow(table, stream, { append })
          .catch((cause: unknown) => Promise.reject(new RefusedStream(cause))),
      options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    );
    const reads = planReads(outline?.rowGroups ?? rowGroups, bytes.byteLength);
    try {
      if (reads.length === 0) {
        await chunks.add(widenHalfFloats(await reader.read(undefined, columns)));
      }
      let rowsRead = 0;
      for (const [index, read] of reads.entries()) {
        await chunks.add(widenHalfFloats(await reader.read(read, columns)));
        for (const group of read) rowsRead += rowGroups[group]?.rowCount ?? 0;
        if (index < reads.length - 1) report(rowsRead);
      }
      await chunks.finish();
      if (reads.length > 0) report(rowsRead);
    } catch (cause) {
      await chunks.abandon();
      if (!(cause instanceof RefusedStream)) throw cause;
      const { dropTable } = options;
      const culprit =
        dropTable &&
        (await refusedColumn(
          await connecting,
          table,
          cause,
          async () => widenHalfFloats(await reader.read(reads[0], columns)),
          dropTable,
        ));
      if (!culprit) throw cause.cause;
      throw loadError(
        'parquetColumnUnsupported',
        { file, column: culprit.column, type: types.get(culprit.column) ?? 'unknown' },
        culprit.reason,
      );
    }
  } finally {
    reader.close();
  }
}
