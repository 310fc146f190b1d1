/*
 * `ORDER BY` as DuckDB sorts the JS table's cells, so that a small CSV answered in JS lists
 * its rows in the order the database would.
 */

/** A cell as the JS table holds it: text, a number, or NULL. */
export type OrderCell = number | string | null;

/** Row numbers sorted by the given columns: NULLs last either way, text by code point. */
export function sortRows(
  rows: readonly number[],
  order: readonly { cells: readonly OrderCell[]; descending: boolean }[],
): number[] {
  return [...rows].sort((a, b) => {
    for (const { cells, descending } of order) {
      const x = cells[a] ?? null;
      const y = cells[b] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const sign = compare(x, y);
      if (sign !== 0) return descending ? -sign : sign;
    }
    return 0;
  });
}

/** DuckDB's order of two values: numbers by value, text by code point (its UTF-8 bytes). */
function compare(x: number | string, y: number | string): number {
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  const a = String(x);
  const b = String(y);
  // UTF-8 byte order is code point order; UTF-16 units differ from it past U+D800.
  const length = Math.min(a.length, b.length);
  for (let k = 0; k < length; k++) {
    const p = a.codePointAt(k)!;
    const q = b.codePointAt(k)!;
    if (p !== q) return p < q ? -1 : 1;
    if (p > 0xffff) k++;
  }
  return a.length - b.length;
}

/** `LIMIT n`: the first `limit` rows, or all of them. */
export function cut<T>(rows: T[], limit: number | undefined): T[] {
  return limit === undefined ? rows : rows.slice(0, Math.max(0, Math.trunc(limit)));
}
