import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AggregateRequest, Engine } from '@stratex/data';
import { recordsOf } from '../../src/loaded-table';
import { WasmConnector } from '@stratex/data/wasm';
import { salesCsvHeader, salesCsvLine, salesRows } from '../../../../fixtures/scripts/sales-rows';

// DuckDB-WASM answers on one worker. A background statement (a pre-aggregate being built) is
// sent a slice at a time on a connection of its own, so a request sent meanwhile is answered
// between its slices, and the statement can be held between them while requests are answered.

/** 7,000 groups over three million rows: many slices of work for one statement. */
const FACTS = `CREATE TABLE facts AS
  SELECT i % 1000 AS k, i % 7 AS g, i * 1.5 AS v FROM range(3000000) AS t(i)`;
const CUBE = 'CREATE TABLE cube AS SELECT k, g, sum(v) AS v FROM facts GROUP BY k, g';

describe('a background statement on DuckDB-WASM', () => {
  let connector: WasmConnector;
  beforeAll(async () => {
    connector = await WasmConnector.open();
    await connector.query(FACTS);
  });
  afterAll(() => connector.close());

  it('is held between its slices while a request is answered, then completes', async () => {
    await connector.query('DROP TABLE IF EXISTS cube');
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let pausing!: () => void;
    const paused = new Promise<void>((resolve) => (pausing = resolve));
    const built = connector
      .query(CUBE, [], {
        background: true,
        pause: () => {
          pausing();
          return held;
        },
      })
      .then(() => events.push('built'));
    // One slice has run and the statement waits: it is not finished.
    await Promise.race([paused, built]);
    expect(events).toEqual([]);
    const answer = recordsOf(
      await connector.query('SELECT count(*)::INT AS n FROM facts WHERE g = 3'),
    );
    events.push('answered');
    expect(answer).toEqual([{ n: 428_571 }]);
    expect(events).toEqual(['answered']);
    release();
    await built;
    expect(events).toEqual(['answered', 'built']);
    // Built in full, and seen from the connection every request uses.
    expect(recordsOf(await connector.query('SELECT count(*)::INT AS n FROM cube'))).toEqual([
      { n: 7000 },
    ]);
    expect(
      recordsOf(await connector.query('SELECT sum(v) AS v FROM cube WHERE k = 999 AND g = 5')),
    ).toEqual(
      recordsOf(await connector.query('SELECT sum(v) AS v FROM facts WHERE k = 999 AND g = 5')),
    );
  });

  it('lets a request sent while it runs be answered before it ends', async () => {
    await connector.query('DROP TABLE IF EXISTS cube');
    const events: string[] = [];
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    const built = connector
      .query(CUBE, [], { background: true, pause: () => void running() })
      .then(() => events.push('built'));
    await Promise.race([started, built]);
    expect(events).toEqual([]);
    await connector.query('SELECT 42 AS answer');
    events.push('answered');
    await built;
    expect(events).toEqual(['answered', 'built']);
    expect(recordsOf(await connector.query('SELECT count(*)::INT AS n FROM cube'))).toEqual([
      { n: 7000 },
    ]);
  });
});

// The coordinator over a 300,000-row sales source: once the first views are answered, it
// builds the pre-aggregates a drill would ask for. A drill sent while one of them is being
// built is answered before that build ends, and the build still completes. One sent while its
// own pre-aggregate is being built waits for that build, which then pauses no more.
const ROWS = 300_000;
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

describe('a drill during a background build', () => {
  const bytes = new TextEncoder().encode(
    salesCsvHeader + [...salesRows(ROWS, 5)].map((row) => salesCsvLine(row)).join(''),
  );

  it('is answered before the build under way ends, and the build completes after it', async () => {
    const engine = new Engine(() => WasmConnector.open(), { inMemoryCsvBytes: 0 });
    try {
      await engine.defineSource('sales', { bytes, format: 'csv' }).ready;
      const events: string[] = [];
      const records = engine.records.bind(engine);
      const drills: Promise<unknown>[] = [];
      const drill = (step: number, region: string): void => {
        const asked = engine.coordinator.request(treemap(['channel'], { region }));
        drills.push(
          asked.then((answer) =>
            events.push(
              `drill ${step} answered from ${answer.plan === 'pre-aggregate' ? 'a pre-aggregate' : 'the rows'}`,
            ),
          ),
        );
      };
      let builds = 0;
      vi.spyOn(engine, 'records').mockImplementation((sql, params, options) => {
        const run = records(sql, params, options);
        if (/^CREATE .*sx_cube_/.test(sql)) {
          const step = ++builds;
          events.push(`build ${step} started`);
          void run.then(() => events.push(`build ${step} done`));
          // The first build is of the drill's pre-aggregate; the second of another one.
          if (step === 1) drill(1, '华北');
          if (step === 2) drill(2, '华东');
        }
        return run;
      });
      await Promise.all([
        engine.coordinator.request(treemap(LEVELS)),
        engine.coordinator.request(treemap(['channel'])),
      ]);
      await engine.coordinator.prepared();
      await Promise.all(drills);
      // The second drill came while another build was under way and was answered before it
      // ended; the drills' filter makes a deeper pre-aggregate likely, built after them.
      expect(events.slice(0, 6)).toEqual([
        'build 1 started',
        'build 1 done',
        'drill 1 answered from a pre-aggregate',
        'build 2 started',
        'drill 2 answered from a pre-aggregate',
        'build 2 done',
      ]);
      expect(events.filter((event) => event.endsWith('done'))).toHaveLength(builds);
      const sent = vi.mocked(engine.records).mock.calls.length;
      // The second pre-aggregate was built in full: a cross-filter on channel reads it alone.
      const crossFiltered = await engine.coordinator.request(treemap(LEVELS, { channel: '直销' }));
      expect(crossFiltered.plan).toBe('pre-aggregate');
      const statements = vi
        .mocked(engine.records)
        .mock.calls.slice(sent)
        .map(([sql]) => sql);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/FROM "sx_cube_\d+"/);
      vi.mocked(engine.records).mockRestore();
      // The drill's figures are the raw rows'.
      const raw = await engine.records(
        `SELECT channel, sum(target_share) AS target_share, sum(amount) AS amount
           FROM sx_sales_typed WHERE region = '华东' GROUP BY channel ORDER BY channel`,
      );
      const drilled = await engine.coordinator.request(treemap(['channel'], { region: '华东' }));
      expect(drilled.cached).toBe(true);
      const byChannel = [...drilled.rows].sort((a, b) =>
        String(a.channel).localeCompare(String(b.channel)),
      );
      expect(byChannel.map((row) => row.channel)).toEqual(raw.map((row) => row.channel));
      byChannel.forEach((row, index) => {
        expect(Number(row.amount)).toBeCloseTo(Number(raw[index]?.amount), 6);
        expect(Number(row.target_share)).toBeCloseTo(Number(raw[index]?.target_share), 6);
      });
    } finally {
      await engine.close();
    }
  });
});
