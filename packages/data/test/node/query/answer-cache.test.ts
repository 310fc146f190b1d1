import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../../src/query/answer-cache';
import type { DataResult } from '../../../src/query/contract';
import { openDatabase, ORDERS, type TestDatabase } from './database';

let db: TestDatabase;
beforeAll(async () => {
  db = await openDatabase(ORDERS);
});
afterAll(() => db.close());

/** The units of one region, read from the database: what the cache keeps. */
function unitsOf(region: string): { request: object; work: () => Promise<DataResult> } {
  return {
    request: { kind: 'aggregate', region },
    work: async () => ({
      columns: ['units'],
      rows: await db.run({
        sql: 'SELECT SUM(units)::INT AS units FROM orders WHERE region = ?',
        params: [region],
      }),
      plan: 'aggregate',
      cached: false,
    }),
  };
}

describe('the answer cache', () => {
  it('answers a request asked again from what it kept, with no database call', async () => {
    const cache = new AnswerCache(8);
    const { request, work } = unitsOf('华东');
    db.sent.length = 0;
    const first = await cache.answer(request, work);
    const again = await cache.answer({ ...request }, work);
    expect(first).toMatchObject({ rows: [{ units: 6 }], cached: false });
    expect(again).toMatchObject({ rows: [{ units: 6 }], cached: true });
    expect(db.sent).toHaveLength(1);
  });

  it('shares an answer still being computed', async () => {
    const cache = new AnswerCache(8);
    const { request, work } = unitsOf('华北');
    db.sent.length = 0;
    const [one, two] = await Promise.all([
      cache.answer(request, work),
      cache.answer(request, work),
    ]);
    expect(one.rows).toEqual([{ units: 6 }]);
    expect(two.rows).toBe(one.rows);
    expect(db.sent).toHaveLength(1);
  });

  it('keeps no failed answer', async () => {
    const cache = new AnswerCache(8);
    const failing = (): Promise<DataResult> =>
      db.run({ sql: 'SELECT * FROM no_such_table', params: [] }).then(() => {
        throw new Error('unreachable');
      });
    await expect(cache.answer({ kind: 'rows' }, failing)).rejects.toThrow(/no_such_table/);
    const { work } = unitsOf('华南');
    const answered = await cache.answer({ kind: 'rows' }, work);
    expect(answered).toMatchObject({ rows: [{ units: 2 }], cached: false });
  });

  it('keeps no answer larger than its limit once delivered', async () => {
    const cache = new AnswerCache(8, 2);
    const everyRow = async (): Promise<DataResult> => ({
      columns: ['region'],
      rows: await db.run({ sql: 'SELECT region FROM orders', params: [] }),
      plan: 'rows',
      cached: false,
    });
    db.sent.length = 0;
    const first = await cache.answer({ kind: 'rows' }, everyRow);
    const again = await cache.answer({ kind: 'rows' }, everyRow);
    expect(first.rows).toHaveLength(7);
    expect(again).toMatchObject({ cached: false });
    expect(db.sent).toHaveLength(2);
  });

  it('lets the least recently used answer go first', async () => {
    const cache = new AnswerCache(2);
    const east = unitsOf('华东');
    const north = unitsOf('华北');
    const south = unitsOf('华南');
    await cache.answer(east.request, east.work);
    await cache.answer(north.request, north.work);
    // East is used again, so north is now the oldest and goes when south comes.
    await cache.answer(east.request, east.work);
    await cache.answer(south.request, south.work);
    expect((await cache.answer(east.request, east.work)).cached).toBe(true);
    expect((await cache.answer(south.request, south.work)).cached).toBe(true);
    expect((await cache.answer(north.request, north.work)).cached).toBe(false);
  });
});
