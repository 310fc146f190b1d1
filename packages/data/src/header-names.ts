/**
 * Column names people can use: a blank header becomes `column_<n>` (its position), and a
 * repeated one gets `_2`, `_3`, … (`目标值`, `目标值_2`). Names are compared without case,
 * as DuckDB compares them; `taken` names (the loader's own) are avoided too.
 */
export function uniqueColumnNames(
  header: readonly string[],
  taken: readonly string[] = [],
): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const firstPass = header.map((cell, index) => cell.trim() || `column_${index + 1}`);
  return firstPass.map((name) => {
    let candidate = name;
    for (let copy = 2; used.has(candidate.toLowerCase()); copy++) candidate = `${name}_${copy}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The header cells `uniqueColumnNames` renamed, as `written → name` (blank ones left out). */
export function renamedColumns(header: readonly string[], names: readonly string[]): string[] {
  return header.flatMap((cell, index) => {
    const written = cell.trim();
    const name = names[index];
    return written !== '' && name !== undefined && name !== written ? [`${written} → ${name}`] : [];
  });
}

/** `column_1` … `column_<width>`, for a file without a header row. */
export function positionalNames(width: number): string[] {
  return Array.from({ length: width }, (_, index) => `column_${index + 1}`);
}
