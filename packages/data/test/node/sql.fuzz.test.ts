import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';
import { fuzzRuns, fuzzSeed } from '../../../../fixtures/fuzz/runs';

const engine = nodeEngine();
afterAll(() => engine.close());

// Each case is a query through DuckDB-WASM: about 5 ms, so fewer cases than the pure properties.
const runs = { numRuns: fuzzRuns(1000), ...fuzzSeed() };

/** Text a decoder can produce: no lone surrogate halves (they are not text), no NUL. */
const isText = (name: string): boolean =>
  !name.includes('\u0000') && new TextDecoder().decode(new TextEncoder().encode(name)) === name;

/** Names built from what makes quoting hard: quotes, SQL, spaces, case, Chinese, emoji. */
const trickyName = fc
  .array(
    fc.constantFrom(
      '"',
      '""',
      "'",
      ';',
      '--',
      '/*',
      '*/',
      ' ',
      '\t',
      '\n',
      'DROP TABLE t',
      'select',
      '目标值',
      'Region',
      'REGION',
      '😀',
      '\\',
      '`',
      '[',
      ']',
      '$1',
      '?',
      'é',
      'ﬁ',
      '\u200b',
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const anyName = fc
  .oneof(trickyName, fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))
  .filter(isText);

describe('identifier quoting, fuzzed through DuckDB', () => {
  it('any name, quoted, names a column that comes back identical and holds its value', async () => {
    await fc.assert(
      fc.asyncProperty(anyName, fc.integer(), async (name, value) => {
        const column = quoteIdentifier(name);
        const rows = await engine.records(
          `SELECT ${column}, ${column} + 1 AS next FROM (SELECT ${value}::BIGINT AS ${column})`,
        );
        expect(rows).toHaveLength(1);
        expect(Object.keys(rows[0] ?? {})).toEqual([name, 'next']);
        expect(Number(rows[0]?.[name])).toBe(value);
      }),
      runs,
    );
  });

  // `""` is a parser error in DuckDB ("zero-length delimited identifier"): refused up front.
  it('refuses the names DuckDB cannot hold, in words, instead of writing broken SQL', () => {
    expect(() => quoteIdentifier('a\u0000b')).toThrow('cannot contain a NUL character');
    expect(() => quoteIdentifier('')).toThrow('cannot be empty');
  });
});

describe('names that are also JavaScript object keys', () => {
  it('keeps a column called __proto__ (a counterexample fast-check found)', async () => {
    const rows = await engine.records(`SELECT 7 AS ${quoteIdentifier('__proto__')}`);
    expect(Object.keys(rows[0] ?? {})).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe(7);
  });
});
