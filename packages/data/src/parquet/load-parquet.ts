import type { Connector } from '../connector';
import { loadError, type ProgressListener } from '../fetch-bytes';
import { joinArrowStreams } from '../arrow/join-streams';
import { widenHalfFloats } from '../arrow/widen-half-floats';
import { matchColumns } from '../guard/column-names';
import { outlineParquet } from './inspect';
import type { ParquetDecoder } from './parquet-module';

export interface ParquetLoadOptions {
  /** Only these columns are decoded and loaded (names are checked, with suggestions). */
  columns?: readonly string[];
  /** Largest decoded size accepted, so a small file cannot expand past what the page holds. */
  maxDecodedBytes?: number;
  onProgress?: ProgressListener;
}

export const DEFAULT_MAX_DECODED_BYTES = 1024 ** 3;

const mebibytes = (bytes: number): string =>
  `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;

/**
 * Decodes Parquet in the page (no download of DuckDB's Parquet extension, which hangs
 * offline) one row group at a time, reporting rows read, then inserts them as one Arrow stream.
 * Failures throw a message that says what is wrong with the file; the caller names it.
 */
export async function insertParquet(
  connector: Connector,
  decoder: ParquetDecoder,
  table: string,
  bytes: Uint8Array,
  file: string,
  options: ParquetLoadOptions = {},
): Promise<void> {
  const { columns: available, rowGroups, rowCount } = outlineParquet(bytes, file);
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
    if (rowGroups.length === 0) {
      await connector.insertArrow(table, widenHalfFloats(await reader.read(undefined, columns)));
      return;
    }
    const report = (rowsLoaded: number): void =>
      options.onProgress?.({
        phase: 'load',
        bytesRead: bytes.byteLength,
        totalBytes: bytes.byteLength,
        rowsLoaded,
        totalRows: rowCount,
      });
    const streams: Uint8Array[] = [];
    let rowsRead = 0;
    for (const [index, group] of rowGroups.entries()) {
      streams.push(widenHalfFloats(await reader.read(index, columns)));
      rowsRead += group.rowCount;
      if (index < rowGroups.length - 1) report(rowsRead);
    }
    const joined = joinArrowStreams(streams);
    for (const [index, stream] of (joined ? [joined] : streams).entries()) {
      await connector.insertArrow(table, stream, { append: index > 0 });
    }
    report(rowsRead);
  } finally {
    reader.close();
  }
}
