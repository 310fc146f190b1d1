import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateBatcher, type Alongside, type KeptGroup } from '../../../src/query/batching';
import type { AggregatePlan, PlannedMeasure } from '../../../src/query/render';
import { openDatabase, ORDERS, sorted, type TestDatabase } from './database';

let db: TestDatabase;
beforeAll(async () => {
  db = await openDatabase(ORDERS);
});
afterAll(() => db.close());

const plan = (measures: PlannedMeasure[], filter: Record<string, string> = {}): AggregatePlan => ({
  table: 'orders',
  groupBy: ['region'],
  measures,
  filter,
});
const sum = (column: string, name = column): PlannedMeasure => ({
  column,
  aggregate: 'sum',
  name,
});

describe('aggregates asked in one turn', () => {
  it('share one scan when they read the same table, grouping and filter', async () => {
    const batcher = new AggregateBatcher();
    db.sent.length = 0;
    const [amounts, mixed] = await Promise.all([
      batcher.aggregate(db, plan([sum('amount')])),
      batcher.aggregate(
        db,
        plan([{ column: 'units', aggregate: 'max', name: 'most' }, sum('amount', 'total')]),
      ),
    ]);
    expect(db.sent).toHaveLength(1);
    // The sum both asked for is computed once.
    expect(db.sent[0]!.match(/SUM\(/g)).toHaveLength(1);
    const expected = await db.records(
      'SELECT region, SUM(amount)::DOUBLE AS amount, MAX(units)::DOUBLE AS most FROM orders GROUP BY region',
    );
    expect(sorted(amounts)).toEqual(
      sorted(expected.map(({ region, amount }) => ({ region, amount }))),
    );
    expect(sorted(mixed)).toEqual(
      sorted(expected.map(({ region, amount, most }) => ({ region, most, total: amount }))),
    );
  });

  it('are sent apart when their filters differ, each with its own rows', async () => {
    const batcher = new AggregateBatcher();
    db.sent.length = 0;
    const [direct, channel] = await Promise.all([
      batcher.aggregate(db, plan([sum('amount')], { channel: '直销' })),
      batcher.aggregate(db, plan([sum('amount')], { channel: '渠道' })),
    ]);
    expect(db.sent).toHaveLength(2);
    expect(sorted(direct)).toEqual(
      sorted([
        { region: '华北', amount: 7.25 },
        { region: '华东', amount: 12 },
        { region: '西南', amount: null },
      ]),
    );
    expect(sorted(channel)).toEqual(
      sorted([
        { region: '华北', amount: 2 },
        { region: '华东', amount: 4 },
        { region: '华南', amount: 8 },
      ]),
    );
  });

  it('are sent apart to two databases, even when alike', async () => {
    const other = await openDatabase(
      "CREATE TABLE orders AS SELECT '华东' AS region, 99.0 AS amount",
    );
    try {
      const batcher = new AggregateBatcher();
      db.sent.length = 0;
      const [here, there] = await Promise.all([
        batcher.aggregate(db, plan([sum('amount')], { region: '华东' })),
        batcher.aggregate(other, plan([sum('amount')], { region: '华东' })),
      ]);
      expect(here).toEqual([{ region: '华东', amount: 16 }]);
      expect(there).toEqual([{ region: '华东', amount: 99 }]);
      expect([db.sent.length, other.sent.length]).toEqual([1, 1]);
    } finally {
      await other.close();
    }
  });

  it('fail together only when they shared the scan that failed', async () => {
    const batcher = new AggregateBatcher();
    const missing = { ...plan([sum('amount')]), table: 'no_such_table' };
    const [failed, answered] = await Promise.allSettled([
      batcher.aggregate(db, missing),
      batcher.aggregate(db, plan([sum('units')], { region: '华南' })),
    ]);
    expect(failed.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/no_such_table/);
    expect(answered).toEqual({ status: 'fulfilled', value: [{ region: '华南', units: 2 }] });
  });

  it('asked in a later turn are sent on their own', async () => {
    const batcher = new AggregateBatcher();
    db.sent.length = 0;
    const first = await batcher.aggregate(db, plan([sum('units')], { region: '华北' }));
    const second = await batcher.aggregate(db, plan([sum('units')], { region: '华北' }));
    expect(first).toEqual([{ region: '华北', units: 6 }]);
    expect(second).toEqual(first);
    expect(db.sent).toHaveLength(2);
  });

  it('alongside pre-aggregates group several ways in one scan, with the likely grouping handed over', async () => {
    const batcher = new AggregateBatcher();
    db.sent.length = 0;
    const kept: { dimensions: readonly string[]; measures: unknown; groups: KeptGroup[] }[] = [];
    const alongside: Alongside = {
      likely: () => [['channel', 'region']],
      keep: (dimensions, measures, groups) => kept.push({ dimensions, measures, groups }),
    };
    const [byRegion, byChannel] = await Promise.all([
      batcher.aggregate(db, plan([sum('amount'), sum('units')]), alongside),
      batcher.aggregate(
        db,
        { ...plan([{ ...sum('amount', 'total'), digits: 1 }]), groupBy: ['channel'] },
        alongside,
      ),
    ]);
    expect(db.sent).toHaveLength(1);
    expect(db.sent[0]).toMatch(/GROUPING SETS/);
    // Each grouping's figures are those its own GROUP BY gives.
    expect(sorted(byRegion)).toEqual(
      sorted(
        await db.records(
          'SELECT region, SUM(amount)::DOUBLE AS amount, SUM(units)::DOUBLE AS units FROM orders GROUP BY region',
        ),
      ),
    );
    expect(sorted(byChannel)).toEqual(
      sorted(
        await db.records(
          'SELECT channel, ROUND(SUM(amount)::DOUBLE, 1) AS total FROM orders GROUP BY channel',
        ),
      ),
    );
    // The likely grouping: every measure asked, as a pre-aggregate keeps it (not rounded).
    expect(kept).toHaveLength(1);
    expect(kept[0]!.dimensions).toEqual(['channel', 'region']);
    expect(kept[0]!.measures).toEqual([
      { column: 'amount', aggregate: 'sum' },
      { column: 'units', aggregate: 'sum' },
    ]);
    const groups = await db.records(
      'SELECT channel, region, SUM(amount)::DOUBLE AS amount, SUM(units)::DOUBLE AS units FROM orders GROUP BY channel, region',
    );
    expect(sorted(kept[0]!.groups.map((group) => ({ ...group })))).toEqual(
      sorted(
        groups.map((row) => ({
          dimensions: [row.channel, row.region],
          measures: [row.amount, row.units],
        })),
      ),
    );
  });

  it('alongside pre-aggregates but of one grouping with nothing likely are sent as before', async () => {
    const batcher = new AggregateBatcher();
    db.sent.length = 0;
    const alongside: Alongside = { likely: () => [], keep: () => undefined };
    const rows = await batcher.aggregate(db, plan([sum('units')]), alongside);
    expect(db.sent).toHaveLength(1);
    expect(db.sent[0]).not.toMatch(/GROUPING/);
    expect(sorted(rows)).toEqual(
      sorted(await db.records('SELECT region, SUM(units)::DOUBLE AS units FROM orders GROUP BY 1')),
    );
  });
});
