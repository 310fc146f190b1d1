import { UnsafeQueryError } from './refusal';

/** One piece of SQL text, as the guard reads it. */
export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol';
  /** Words upper-cased; quoted identifiers and strings without their quotes. */
  text: string;
  /** Words as written (for messages). */
  written?: string;
}

/**
 * Splits SQL into tokens, dropping comments. Throws on text DuckDB would read
 * differently from us (an unterminated string, quote or comment), so nothing can hide.
 */
export function tokenize(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let at = 0;
  const closing = (quote: string, from: number): number => {
    let index = from;
    for (;;) {
      index = sql.indexOf(quote, index);
      if (index < 0)
        throw new UnsafeQueryError(
          quote === "'" ? 'guardUnterminatedString' : 'guardUnterminatedName',
        );
      if (sql[index + 1] !== quote) return index;
      index += 2;
    }
  };
  while (at < sql.length) {
    const char = sql[at] ?? '';
    const rest = sql.slice(at);
    if (/\s/.test(char)) {
      at++;
    } else if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', at);
      at = end < 0 ? sql.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', at + 2);
      if (end < 0) throw new UnsafeQueryError('guardUnterminatedComment');
      at = end + 2;
    } else if (char === "'" || char === '"') {
      const end = closing(char, at + 1);
      const text = sql.slice(at + 1, end).replaceAll(char + char, char);
      tokens.push({ kind: char === "'" ? 'string' : 'quoted', text });
      at = end + 1;
    } else if (char === '$') {
      throw new UnsafeQueryError('guardDollar');
    } else if (/[\p{L}_]/u.test(char)) {
      const word = /^[\p{L}\p{N}_$]+/u.exec(rest)?.[0] ?? char;
      const next = sql[at + word.length];
      if ((word === 'E' || word === 'e') && next === "'") {
        throw new UnsafeQueryError('guardEscapedString');
      }
      tokens.push({ kind: 'word', text: word.toUpperCase(), written: word });
      at += word.length;
    } else if (/\d/.test(char) || (char === '.' && /\d/.test(sql[at + 1] ?? ''))) {
      const number = /^[\d_]*\.?[\d_]*(?:e[+-]?\d+)?/i.exec(rest)?.[0] ?? char;
      tokens.push({ kind: 'number', text: number });
      at += number.length;
    } else {
      const symbol = /^(?:::|<=|>=|<>|!=|\|\||->>|->|[^\s])/u.exec(rest)?.[0] ?? char;
      tokens.push({ kind: 'symbol', text: symbol });
      at += symbol.length;
    }
  }
  return tokens;
}
