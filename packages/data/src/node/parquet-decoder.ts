import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { ParquetDecoder } from '../parquet/parquet-module';

const require = createRequire(import.meta.url);
let opened: ParquetDecoder | undefined;

/**
 * The same Parquet decoder the page uses, compiled from the package's wasm file on disk.
 * Node has no browser Blob for its file reader, so columns are picked after decoding.
 */
export async function nodeParquetDecoder(): Promise<ParquetDecoder> {
  if (opened) return opened;
  const parquet = await import('parquet-wasm/esm');
  parquet.initSync({
    module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')),
  });
  opened = {
    async open(bytes) {
      return {
        async read(rowGroup, columns) {
          const ipc = parquet
            .readParquet(bytes, {
              ...(rowGroup === undefined ? { limit: 0 } : { rowGroups: [rowGroup] }),
              batchSize: 1 << 20,
            })
            .intoIPCStream();
          return columns ? tableToIPC(tableFromIPC(ipc).select([...columns]), 'stream') : ipc;
        },
        close: () => undefined,
      };
    },
  };
  return opened;
}
