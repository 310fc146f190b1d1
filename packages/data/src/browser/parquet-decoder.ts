import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetDecoder } from '../parquet/parquet-module';

let opening: Promise<ParquetDecoder> | undefined;

/**
 * The Parquet decoder, compiled from the wasm file shipped next to stratex.js. It is
 * fetched only when a page first loads a Parquet export.
 */
export function browserParquetDecoder(): Promise<ParquetDecoder> {
  opening ??= (async () => {
    const module = await import('parquet-wasm/esm');
    await module.default({ module_or_path: new URL(parquetWasmUrl, document.baseURI) });
    return module;
  })();
  opening.catch(() => (opening = undefined));
  return opening;
}
