import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParquetDecoder } from '../parquet/parquet-module';
import { wasmParquetDecoder } from '../parquet/wasm-reader';

const require = createRequire(import.meta.url);
let opened: ParquetDecoder | undefined;

/** The same Parquet decoder the page uses, compiled from the package's wasm file on disk. */
export async function nodeParquetDecoder(): Promise<ParquetDecoder> {
  if (opened) return opened;
  const parquet = await import('parquet-wasm/esm');
  parquet.initSync({
    module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')),
  });
  opened = wasmParquetDecoder(parquet);
  return opened;
}
