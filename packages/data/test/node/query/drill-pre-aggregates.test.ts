import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AggregateRequest, Engine } from '@stratex/data';
import { nativeEngine, nodeEngine } from '@stratex/data/node';

// A figure filtered on a column it is not grouped by (a tile under another widget's choice of
// channel, or a region and a channel asked together) is counted and totalled from the
// pre-aggregates kept for the page: each keeps its groups' row counts. Its count and totals
// are those of the figure, and of native DuckDB reading the file's text on its own.
const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../../../fixtures/${path}`, import.meta.url)));

const measures = [
  { column: 'target_share', aggregate: 'sum' as const, digits: 6 },
  { column: 'amount', aggregate: 'sum' as const, digits: 6 },
];

const native = nativeEngine({ coordinator: { preAggregateFrom: Infinity }, inMemoryCsvBytes: 0 });
let nativeTable = '';
beforeAll(async () => {
  const source = native.defineSource('facts', {
    bytes: fixture('generated/sales_100000.csv'),
    label: 'sales.csv',
  });
  nativeTable = (await source.ready).table;
});
afterAll(() => native.close());

/** Native DuckDB over the file's text: the rows that match, and each measure summed to cents. */
async function byNative(filter: Record<string, string>): Promise<Record<string, number>> {
  const where = Object.keys(filter)
    .map((column) => `"${column}" = ?`)
    .join(' AND ');
  const [row] = await native.records(
    `SELECT count(*)::INT AS n, round(sum(target_share::DOUBLE), 2) AS target_share, round(sum(amount::DOUBLE), 2) AS amount FROM "${nativeTable}" WHERE ${where}`,
    Object.values(filter),
  );
  return {
    n: Number(row?.n),
    target_share: Number(row?.target_share),
    amount: Number(row?.amount),
  };
}

/** The SQL an engine is sent while `work` runs. */
async function sqlSent<T>(engine: Engine, work: () => Promise<T>): Promise<[T, string[]]> {
  const spy = vi.spyOn(engine, 'records');
  try {
    const result = await work();
    return [result, spy.mock.calls.map(([sql]) => sql)];
  } finally {
    spy.mockRestore();
  }
}

const grouped = (
  source: string,
  groupBy: string[],
  filter: Record<string, string> = {},
): AggregateRequest => ({ kind: 'aggregate', source, groupBy, measures, filter });

describe('a figure filtered on a column it is not grouped by', () => {
  for (const format of ['csv', 'parquet'] as const) {
    it(`is counted and totalled from kept pre-aggregates, as the figure and native DuckDB (${format})`, async () => {
      const engine = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
      try {
        const source = 'facts';
        engine.defineSource(source, {
          bytes: fixture(`generated/sales_100000.${format}`),
          label: `sales.${format}`,
        });
        // A scorecard by channel, and a treemap by region › product line under its choice.
        const channels = await engine.coordinator.request(grouped(source, ['channel']));
        const channel = String(channels.rows[0]!.channel);
        const tiles = await engine.coordinator.request(
          grouped(source, ['region', 'product_line'], { channel }),
        );
        await engine.coordinator.prepared();
        const regions = [...new Set(tiles.rows.map((row) => String(row.region)))];
        expect(regions.length).toBeGreaterThan(2);
        for (const region of regions) {
          const filter = { channel, region };
          const [drilled, sent] = await sqlSent(engine, () =>
            engine.coordinator.drillThrough({ source, filter, measures }),
          );
          // No scan for the count or totals: nothing built, nothing counted over the rows.
          expect(sent.filter((sql) => /CREATE|GROUP BY|count\(\*\)/i.test(sql))).toEqual([]);
          expect(sent.some((sql) => /FROM "sx_cube_\d+"/.test(sql))).toBe(true);
          const own = tiles.rows.filter((row) => row.region === region);
          for (const { column } of measures) {
            const summed = own.reduce((sum, row) => sum + Number(row[column]), 0);
            expect(drilled.totals[column]).toBe(Number(summed.toFixed(6)));
          }
          const expected = await byNative(filter);
          expect(drilled.count).toBe(expected.n);
          expect(Number(drilled.totals.amount!.toFixed(2))).toBe(expected.amount);
          expect(Number(drilled.totals.target_share!.toFixed(2))).toBe(expected.target_share);
        }
      } finally {
        await engine.close();
      }
    });
  }

  it('that no widget groups by, over few rows, is counted and totalled from the rows one scan finds', async () => {
    const engine = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
    try {
      const source = 'facts';
      engine.defineSource(source, {
        bytes: fixture('generated/sales_100000.csv'),
        label: 'sales.csv',
      });
      await engine.coordinator.request(grouped(source, ['region', 'product_line']));
      await engine.coordinator.prepared();
      const filter = {
        region: '西南',
        product_line: '数据平台',
        customer_type: '大客户',
        channel: '直销',
      };
      const [drilled, sent] = await sqlSent(engine, () =>
        engine.coordinator.drillThrough({ source, filter, measures }),
      );
      // Nothing built, no grouping: the matching rows are found once and summed alone.
      expect(sent.filter((sql) => /CREATE|GROUP BY/i.test(sql))).toEqual([]);
      const expected = await byNative(filter);
      expect(expected.n).toBeGreaterThan(50);
      expect(expected.n).toBeLessThan(1_000);
      expect(drilled.count).toBe(expected.n);
      expect(Number(drilled.totals.amount!.toFixed(2))).toBe(expected.amount);
      expect(Number(drilled.totals.target_share!.toFixed(2))).toBe(expected.target_share);
      // The same figure asked as a widget would ask it: the same totals.
      const figure = await engine.coordinator.request(grouped(source, [], filter));
      for (const { column } of measures)
        expect(drilled.totals[column]).toBe(figure.rows[0]![column]);
      expect(drilled.rows).toHaveLength(50);
      const next = await engine.coordinator.drillThrough({
        source,
        filter,
        measures,
        offset: 50,
        known: { count: drilled.count, totals: drilled.totals, unreadRows: drilled.unreadRows },
      });
      expect(next.rows[0]!.position!).toBeGreaterThan(drilled.rows.at(-1)!.position!);
    } finally {
      await engine.close();
    }
  });

  it('that no widget groups by builds one pre-aggregate for its totals, and counts from it', async () => {
    const engine = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
    try {
      const source = 'facts';
      engine.defineSource(source, {
        bytes: fixture('generated/sales_100000.csv'),
        label: 'sales.csv',
      });
      const tiles = await engine.coordinator.request(grouped(source, ['region', 'product_line']));
      await engine.coordinator.prepared();
      const region = String(tiles.rows[0]!.region);
      const filter = { region, channel: '线上' };
      const [drilled, sent] = await sqlSent(engine, () =>
        engine.coordinator.drillThrough({ source, filter, measures }),
      );
      // One scan builds the pre-aggregate the totals are read from; the count reads it too.
      expect(sent.filter((sql) => /CREATE/.test(sql))).toHaveLength(1);
      expect(sent.filter((sql) => /count\(\*\)/i.test(sql) && !/sx_cube_/.test(sql))).toEqual([]);
      const figure = await engine.coordinator.request(grouped(source, [], filter));
      expect(figure.plan).toBe('pre-aggregate');
      for (const { column } of measures)
        expect(drilled.totals[column]).toBe(figure.rows[0]![column]);
      const expected = await byNative(filter);
      expect(drilled.count).toBe(expected.n);
      expect(Number(drilled.totals.amount!.toFixed(2))).toBe(expected.amount);
      // Another region with the same channel reads the same pre-aggregate: nothing is built.
      const other = { region: String(tiles.rows.at(-1)!.region), channel: '线上' };
      const [again, more] = await sqlSent(engine, () =>
        engine.coordinator.drillThrough({ source, filter: other, measures }),
      );
      expect(more.filter((sql) => /CREATE|GROUP BY|count\(\*\)/i.test(sql))).toEqual([]);
      expect(again.count).toBe((await byNative(other)).n);
    } finally {
      await engine.close();
    }
  });
});
