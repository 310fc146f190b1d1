import type { QueryParam } from '../connector';

/**
 * ClickHouse 18.16 has no server-side query parameters, so values reach it as literals.
 * Every value goes through `clickhouseLiteral`; `bindValues` puts them where the text has
 * `?`, reading the text as ClickHouse does (strings, quoted names, comments) so a `?`
 * inside any of those is left alone. (So ClickHouse's `a ? b : c` cannot be written: use `if(a, b, c)`.)
 * A current server takes the values apart from the text instead (`parameters.ts`).
 */

/** Quotes a name in backquotes, escaping backslash and backquote: `` a`b `` becomes `` `a\`b` ``. */
export function clickhouseIdentifier(name: string): string {
  if (name === '') throw new Error('An identifier cannot be empty.');
  if (name.includes('\u0000')) throw new Error('An identifier cannot contain a NUL character.');
  return `\`${escapeText(name, '`')}\``;
}

/** A value as ClickHouse literal text: strings quoted and escaped, numbers checked, booleans 1/0. */
export function clickhouseLiteral(value: QueryParam): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A bound number must be finite, got ${value}.`);
    // Parentheses keep `x - ?` with -5 from reading as `x --5`, a comment.
    return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
  }
  if (typeof value === 'string') return `'${escapeText(value, "'")}'`;
  throw new Error(`A bound value must be a string, number, boolean or null, got ${typeof value}.`);
}

function escapeText(text: string, quote: string): string {
  let out = '';
  for (const char of text) {
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\u0000') out += '\\0';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else out += char;
  }
  return out;
}

/** Replaces each `?` outside strings, quoted names and comments by the next value as a literal. */
export function bindValues(sql: string, params: readonly QueryParam[] = []): string {
  return replacePlaceholders(sql, params, clickhouseLiteral);
}

/**
 * Replaces each `?` outside strings, quoted names and comments by what `place` writes for the
 * next value (and its position among the values); refuses a count that does not match.
 */
export function replacePlaceholders(
  sql: string,
  params: readonly QueryParam[],
  place: (value: QueryParam, index: number) => string,
): string {
  let out = '';
  let next = 0;
  let at = 0;
  while (at < sql.length) {
    const char = sql[at] ?? '';
    if (char === "'" || char === '`' || char === '"') {
      const end = closingQuote(sql, at);
      out += sql.slice(at, end + 1);
      at = end + 1;
    } else if (sql.startsWith('--', at)) {
      const end = sql.indexOf('\n', at);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(at, stop);
      at = stop;
    } else if (sql.startsWith('/*', at)) {
      const end = sql.indexOf('*/', at + 2);
      if (end < 0) throw new Error('The query has an unterminated comment.');
      out += sql.slice(at, end + 2);
      at = end + 2;
    } else if (char === '?') {
      if (next >= params.length)
        throw new Error(
          `The query has more ? placeholders than the ${params.length} values given.`,
        );
      out += place(params[next] ?? null, next);
      next++;
      at++;
    } else {
      out += char;
      at++;
    }
  }
  if (next !== params.length)
    throw new Error(`The query has ${next} ? placeholders but ${params.length} values were given.`);
  return out;
}

/** Where the quoted text starting at `from` ends; ClickHouse reads both `\'` and `''` inside. */
function closingQuote(sql: string, from: number): number {
  const quote = sql[from];
  let at = from + 1;
  while (at < sql.length) {
    const char = sql[at];
    if (char === '\\') at += 2;
    else if (char === quote && sql[at + 1] === quote) at += 2;
    else if (char === quote) return at;
    else at++;
  }
  throw new Error(
    `The query has an unterminated ${quote === "'" ? 'string' : 'quoted name'} at position ${from + 1}.`,
  );
}
