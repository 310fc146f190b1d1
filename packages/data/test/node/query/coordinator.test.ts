import { loadRecords } from '../../engine-helpers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataError, type DataRequest, type Engine, type Measure } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import {
  salesCsvHeader,
  salesCsvLine,
  salesRows,
} from '../../../../../fixtures/scripts/sales-rows';
import { createRandom } from '../../../../../fixtures/scripts/random';
import { serveVersionedFile } from '../versioned-server';

// Two engines on the same seeded facts: one answers filtered aggregates from pre-aggregates
// at any size, the other always from the raw rows.
const cubes = nativeEngine({ coordinator: { preAggregateFrom: 0 } });
const raw = nativeEngine({ coordinator: { preAggregateFrom: Infinity } });
const ROWS = 20_000;
const csv = new TextEncoder().encode(
  salesCsvHeader + [...salesRows(ROWS, 7)].map((row) => salesCsvLine(row)).join(''),
);

async function defineSales(engine: Engine): Promise<void> {
  await engine.defineSource('sales', { bytes: csv, format: 'csv', label: 'sales.csv' }).ready;
}

beforeAll(async () => {
  await Promise.all([defineSales(cubes), defineSales(raw)]);
});
afterAll(async () => {
  await Promise.all([cubes.close(), raw.close()]);
});

const DIMENSIONS = ['region', 'product_line', 'customer_type', 'channel'] as const;

/** Rows in one order whatever order the engine grouped them in. */
function sorted(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (row: Record<string, unknown>): string =>
    DIMENSIONS.map((column) => String(row[column] ?? '')).join('\u0000');
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

describe('declared aggregates', () => {
  it('sums the typed twin of a CSV and equals the GROUP BY written by hand', async () => {
    const result = await raw.coordinator.request({
      kind: 'aggregate',
      source: 'sales',
      groupBy: ['region'],
      measures: [
        { column: 'amount', aggregate: 'sum', digits: 2 },
        { column: 'target_share', aggregate: 'sum', as: 'target', digits: 2 },
      ],
    });
    expect(result.plan).toBe('sum-typed');
    const expected = await raw.records(
      'SELECT region, ROUND(SUM(amount), 2) AS amount, ROUND(SUM(target_share), 2) AS target FROM sx_sales_typed GROUP BY region',
    );
    expect(sorted(result.rows)).toEqual(sorted(expected));
    expect(result.columns).toEqual(['region', 'amount', 'target']);
  });

  it('says which column a request names that the source lacks', async () => {
    const asking = raw.coordinator.request({
      kind: 'aggregate',
      source: 'sales',
      groupBy: ['区域'],
      measures: [{ column: 'amount', aggregate: 'sum' }],
    });
    await expect(asking).rejects.toBeInstanceOf(DataError);
    await expect(asking).rejects.toMatchObject({ code: 'unknown-column' });
    await expect(asking).rejects.toThrow('"区域"');
  });

  it('fails with the source code when the source is not on the page', async () => {
    const engine = nativeEngine();
    try {
      engine.sources.get('nowhere', 10).catch(() => undefined);
      await expect(
        engine.coordinator.request({ kind: 'rows', source: 'nowhere' }),
      ).rejects.toMatchObject({
        code: 'source',
        message: 'No data source named "nowhere" is on this page.',
      });
    } finally {
      await engine.close();
    }
  });

  it('keeps rows it cannot read as numbers apart, as written, beside the sums', async () => {
    const engine = nativeEngine();
    try {
      const bytes = new TextEncoder().encode(
        '区域,目标值\n华东,100\n华东,500万元\n华北,"1,200"\n华北,待定\n华南,300\n华南,400\n',
      );
      await engine.defineSource('targets', { bytes, format: 'csv' }).ready;
      const result = await engine.coordinator.request({
        kind: 'aggregate',
        source: 'targets',
        groupBy: ['区域'],
        measures: [{ column: '目标值', aggregate: 'sum', digits: 6 }],
      });
      expect(result.plan).toBe('sum-rejects');
      // 500万元 is read by the same rules as in the domain; only 待定 could not be read.
      expect(result.rows).toEqual(
        expect.arrayContaining([
          { 区域: '华东', 目标值: '5000100.0' },
          { 区域: '华北', 目标值: '1200.0' },
          { 区域: '华北', 目标值: '待定' },
          { 区域: '华南', 目标值: '700.0' },
        ]),
      );
      expect(result.rows).toHaveLength(4);
      const north = await engine.coordinator.request({
        kind: 'aggregate',
        source: 'targets',
        groupBy: [],
        measures: [{ column: '目标值', aggregate: 'sum', digits: 6 }],
        filter: { 区域: '华北' },
      });
      expect(north.rows).toEqual(
        expect.arrayContaining([{ 目标值: '1200.0' }, { 目标值: '待定' }]),
      );
      expect(north.rows).toHaveLength(2);
      // Text with no typed twin: only plain numbers are summed in the engine.
      await loadRecords(engine, 'plain', [
        { 区域: '华东', 目标值: '1,200' },
        { 区域: '华东', 目标值: '500万元' },
        { 区域: '华东', 目标值: '' },
      ]);
      const plain = await engine.coordinator.request({
        kind: 'aggregate',
        source: 'plain',
        groupBy: ['区域'],
        measures: [{ column: '目标值', aggregate: 'sum' }],
      });
      expect(plain.plan).toBe('sum-text');
      expect(plain.rows).toEqual(
        expect.arrayContaining([
          { 区域: '华东', 目标值: '1200.0' },
          { 区域: '华东', 目标值: '500万元' },
        ]),
      );
      expect(plain.rows).toHaveLength(2);
    } finally {
      await engine.close();
    }
  });

  it('answers the same request again from its cache, until the source loads anew', async () => {
    const engine = nativeEngine();
    try {
      await loadRecords(engine, 'kpi', [{ metric: 'a', actual: 1 }]);
      const request: DataRequest = {
        kind: 'aggregate',
        source: 'kpi',
        groupBy: ['metric'],
        measures: [{ column: 'actual', aggregate: 'sum' }],
      };
      const first = await engine.coordinator.request(request);
      const spy = vi.spyOn(engine, 'records');
      const again = await engine.coordinator.request(request);
      expect(again.cached).toBe(true);
      expect(again.rows).toEqual(first.rows);
      expect(spy).not.toHaveBeenCalled();
      await loadRecords(engine, 'kpi', [{ metric: 'a', actual: 5 }]);
      const fresh = await engine.coordinator.request(request);
      expect(fresh.cached).toBe(false);
      expect(fresh.rows).toEqual([{ metric: 'a', actual: 5 }]);
    } finally {
      await engine.close();
    }
  });

  it('answers anew, from a new pre-aggregate, once a refreshed file changed', async () => {
    // The file is read into the database (a small CSV would be answered in JS, no SQL at all).
    const engine = nativeEngine({ coordinator: { preAggregateFrom: 0 }, inMemoryCsvBytes: 0 });
    // Enough rows that a pre-aggregate of three groups is worth keeping.
    const file = (east: number): Uint8Array =>
      new TextEncoder().encode(
        `region,channel,amount\n华东,直销,${east}\n` +
          '华东,渠道,0.5\n'.repeat(10) +
          '华北,直销,0.7\n'.repeat(10),
      );
    const server = await serveVersionedFile(file(1));
    try {
      const source = engine.defineSource('live', { url: `${server.origin}/live.csv` });
      await source.ready;
      const request: DataRequest = {
        kind: 'aggregate',
        source: 'live',
        groupBy: ['channel'],
        measures: [{ column: 'amount', aggregate: 'sum' }],
        filter: { region: '华东' },
      };
      const before = await engine.coordinator.request(request);
      expect(before.plan).toBe('pre-aggregate');
      expect(sorted(before.rows)).toEqual([
        { channel: '渠道', amount: 5 },
        { channel: '直销', amount: 1 },
      ]);
      await source.refresh();
      expect((await engine.coordinator.request(request)).cached).toBe(true);
      server.body = file(100);
      server.version = 2;
      await source.refresh();
      const after = await engine.coordinator.request(request);
      expect(after).toMatchObject({ plan: 'pre-aggregate', cached: false });
      expect(sorted(after.rows)).toEqual([
        { channel: '渠道', amount: 5 },
        { channel: '直销', amount: 100 },
      ]);
      const cubes = await engine.records(
        "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'sx_cube_%'",
      );
      expect(cubes).toEqual([{ n: 1 }]);
    } finally {
      server.close();
      await engine.close();
    }
  });

  it('reads the catalogue of every source asked for in the same turn with one call', async () => {
    const engine = nativeEngine();
    try {
      await loadRecords(engine, 'shops', [{ shop: '华东店', open: true, staff: 12 }]);
      await loadRecords(engine, 'orders', [{ shop: '华东店', amount: 1.5 }]);
      const spy = vi.spyOn(engine, 'records');
      const [shops, orders] = await Promise.all([
        engine.coordinator.catalogue('shops'),
        engine.coordinator.catalogue('orders'),
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(shops.columns.map(({ name, type }) => [name, type])).toEqual([
        ['shop', 'text'],
        ['open', 'boolean'],
        ['staff', 'number'],
      ]);
      expect(orders.columns.map(({ name, type }) => [name, type])).toEqual([
        ['shop', 'text'],
        ['amount', 'number'],
      ]);
      // A CSV's load already says what its columns hold: no engine call at all.
      spy.mockClear();
      await engine.defineSource('csv', {
        bytes: new TextEncoder().encode('a,b\n1,x\n'),
        format: 'csv',
      }).ready;
      spy.mockClear();
      const csv = await engine.coordinator.catalogue('csv');
      expect(spy).not.toHaveBeenCalled();
      expect(csv.typedColumns?.map(({ name, type }) => [name, type])).toEqual([
        ['a', 'number'],
        ['b', 'text'],
      ]);
    } finally {
      await engine.close();
    }
  });

  it('sends aggregates asked in the same turn over one grouping as one query', async () => {
    const engine = nativeEngine();
    try {
      await loadRecords(engine, 'kpi', [
        { metric: 'a', actual: 1, target: 2 },
        { metric: 'a', actual: 3, target: 4 },
        { metric: 'b', actual: 5, target: 6 },
      ]);
      await engine.coordinator.catalogue('kpi');
      const spy = vi.spyOn(engine, 'records');
      const ask = (measures: Measure[]): Promise<unknown> =>
        engine.coordinator
          .request({ kind: 'aggregate', source: 'kpi', groupBy: ['metric'], measures })
          .then((result) => sorted(result.rows.map((row) => ({ ...row, region: row.metric }))));
      const [actuals, targets] = await Promise.all([
        ask([{ column: 'actual', aggregate: 'sum' }]),
        ask([
          { column: 'target', aggregate: 'max', as: 'top' },
          { column: 'actual', aggregate: 'sum', as: 'done' },
        ]),
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(actuals).toEqual([
        { metric: 'a', actual: 4, region: 'a' },
        { metric: 'b', actual: 5, region: 'b' },
      ]);
      expect(targets).toEqual([
        { metric: 'a', top: 4, done: 4, region: 'a' },
        { metric: 'b', top: 6, done: 5, region: 'b' },
      ]);
    } finally {
      await engine.close();
    }
  });
});

describe('pre-aggregates for interaction', () => {
  const values = new Map<string, string[]>();
  beforeAll(async () => {
    for (const column of DIMENSIONS) {
      const rows = await raw.records(`SELECT DISTINCT "${column}" AS v FROM sx_sales ORDER BY 1`);
      values.set(
        column,
        rows.map((row) => String(row.v)),
      );
    }
  });

  it('answers 150 random filtered aggregates exactly as the raw rows do', async () => {
    const random = createRandom(42);
    const pick = <T>(list: readonly T[]): T => list[random.int(list.length)]!;
    const measures: Measure[] = [
      { column: 'amount', aggregate: 'sum', digits: 6 },
      { column: 'target_share', aggregate: 'sum', digits: 6 },
      { column: 'amount', aggregate: 'count', as: 'orders' },
      { column: 'amount', aggregate: 'min', as: 'smallest' },
      { column: 'amount', aggregate: 'max', as: 'largest' },
    ];
    let fromCube = 0;
    for (let round = 0; round < 150; round++) {
      const shuffled = [...DIMENSIONS].sort(() => random.next() - 0.5);
      const groupBy = shuffled.slice(0, random.int(3));
      const filtered = shuffled.slice(groupBy.length, groupBy.length + 1 + random.int(2));
      const filter = Object.fromEntries(
        filtered.map((column) => [
          column,
          random.next() < 0.05 ? 'no such value' : pick(values.get(column)!),
        ]),
      );
      const request: DataRequest = {
        kind: 'aggregate',
        source: 'sales',
        groupBy,
        measures: measures.slice(0, 1 + random.int(measures.length)),
        filter,
      };
      const [cubed, plain] = await Promise.all([
        cubes.coordinator.request(request),
        raw.coordinator.request(request),
      ]);
      expect(['sum-typed', 'aggregate']).toContain(plain.plan);
      if (cubed.plan === 'pre-aggregate') fromCube++;
      expect(sorted(cubed.rows), JSON.stringify(request)).toEqual(sorted(plain.rows));
    }
    expect(fromCube).toBeGreaterThan(100);
  });

  it('reads the raw rows for measures that do not roll up', async () => {
    const result = await cubes.coordinator.request({
      kind: 'aggregate',
      source: 'sales',
      groupBy: ['channel'],
      measures: [{ column: 'amount', aggregate: 'avg', digits: 6 }],
      filter: { region: '华东' },
    });
    expect(result.plan).toBe('aggregate');
    const expected = await raw.records(
      'SELECT channel, ROUND(AVG(amount), 6) AS amount FROM sx_sales_typed WHERE region = ? GROUP BY channel',
      ['华东'],
    );
    expect(sorted(result.rows)).toEqual(sorted(expected));
  });

  it('reads the raw rows when a pre-aggregate would not be small', async () => {
    const result = await cubes.coordinator.request({
      kind: 'aggregate',
      source: 'sales',
      groupBy: ['region'],
      measures: [{ column: 'amount', aggregate: 'sum', digits: 6 }],
      filter: { date: '2024-07-01', amount: '1' },
    });
    expect(result.plan).toBe('sum-typed');
  });
});
