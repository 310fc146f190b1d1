import { tokenize } from './sql-tokens';

/** The `candidates` that appear in `sql` as a name (case-insensitive, as DuckDB compares names). */
export function sourcesNamedIn(sql: string, candidates: readonly string[]): string[] {
  let words: Set<string>;
  try {
    words = new Set(
      tokenize(sql)
        .filter((token) => token.kind === 'word' || token.kind === 'quoted')
        .map((token) => token.text.toLowerCase()),
    );
  } catch {
    return []; // the guard explains what is wrong with the text
  }
  const named = new Map<string, string>();
  for (const name of candidates) {
    if (words.has(name.toLowerCase()) && !named.has(name.toLowerCase()))
      named.set(name.toLowerCase(), name);
  }
  return [...named.values()];
}
