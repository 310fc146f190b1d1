import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetDecoder } from '../parquet/parquet-module';
import { wasmParquetDecoder } from '../parquet/wasm-reader';

let opening: Promise<ParquetDecoder> | undefined;

/**
 * The Parquet decoder, compiled from the wasm file shipped next to stratex.js. It is
 * fetched only when a page first loads a Parquet export, and reads only the columns asked for.
 */
export function browserParquetDecoder(): Promise<ParquetDecoder> {
  opening ??= (async (): Promise<ParquetDecoder> => {
    const parquet = await import('parquet-wasm/esm');
    await parquet.default({ module_or_path: new URL(parquetWasmUrl, document.baseURI) });
    return wasmParquetDecoder(parquet);
  })();
  opening.catch(() => (opening = undefined));
  return opening;
}
