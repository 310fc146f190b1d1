import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AggregateRequest, DataResult, Engine } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';
import {
  salesCsvHeader,
  salesCsvLine,
  salesRows,
} from '../../../../../fixtures/scripts/sales-rows';

// Two treemaps over seeded sales facts on DuckDB-WASM, the engine a page runs: one by
// region › product line › customer type, one by channel. The scan that answers their first
// views also groups the rows by region and channel, so the first drill (a region chosen in
// one filters the other) is answered from a pre-aggregate made of those figures, with no
// scan of the raw rows and no background build waited for. Every figure is compared, to
// the last bit, with an engine that reads the raw rows for each request.
const ROWS = 150_000;
const csv = new TextEncoder().encode(
  salesCsvHeader + [...salesRows(ROWS, 23)].map((row) => salesCsvLine(row)).join(''),
);
const LEVELS = ['region', 'product_line', 'customer_type'];

const treemap = (
  groupBy: readonly string[],
  filter: Record<string, string> = {},
): AggregateRequest => ({
  kind: 'aggregate',
  source: 'sales',
  groupBy,
  measures: [
    { column: 'target_share', aggregate: 'sum', digits: 6 },
    { column: 'amount', aggregate: 'sum', digits: 6 },
  ],
  filter,
});

function sorted(rows: DataResult['rows']): Record<string, unknown>[] {
  const key = (row: Record<string, unknown>): string =>
    [...LEVELS, 'channel'].map((column) => String(row[column] ?? '')).join('\u0000');
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

async function sqlSent(engine: Engine, work: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(engine, 'records');
  try {
    await work();
    return spy.mock.calls.map(([sql]) => sql);
  } finally {
    spy.mockRestore();
  }
}

const raw = nodeEngine({ coordinator: { preAggregateFrom: Infinity }, inMemoryCsvBytes: 0 });
beforeAll(async () => {
  await raw.defineSource('sales', { bytes: csv, format: 'csv' }).ready;
});
afterAll(() => raw.close());

describe('the first drill after a load', () => {
  it('is answered from figures the first views’ scan grouped, equal to the raw rows’', async () => {
    const engine = nodeEngine({ coordinator: { preAggregateFrom: 0 }, inMemoryCsvBytes: 0 });
    try {
      await engine.defineSource('sales', { bytes: csv, format: 'csv' }).ready;
      let first: DataResult[] = [];
      const firstSql = await sqlSent(engine, async () => {
        first = await Promise.all([
          engine.coordinator.request(treemap(LEVELS)),
          engine.coordinator.request(treemap(['channel'])),
        ]);
      });
      // One scan of the raw rows for both first views, building nothing.
      const scans = firstSql.filter((sql) => /FROM "sx_sales/.test(sql));
      expect(scans).toHaveLength(1);
      expect(scans[0]).toMatch(/GROUPING SETS/);
      expect(firstSql.some((sql) => sql.includes('sx_cube_'))).toBe(false);
      expect(sorted(first[0]!.rows)).toEqual(
        sorted((await raw.coordinator.request(treemap(LEVELS))).rows),
      );
      expect(sorted(first[1]!.rows)).toEqual(
        sorted((await raw.coordinator.request(treemap(['channel']))).rows),
      );
      const regions = (await raw.records('SELECT DISTINCT region AS v FROM sx_sales')).map((row) =>
        String(row.v),
      );
      expect(regions.length).toBeGreaterThan(1);
      // The drills come at once, before any background build could run.
      for (const region of regions) {
        const ask = treemap(['channel'], { region });
        let answer: DataResult | undefined;
        const sent = await sqlSent(engine, async () => {
          answer = await engine.coordinator.request(ask);
        });
        expect(answer?.plan).toBe('pre-aggregate');
        expect(
          sent.some((sql) => /FROM "sx_sales/.test(sql)),
          sent.join('\n'),
        ).toBe(false);
        expect(sent.at(-1)).toMatch(/FROM "sx_cube_\d+"/);
        const expected = await raw.coordinator.request(ask);
        expect(sorted(answer!.rows), region).toEqual(sorted(expected.rows));
        expect(answer!.rows.length).toBeGreaterThan(0);
      }
      // The cross-filter's pre-aggregate is still built in the background, from the raw rows.
      await engine.coordinator.prepared();
      const channel = String(first[1]!.rows[0]?.channel);
      const crossFiltered = await engine.coordinator.request(treemap(LEVELS, { channel }));
      expect(crossFiltered.plan).toBe('pre-aggregate');
      expect(sorted(crossFiltered.rows)).toEqual(
        sorted((await raw.coordinator.request(treemap(LEVELS, { channel }))).rows),
      );
    } finally {
      await engine.close();
    }
  });
});
