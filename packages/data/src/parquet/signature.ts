// Recognising Parquet needs no Parquet reader: the page's first chunk keeps this, not hyparquet.

export const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** True when the bytes start like a Parquet file. */
export function looksLikeParquet(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, index) => bytes[index] === byte);
}
