import type * as ParquetWasmModule from 'parquet-wasm/esm';
import type { ParquetDecoder } from './parquet-module';

type ParquetWasm = typeof ParquetWasmModule;
type ParquetFile = ParquetWasmModule.ParquetFile;

/** Rows in one Arrow record batch: a row group of the common writers' size is one batch. */
const BATCH_ROWS = 1 << 20;

/**
 * The decoder over parquet-wasm once its module is ready, in a page or in Node. The whole
 * table is read from the bytes in memory (that reader fails cleanly on damaged files); chosen
 * columns through a Blob of the bytes, the reader that can leave the other columns undecoded.
 */
export function wasmParquetDecoder(parquet: ParquetWasm): ParquetDecoder {
  return {
    async open(bytes) {
      let file: Promise<ParquetFile> | undefined;
      return {
        async read(rowGroups, columns) {
          const options = {
            ...(rowGroups === undefined ? { limit: 0 } : { rowGroups: [...rowGroups] }),
            batchSize: BATCH_ROWS,
          };
          if (!columns) return parquet.readParquet(bytes, options).intoIPCStream();
          file ??= parquet.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
          return (await (await file).read({ ...options, columns: [...columns] })).intoIPCStream();
        },
        close: () =>
          void file?.then(
            (opened) => opened.free(),
            () => undefined,
          ),
      };
    },
  };
}
