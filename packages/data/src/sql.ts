/** Quotes an identifier for DuckDB: `a"b` becomes `"a""b"`. Every identifier goes through here. */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('An identifier cannot contain a NUL character.');
  if (name === '') throw new Error('An identifier cannot be empty.');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal, for the few places DuckDB does not accept a bound value (table functions' file names). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('A literal cannot contain a NUL character.');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A table name that is safe and recognisable: the source name with anything unusual replaced. */
export function tableNameFor(sourceName: string): string {
  const cleaned = sourceName.normalize('NFKC').replace(/[^\p{L}\p{N}_]+/gu, '_');
  return `sx_${cleaned || 'source'}`;
}
