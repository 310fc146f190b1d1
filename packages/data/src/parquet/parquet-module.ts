/** Reads one open Parquet file's row groups as Arrow IPC streams. */
export interface ParquetReader {
  /** One row group, or the schema alone when `rowGroup` is undefined; `columns` limits what is decoded. */
  read(rowGroup: number | undefined, columns: readonly string[] | undefined): Promise<Uint8Array>;
  close(): void;
}

/** The Parquet decoder (Rust, compiled to WebAssembly), once its module is ready. */
export interface ParquetDecoder {
  open(bytes: Uint8Array): Promise<ParquetReader>;
}

/** Opens the decoder where the code runs: from our own assets in a page, from disk in Node. */
export type ParquetDecoderLoader = () => Promise<ParquetDecoder>;
