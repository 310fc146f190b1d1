/** Rows of one row group, and its size before compression (of the columns read). */
export interface RowGroupSize {
  rowCount: number;
  decodedBytes: number;
}

/** Most rows decoded in one read, so one read's Arrow stream stays far below a message's limit. */
export const MAX_ROWS_PER_READ = 1 << 22;

/**
 * Consecutive row groups read together. Each read hands the decoder the whole file, so a read
 * takes row groups until they are worth that copy (half the file's size once decoded) or reach
 * `MAX_ROWS_PER_READ`: a small file is read row group by row group, a 50M-row file in a few
 * dozen reads instead of hundreds of copies of itself.
 */
export function planReads(groups: readonly RowGroupSize[], fileBytes: number): number[][] {
  const reads: number[][] = [];
  let current: number[] = [];
  let rows = 0;
  let decoded = 0;
  for (const [index, group] of groups.entries()) {
    if (current.length > 0 && rows + group.rowCount > MAX_ROWS_PER_READ) {
      reads.push(current);
      current = [];
      rows = 0;
      decoded = 0;
    }
    current.push(index);
    rows += group.rowCount;
    decoded += group.decodedBytes;
    if (decoded >= fileBytes / 2) {
      reads.push(current);
      current = [];
      rows = 0;
      decoded = 0;
    }
  }
  if (current.length > 0) reads.push(current);
  return reads;
}
