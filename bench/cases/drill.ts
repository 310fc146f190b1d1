// drill: how long a drill-through panel takes to open at 1M rows — its first page of rows, the
// count of every matching row and totals equal to the figure — from figures already drawn
// (treemap tiles at both levels, scorecard rows by channel), each figure opened once, from a
// CSV and a Parquet source; then a later page. Beside it, in the same run and on the same
// rows, DuckDB-WASM by hand: `SELECT * … WHERE … LIMIT 50` and `SELECT count(*) … WHERE …`.
// DuckDB-WASM in Node (the blocking build: the page's engine, one thread), so it runs without
// the built site. Alone: `npx tsx bench/cases/drill.ts [--opens 20] [--rows 1000000]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type * as Blocking from '@duckdb/duckdb-wasm/blocking';
import type { Engine, Measure } from '../../packages/data/src/index.ts';
import { nodeEngine } from '../../packages/data/src/node/index.ts';
import { benchPath } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';

export interface DrillTimes {
  /** Panel open (first page, count, totals), ms, one sample per figure. */
  open_ms: number[];
  open_median_ms: number;
  open_p95_ms: number;
  /** The next page of the same rows, ms. */
  next_page_median_ms: number;
  /** By hand: LIMIT 50 and count(*) on the same filter, ms. */
  by_hand_ms: number[];
  by_hand_median_ms: number;
  by_hand_p95_ms: number;
  /** Stratex p95 ÷ by-hand p95. */
  ratio_p95: number;
}

export interface DrillResult {
  rows: number;
  figures: number;
  csv: DrillTimes;
  parquet: DrillTimes;
  /** The machine's load average (1, 5, 15 min) when the case ended. */
  load: number[];
}

const MEASURES: Measure[] = [
  { column: 'target_share', aggregate: 'sum', digits: 6 },
  { column: 'amount', aggregate: 'sum', digits: 6 },
];

/** The figures a portal on the facts draws: treemap by region × product line, scorecard by channel. */
async function drawnFigures(engine: Engine, source: string): Promise<Record<string, string>[]> {
  const treemap = await engine.coordinator.request({
    kind: 'aggregate',
    source,
    groupBy: ['region', 'product_line'],
    measures: MEASURES,
    filter: {},
  });
  const scorecard = await engine.coordinator.request({
    kind: 'aggregate',
    source,
    groupBy: ['channel'],
    measures: MEASURES,
    filter: {},
    orderBy: [{ column: 'channel' }],
  });
  const tiles = treemap.rows.map((row) => ({
    region: String(row.region),
    product_line: String(row.product_line),
  }));
  const regions = [...new Set(tiles.map((tile) => tile.region))].map((region) => ({ region }));
  const channels = scorecard.rows.map((row) => ({ channel: String(row.channel) }));
  return [...regions, ...channels, ...tiles];
}

/** Runs SQL with bound values, as a page written for DuckDB would. */
type Ask = (sql: string, values: string[]) => Promise<{ toArray(): { n?: unknown }[] }>;

/** The same rows by hand: the first page and the count (given back). */
async function byHand(ask: Ask, table: string, filter: Record<string, string>): Promise<number> {
  const terms = Object.keys(filter).map((column) => `"${column}" = ?`);
  const where = ` WHERE ${terms.join(' AND ')}`;
  const values = Object.values(filter);
  await ask(`SELECT * FROM "${table}"${where} LIMIT 50`, values);
  const counted = (await ask(`SELECT count(*) AS n FROM "${table}"${where}`, values)) as {
    toArray(): { n: unknown }[];
  };
  return Number(counted.toArray()[0]?.n);
}

/** DuckDB-WASM by hand (its blocking build, as the engine's), the CSV read by its own `read_csv`. */
async function csvByHand(bytes: Uint8Array): Promise<{ ask: Ask; close: () => void }> {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof Blocking;
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/[^/\\]+$/, '');
  const db = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: `${dist}duckdb-mvp.wasm`,
        mainWorker: `${dist}duckdb-node-mvp.worker.cjs`,
      },
      eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => undefined);
  db.open({});
  const connection = db.connect();
  db.registerFileBuffer('by_hand.csv', bytes);
  connection.query(`CREATE TABLE by_hand AS SELECT * FROM read_csv('by_hand.csv')`);
  return {
    ask: async (sql, values) => {
      const statement = connection.prepare(sql);
      try {
        return statement.query(...values);
      } finally {
        statement.close();
      }
    },
    close: () => {
      connection.close();
      db.reset();
    },
  };
}

async function measure(
  engine: Engine,
  source: string,
  hand: { ask: Ask; table: string },
  opens: number,
  log: (line: string) => void,
): Promise<DrillTimes> {
  const figures = (await drawnFigures(engine, source)).slice(0, opens);
  const open: number[] = [];
  const next: number[] = [];
  const handMs: number[] = [];
  // Stratex and by hand in turn, figure by figure, so both see the same machine.
  for (const filter of figures) {
    let start = performance.now();
    const first = await engine.coordinator.drillThrough({ source, filter, measures: MEASURES });
    open.push(performance.now() - start);
    start = performance.now();
    await engine.coordinator.drillThrough({
      source,
      filter,
      measures: MEASURES,
      offset: 50,
      known: { count: first.count, totals: first.totals, unreadRows: first.unreadRows },
    });
    next.push(performance.now() - start);
    start = performance.now();
    const counted = await byHand(hand.ask, hand.table, filter);
    handMs.push(performance.now() - start);
    if (counted !== first.count)
      throw new Error(
        `${source} ${JSON.stringify(filter)}: ${first.count} rows, by hand ${counted}`,
      );
  }
  const times: DrillTimes = {
    open_ms: open.map((ms) => round(ms, 1)),
    open_median_ms: round(median(open), 1),
    open_p95_ms: round(percentile(open, 0.95), 1),
    next_page_median_ms: round(median(next), 1),
    by_hand_ms: handMs.map((ms) => round(ms, 1)),
    by_hand_median_ms: round(median(handMs), 1),
    by_hand_p95_ms: round(percentile(handMs, 0.95), 1),
    ratio_p95: round(percentile(open, 0.95) / percentile(handMs, 0.95), 2),
  };
  log(
    `drill ${source}: open median ${times.open_median_ms} ms, p95 ${times.open_p95_ms} ms; next page ${times.next_page_median_ms} ms; by hand median ${times.by_hand_median_ms} ms, p95 ${times.by_hand_p95_ms} ms (${figures.length} figures)`,
  );
  return times;
}

export async function drillCase(
  opens: number,
  log: (line: string) => void,
  rows = 1_000_000,
): Promise<DrillResult> {
  const read = (format: string): Uint8Array =>
    new Uint8Array(readFileSync(benchPath(`../fixtures/generated/sales_${rows}.${format}`)));
  const engine = nodeEngine({ recover: false, inMemoryCsvBytes: 0 });
  const csvBytes = read('csv');
  const hand = await csvByHand(csvBytes);
  try {
    engine.defineSource('sales_csv', { bytes: csvBytes, label: 'sales.csv' });
    engine.defineSource('sales_parquet', { bytes: read('parquet'), label: 'sales.parquet' });
    // By hand, the CSV as DuckDB reads it on its own; the Parquet file (which DuckDB-WASM reads
    // only through an extension it would download) as the engine stored it, queried directly.
    const parquetTable = (await engine.sources.get('sales_parquet')).table;
    const connector = await engine.connector();
    const asked: Ask = (sql, values) => connector.query(sql, values);
    const csv = await measure(engine, 'sales_csv', { ask: hand.ask, table: 'by_hand' }, opens, log);
    const parquet = await measure(
      engine,
      'sales_parquet',
      { ask: asked, table: parquetTable },
      opens,
      log,
    );
    const load = loadavg().map((value) => round(value, 2));
    log(`drill: load average ${load.join(', ')}`);
    return { rows, figures: csv.open_ms.length, csv, parquet, load };
  } finally {
    hand.close();
    await engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { opens: { type: 'string' }, rows: { type: 'string' } },
  });
  const result = await drillCase(
    Number(values.opens ?? 20),
    (line) => console.log(line),
    Number(values.rows ?? 1_000_000),
  );
  writeFileSync(benchPath('results/drill.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}

/** The drill-through panel's opens beside DuckDB-WASM by hand, per format. */
export function drillSection(drill: DrillResult): string[] {
  const row = (format: string, times: DrillTimes): string =>
    `| ${format} | ${times.open_median_ms} | ${times.open_p95_ms} | ${times.next_page_median_ms} | ${times.by_hand_median_ms} | ${times.by_hand_p95_ms} | ${times.ratio_p95} |`;
  return [
    '## Drill-through',
    '',
    `The rows behind a figure already drawn (treemap tiles at both levels, scorecard rows by channel), ${drill.figures} figures each opened once, ${drill.rows.toLocaleString('en')} rows: the first page of 50 rows, their count and totals equal to the figure (target: p95 ≤ 150 ms). By hand: \`SELECT * … LIMIT 50\` and \`SELECT count(*)\` on the same filter. Load average ${drill.load.join(', ')}.`,
    '',
    '| format | open median, ms | open p95, ms | next page median, ms | by hand median, ms | by hand p95, ms | p95 ÷ by hand |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('CSV', drill.csv),
    row('Parquet', drill.parquet),
  ];
}
