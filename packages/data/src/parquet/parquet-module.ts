/** Reads one open Parquet file's row groups as Arrow IPC streams. */
export interface ParquetReader {
  /**
   * The row groups given, in order, as one stream; the schema alone when `rowGroups` is
   * undefined. `columns` limits what is decoded.
   */
  read(
    rowGroups: readonly number[] | undefined,
    columns: readonly string[] | undefined,
  ): Promise<Uint8Array>;
  close(): void;
}

/** The Parquet decoder (Rust, compiled to WebAssembly), once its module is ready. */
export interface ParquetDecoder {
  open(bytes: Uint8Array): Promise<ParquetReader>;
}

/** Opens the decoder where the code runs: from our own assets in a page, from disk in Node. */
export type ParquetDecoderLoader = () => Promise<ParquetDecoder>;
