import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cut, type OrderCell, sortRows } from '../../../src/query/js-order';
import { openDatabase, type TestDatabase } from './database';

// Text whose UTF-16 order differs from its code point order (past U+D800), prefixes of one
// another, Chinese, and NULLs; then numbers.
const TEXT: OrderCell[] = [
  '华东',
  '𠀀 ext-B',
  '\uff21 fullwidth',
  '\ue000 private',
  'abc',
  'ab',
  '',
  null,
  'Z',
  '华北',
  null,
  '1,200',
];
const NUMBERS: OrderCell[] = [3.5, -2, null, 0, 1e9, -0.25, 7];

let db: TestDatabase;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

/** The values as DuckDB orders them, ascending or descending, with its default NULL order. */
async function duckdbOrder(values: OrderCell[], type: string, descending: boolean) {
  const list = values.map((value) => (value === null ? 'NULL' : '?')).join('), (');
  const rows = await db.records(
    `SELECT v FROM (VALUES (${list})) AS t(v) ORDER BY v::${type}${descending ? ' DESC' : ''}`,
    values.filter((value) => value !== null),
  );
  return rows.map((row) => (row.v === null ? null : type === 'DOUBLE' ? Number(row.v) : row.v));
}

describe("the JS table's ORDER BY", () => {
  for (const [kind, values, type] of [
    ['text', TEXT, 'VARCHAR'],
    ['numbers', NUMBERS, 'DOUBLE'],
  ] as const) {
    for (const descending of [false, true]) {
      it(`orders ${kind} ${descending ? 'descending' : 'ascending'} as DuckDB does`, async () => {
        const rows = sortRows(
          values.map((_, index) => index),
          [{ cells: values, descending }],
        );
        expect(rows.map((row) => values[row])).toEqual(
          await duckdbOrder([...values], type, descending),
        );
      });
    }
  }

  it('orders by the next column where the first ties', () => {
    const region: OrderCell[] = ['华东', '华北', '华东', '华北'];
    const amount: OrderCell[] = [1, 2, 3, 4];
    const rows = sortRows(
      [0, 1, 2, 3],
      [
        { cells: region, descending: false },
        { cells: amount, descending: true },
      ],
    );
    // 华东 before 华北: 东 (U+4E1C) comes before 北 (U+5317).
    expect(rows).toEqual([2, 0, 3, 1]);
  });

  it('cuts at LIMIT, whole rows only, never below none', () => {
    expect(cut([1, 2, 3], 2.7)).toEqual([1, 2]);
    expect(cut([1, 2, 3], -1)).toEqual([]);
    expect(cut([1, 2, 3], undefined)).toEqual([1, 2, 3]);
  });
});
