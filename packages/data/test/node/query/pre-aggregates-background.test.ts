import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AggregateRequest, DataResult, Engine } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import {
  salesCsvHeader,
  salesCsvLine,
  salesRows,
} from '../../../../../fixtures/scripts/sales-rows';
import { serveVersionedFile } from '../versioned-server';

// A drill-down page over seeded sales facts: a treemap by region › product line › customer
// type and another by channel on one source. Once their first views are answered, the
// pre-aggregates a drill or cross-filter asks for are built in the background, so the
// first drill finds one. Figures are compared with an engine that reads the raw rows.
const ROWS = 20_000;
const salesBytes = (seed: number): Uint8Array =>
  new TextEncoder().encode(
    salesCsvHeader + [...salesRows(ROWS, seed)].map((row) => salesCsvLine(row)).join(''),
  );
const csv = salesBytes(11);
const LEVELS = ['region', 'product_line', 'customer_type'];
const FIGURES = [
  { column: 'target_share', aggregate: 'sum', digits: 6 },
  { column: 'amount', aggregate: 'sum', digits: 6 },
] as const;

const treemap = (
  groupBy: readonly string[],
  filter: Record<string, string> = {},
): AggregateRequest => ({
  kind: 'aggregate',
  source: 'sales',
  groupBy,
  measures: FIGURES,
  filter,
});

/** Rows in one order whatever order the engine grouped them in. */
function sorted(rows: DataResult['rows']): Record<string, unknown>[] {
  const key = (row: Record<string, unknown>): string =>
    [...LEVELS, 'channel'].map((column) => String(row[column] ?? '')).join('\u0000');
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The SQL an engine is sent while `work` runs. */
async function sqlSent(engine: Engine, work: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(engine, 'records');
  try {
    await work();
    return spy.mock.calls.map(([sql]) => sql);
  } finally {
    spy.mockRestore();
  }
}

async function cubeTables(engine: Engine): Promise<number> {
  const [row] = await engine.records(
    "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'sx_cube_%'",
  );
  return Number(row?.n);
}

// The file is read into the database: a small CSV would be answered in JS, with no SQL.
const raw = nativeEngine({ coordinator: { preAggregateFrom: Infinity }, inMemoryCsvBytes: 0 });
beforeAll(async () => {
  await raw.defineSource('sales', { bytes: csv, format: 'csv' }).ready;
});
afterAll(() => raw.close());

describe('pre-aggregates built in the background', () => {
  it('answers the first drill and the first cross-filter from a pre-aggregate built after the first views', async () => {
    const engine = nativeEngine({ coordinator: { preAggregateFrom: 0 }, inMemoryCsvBytes: 0 });
    try {
      await engine.defineSource('sales', { bytes: csv, format: 'csv' }).ready;
      // The two treemaps' first views: answered from the raw rows, building nothing first.
      const first = await sqlSent(engine, () =>
        Promise.all([
          engine.coordinator.request(treemap(LEVELS)),
          engine.coordinator.request(treemap(['channel'])),
        ]),
      );
      expect(first.some((sql) => sql.includes('sx_cube_'))).toBe(false);
      await engine.coordinator.prepared();
      expect(await cubeTables(engine)).toBeGreaterThan(0);
      const regions = (await raw.records('SELECT DISTINCT region AS v FROM sx_sales')).map((row) =>
        String(row.v),
      );
      const channels = (await raw.records('SELECT DISTINCT channel AS v FROM sx_sales')).map(
        (row) => String(row.v),
      );
      expect(regions.length).toBeGreaterThan(1);
      const productLine = String(
        (await raw.records('SELECT min(product_line) AS v FROM sx_sales'))[0]?.v,
      );
      // Drills in the region treemap filter the channel treemap; a channel filters the regions.
      const asks = [
        ...regions.map((region) => treemap(['channel'], { region })),
        treemap(['channel'], { region: regions[0]!, product_line: productLine }),
        ...channels.map((channel) => treemap(LEVELS, { channel })),
      ];
      for (const ask of asks) {
        // Each request declares its grouping too: what that makes likely is built in between.
        await engine.coordinator.prepared();
        let answer: DataResult | undefined;
        const sent = await sqlSent(engine, async () => {
          answer = await engine.coordinator.request(ask);
        });
        // One small query over a pre-aggregate already built: nothing is built now.
        expect(answer?.plan, JSON.stringify(ask.filter)).toBe('pre-aggregate');
        expect(sent).toHaveLength(1);
        expect(sent[0]).toMatch(/FROM "sx_cube_\d+"/);
        expect(sent[0]).not.toMatch(/CREATE/);
        // Sums of floating-point amounts come from a pre-aggregate of exactly the asked
        // dimensions, one row per group: adding partial sums would change their last digits.
        const cube = /FROM "(sx_cube_\d+)"/.exec(sent[0]!)?.[1];
        const held = await engine.records(
          "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = ? AND column_name NOT LIKE 'sx_measure_%' ORDER BY 1",
          [cube!],
        );
        expect(held.map((row) => String(row.name))).toEqual(
          [...ask.groupBy, ...Object.keys(ask.filter ?? {})].sort(),
        );
        const expected = await raw.coordinator.request(ask);
        expect(expected.plan).toBe('sum-typed');
        expect(sorted(answer!.rows), JSON.stringify(ask.filter)).toEqual(sorted(expected.rows));
        expect(answer!.rows.length).toBeGreaterThan(0);
      }
    } finally {
      await engine.close();
    }
  });

  it('rolls counts, minima and maxima up from a pre-aggregate with more dimensions', async () => {
    const engine = nativeEngine({ coordinator: { preAggregateFrom: 0 }, inMemoryCsvBytes: 0 });
    try {
      await engine.defineSource('sales', { bytes: csv, format: 'csv' }).ready;
      const exact = [
        { column: 'amount', aggregate: 'count', as: 'orders' },
        { column: 'amount', aggregate: 'min', as: 'smallest' },
        { column: 'amount', aggregate: 'max', as: 'largest' },
      ] as const;
      const ask = (groupBy: string[], filter: Record<string, string> = {}): AggregateRequest => ({
        kind: 'aggregate',
        source: 'sales',
        groupBy,
        measures: exact,
        filter,
      });
      await Promise.all([
        engine.coordinator.request(ask(LEVELS)),
        engine.coordinator.request(ask(['channel'])),
      ]);
      await engine.coordinator.prepared();
      // Region and channel were built for the first cross-filter; region alone never is.
      const region = String((await raw.records('SELECT min(region) AS v FROM sx_sales'))[0]?.v);
      for (const request of [ask(['region'], { channel: '线上' }), ask([], { region })]) {
        // Each request declares its grouping too: what that makes likely is built in between.
        await engine.coordinator.prepared();
        let answer: DataResult | undefined;
        const sent = await sqlSent(engine, async () => {
          answer = await engine.coordinator.request(request);
        });
        expect(answer?.plan).toBe('pre-aggregate');
        expect(sent, sent.join('\n')).toHaveLength(1);
        const built = await engine.records(
          "SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'sx_cube_%'",
        );
        const cube = /FROM "(sx_cube_\d+)"/.exec(sent[0]!)?.[1];
        expect(built.map((row) => String(row.name))).toContain(cube);
        const held = await engine.records(
          "SELECT count(*)::INT AS n FROM duckdb_columns() WHERE table_name = ? AND column_name NOT LIKE 'sx_measure_%'",
          [cube!],
        );
        const asked = request.groupBy.length + Object.keys(request.filter ?? {}).length;
        // The total of one region is rolled up over the dimensions it does not ask for.
        if (request.groupBy.length === 0) expect(Number(held[0]?.n)).toBeGreaterThan(asked);
        const expected = await raw.coordinator.request(request);
        expect(sorted(answer!.rows)).toEqual(sorted(expected.rows));
        expect(answer!.rows.length).toBeGreaterThan(0);
      }
    } finally {
      await engine.close();
    }
  });

  it('never answers from a pre-aggregate of the rows a refresh replaced mid-build', async () => {
    const engine = nativeEngine({ coordinator: { preAggregateFrom: 0 }, inMemoryCsvBytes: 0 });
    const server = await serveVersionedFile(csv);
    const records = engine.records.bind(engine);
    try {
      const source = engine.defineSource('sales', { url: `${server.origin}/sales.csv` });
      await source.ready;
      // The first background build is held until the file has changed and been loaded again.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let building!: () => void;
      const started = new Promise<void>((resolve) => (building = resolve));
      vi.spyOn(engine, 'records').mockImplementation(async (sql, params) => {
        if (/^CREATE .*sx_cube_/.test(sql)) {
          building();
          await held;
        }
        return records(sql, params);
      });
      await Promise.all([
        engine.coordinator.request(treemap(LEVELS)),
        engine.coordinator.request(treemap(['channel'])),
      ]);
      const prepared = engine.coordinator.prepared();
      await started;
      server.body = salesBytes(12);
      server.version = 2;
      const refreshed = await source.refresh();
      release();
      await prepared;
      vi.mocked(engine.records).mockRestore();
      // The refreshed file, read straight from the raw rows of a fresh engine.
      const fresh = nativeEngine({ coordinator: { preAggregateFrom: Infinity } });
      try {
        await fresh.defineSource('sales', { bytes: salesBytes(12), format: 'csv' }).ready;
        expect(refreshed.rowCount).toBe(ROWS);
        const region = String(
          (await fresh.records('SELECT min(region) AS v FROM sx_sales_typed'))[0]?.v,
        );
        const ask = treemap(['channel'], { region });
        const [answer, expected, before] = await Promise.all([
          engine.coordinator.request(ask),
          fresh.coordinator.request(ask),
          raw.coordinator.request(ask),
        ]);
        expect(sorted(answer.rows)).toEqual(sorted(expected.rows));
        // The two files differ here, so an answer from the old rows would show.
        expect(sorted(answer.rows)).not.toEqual(sorted(before.rows));
        // The held build, of the replaced rows, was given up and its table dropped.
        await engine.coordinator.prepared();
        const views = await engine.coordinator.request(treemap(LEVELS));
        const viewsFresh = await fresh.coordinator.request(treemap(LEVELS));
        expect(sorted(views.rows)).toEqual(sorted(viewsFresh.rows));
      } finally {
        await fresh.close();
      }
    } finally {
      server.close();
      await engine.close();
    }
  });
});
