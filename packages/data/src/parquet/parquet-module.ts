import type * as ParquetWasm from 'parquet-wasm/esm';

/** The Parquet decoder (Rust, compiled to WebAssembly), once its module is ready. */
export type ParquetDecoder = Pick<typeof ParquetWasm, 'readParquet'>;

/** Opens the decoder where the code runs: from our own assets in a page, from disk in Node. */
export type ParquetDecoderLoader = () => Promise<ParquetDecoder>;
