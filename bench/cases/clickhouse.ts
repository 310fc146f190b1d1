// Drill-down on a two-shard ClickHouse cluster beside the native DuckDB query server, on the
// same seeded facts (a Distributed table over two MergeTree shards; one Parquet file loaded by
// the server). Each interaction is one round trip over HTTP, as a page makes it: the treemap's
// first view, a drill into a region, a cross-filter by channel. Reports median and p95 per
// engine, and the bytes each answer brings to the browser. Every tile's figures must agree
// exactly between the engines, or the case fails.
//
//   npx tsx bench/cases/clickhouse.ts [--rows 10000000,50000000] [--runs 40]
//
// Starts the cluster with scripts/clickhouse-cluster.sh (left running), and writes the facts
// (fixtures/scripts/clickhouse-facts.ts) when the cluster or the Parquet file lacks them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type Table, tableFromIPC } from 'apache-arrow';
import { parseArgs } from 'node:util';
import {
  ClickHouseConnector,
  groupedFigures,
  type EqualityFilter,
} from '../../packages/data/src/clickhouse/index.ts';
import { startQueryServer } from '../../packages/data/src/server/query-server.ts';
import { DEFAULT_SHARDS, writeClusterFacts } from '../../fixtures/scripts/clickhouse-facts.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { benchPath } from '../lib/site.ts';

interface Interaction {
  name: string;
  levels: string[];
  filter: Record<string, string>;
}

const REGIONS = ['华东', '华南', '华北', '西南', '华中'];
const CHANNELS = ['直销', '经销商', '线上'];

/** The interactions of one session: first view, then drills and cross-filters in turn. */
function session(runs: number): Interaction[] {
  const steps: Interaction[] = [];
  for (let run = 0; run < runs; run++) {
    const region = REGIONS[run % REGIONS.length] ?? '华东';
    const channel = CHANNELS[run % CHANNELS.length] ?? '直销';
    steps.push(
      { name: 'first view', levels: ['region', 'product_line'], filter: {} },
      { name: 'drill-down', levels: ['product_line', 'customer_type'], filter: { region } },
      { name: 'cross-filter', levels: ['region', 'product_line'], filter: { channel } },
    );
  }
  return steps;
}

interface Timing {
  ms: number;
  bytes: number;
  /** Every tile's levels, target and actual, sorted: both engines must give the same. */
  tiles: string;
}

function tilesOf(answer: Table, step: Interaction): string {
  const rows = answer.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const cells = row.toJSON();
    const key = step.levels.map((level) => String(cells[level])).join(' / ');
    return `${key}: ${Number(cells.target_share)} ${Number(cells.amount)}`;
  });
  return rows.sort().join('; ');
}

async function onCluster(
  table: string,
  step: Interaction,
  reader: ClickHouseConnector,
): Promise<Timing> {
  const { sql, params } = groupedFigures({
    table,
    levels: step.levels,
    target: 'target_share',
    actual: 'amount',
    filter: step.filter as EqualityFilter,
  });
  const before = reader.traffic.bytes;
  const start = performance.now();
  const answer = await reader.query(sql, params);
  const ms = performance.now() - start;
  return { ms, bytes: reader.traffic.bytes - before, tiles: tilesOf(answer, step) };
}

/**
 * The treemap's statement for a table of numbers, as target-treemap/query.ts (`summedQuery`)
 * writes it; spelled out here because that module's package entry loads browser-only code.
 */
function widgetSql(table: string, step: Interaction): { sql: string; params: string[] } {
  const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
  const text = (name: string): string => `CAST(${quote(name)} AS VARCHAR)`;
  const columns = [
    ...step.levels.map((level) => `${text(level)} AS ${quote(level)}`),
    ...['target_share', 'amount'].map(
      (figure) => `CAST(ROUND(SUM(${quote(figure)}), 6) AS VARCHAR) AS ${quote(figure)}`,
    ),
  ];
  const filter = Object.keys(step.filter).map((column) => `${text(column)} = ?`);
  const where = filter.length ? ` WHERE ${filter.join(' AND ')}` : '';
  const groupBy = ` GROUP BY ${step.levels.map((_, index) => index + 1).join(', ')}`;
  return {
    sql: `SELECT ${columns.join(', ')} FROM ${quote(table)}${where}${groupBy}`,
    params: Object.values(step.filter),
  };
}

async function onDuckServer(table: string, step: Interaction, url: string): Promise<Timing> {
  const { sql, params } = widgetSql(table, step);
  const start = performance.now();
  const response = await fetch(`${url}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql, params }),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(new TextDecoder().decode(body));
  return { ms, bytes: body.byteLength, tiles: tilesOf(tableFromIPC(body), step) };
}

function summary(timings: Timing[]): { median: number; p95: number; bytes: number } {
  const ms = timings.map((timing) => timing.ms);
  return {
    median: round(median(ms), 1),
    p95: round(percentile(ms, 0.95), 1),
    bytes: Math.round(median(timings.map((timing) => timing.bytes))),
  };
}

async function clusterRows(table: string): Promise<number> {
  const admin = new ClickHouseConnector({ url: DEFAULT_SHARDS[0] ?? '', user: 'default' });
  try {
    const answer = await admin.query(`SELECT count() AS n FROM ${table}`);
    return Number(answer.getChild('n')?.get(0) ?? 0);
  } catch {
    return 0;
  }
}

async function measure(rows: number, runs: number): Promise<void> {
  const table = `sales_${rows}`;
  const parquet = benchPath(`../fixtures/generated/${table}.parquet`);
  if (!existsSync(parquet) || (await clusterRows(table)) !== rows) {
    const written = await writeClusterFacts({ rows, table });
    console.log(
      `${table}: written (generate ${written.seconds.generate} s, insert into the cluster ${written.seconds.insert} s, parquet ${written.seconds.parquet} s)`,
    );
  }
  const server = await startQueryServer({ sources: { [table]: parquet } });
  const reader = new ClickHouseConnector({ url: DEFAULT_SHARDS[0] ?? '', user: 'stratex_reader' });
  try {
    const steps = session(runs);
    // One warm-up session each: caches filled as on a server that has been up a while.
    for (const step of steps.slice(0, 3)) {
      await onCluster(table, step, reader);
      await onDuckServer(table, step, server.url);
    }
    const cluster: Timing[] = [];
    const duck: Timing[] = [];
    for (const step of steps) {
      const a = await onCluster(table, step, reader);
      const b = await onDuckServer(table, step, server.url);
      if (a.tiles !== b.tiles)
        throw new Error(`${step.name}: the engines disagree:\n${a.tiles}\n${b.tiles}`);
      cluster.push(a);
      duck.push(b);
    }
    for (const name of ['first view', 'drill-down', 'cross-filter', 'all']) {
      const pick = (timings: Timing[]): Timing[] =>
        timings.filter((_, index) => name === 'all' || steps[index]?.name === name);
      const c = summary(pick(cluster));
      const d = summary(pick(duck));
      console.log(
        `| ${rows.toLocaleString('en')} | ${name} | ${c.median} ms / ${c.p95} ms | ${d.median} ms / ${d.p95} ms | ×${round(c.median / d.median, 2)} | ${c.bytes} B | ${d.bytes} B |`,
      );
    }
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000000' },
      runs: { type: 'string', default: '40' },
    },
  });
  execFileSync('bash', [benchPath('../scripts/clickhouse-cluster.sh'), 'start'], {
    stdio: 'inherit',
  });
  console.log(
    `load average at start: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    '| rows | interaction | ClickHouse, 2 shards: median / p95 | DuckDB server: median / p95 | ratio | bytes to the page, ClickHouse (JSONCompact) | DuckDB server (Arrow IPC) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const rows of values.rows.split(',').map((text) => Number(text.replaceAll('_', ''))))
    await measure(rows, Number(values.runs));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
