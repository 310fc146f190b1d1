import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetDecoder } from '../parquet/parquet-module';

let opening: Promise<ParquetDecoder> | undefined;

/**
 * The Parquet decoder, compiled from the wasm file shipped next to stratex.js. It is
 * fetched only when a page first loads a Parquet export, and reads only the columns asked for.
 */
export function browserParquetDecoder(): Promise<ParquetDecoder> {
  opening ??= (async (): Promise<ParquetDecoder> => {
    const parquet = await import('parquet-wasm/esm');
    await parquet.default({ module_or_path: new URL(parquetWasmUrl, document.baseURI) });
    return {
      async open(bytes) {
        let file: ReturnType<typeof parquet.ParquetFile.fromFile> | undefined;
        return {
          async read(rowGroup, columns) {
            const options = {
              ...(rowGroup === undefined ? { limit: 0 } : { rowGroups: [rowGroup] }),
              batchSize: 1 << 20,
            };
            if (!columns) return parquet.readParquet(bytes, options).intoIPCStream();
            // The in-memory reader is faster but cannot pick columns; the file reader can.
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
  })();
  opening.catch(() => (opening = undefined));
  return opening;
}
