// Case 6: the treemap's interactions on a two-shard ClickHouse cluster beside the native
// DuckDB query server, on the same facts: each engine generates them itself from the row
// number (fixtures/scripts/numbered-facts.ts; a `Distributed` table over two `MergeTree`
// shards, and a Parquet file the query server loads into memory). Each interaction is the
// request the treemap builds (target-treemap/request.ts), rendered by each engine's dialect
// as the coordinator renders it and sent in one HTTP round trip through the engine's own
// connector, as a page sends it: the first view, a drill into one region, a cross-filter by
// channel, the engines alternating. Reports median and p95 per engine and the response body
// bytes per interaction as they come over HTTP (gzip where the server compresses, as
// Chromium asks it to) and decoded. Every answer's figures must agree between the engines.
//
// The case runs its own cluster (scripts/clickhouse-cluster.sh with a folder of its own and
// ports the system says are free, as the tests start theirs), stops it afterwards, and is
// skipped with a note when clickhouse-server is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector } from '../../packages/data/src/connector.ts';
import { recordsOf } from '../../packages/data/src/loaded-table.ts';
import {
  ClickHouseConnector,
  clickhouseDialect,
} from '../../packages/data/src/clickhouse/index.ts';
import type { Dialect } from '../../packages/data/src/query/dialect.ts';
import { renderAggregate } from '../../packages/data/src/query/render.ts';
import { openQueryServer } from '../../packages/data/src/server/open.ts';
import { startQueryServer } from '../../packages/data/src/server/query-server.ts';
import { engineFilter } from '../../packages/widgets/src/base/client.ts';
import { breakdownClient } from '../../packages/widgets/src/target-treemap/request.ts';
import {
  dropClusterTable,
  FACT_COLUMNS,
  insertNumberedFacts,
  writeNumberedParquet,
} from '../../fixtures/scripts/numbered-facts.ts';
import { countingFetch, type Traffic } from '../lib/http-bytes.ts';
import type { ClusterInteraction, ClusterResults, ClusterTiming } from '../lib/results.ts';
import { benchPath } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';

const SHARD_DIR = join(tmpdir(), `stratex-clickhouse-bench-${process.pid}`);
/** The two shards' HTTP ports come first in the `ports` file the script writes at `start`. */
const shardUrls = (): string[] =>
  readFileSync(join(SHARD_DIR, 'ports'), 'utf8')
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((port) => `http://127.0.0.1:${port}/`);
const REGIONS = ['华东', '华南', '华北', '西南', '华中'];
const CHANNELS = ['直销', '经销商', '线上'];
const TARGET = 'target_share';
const ACTUAL = 'amount';

interface Step {
  interaction: Exclude<ClusterInteraction, 'all'>;
  levels: string[];
  /** What another widget chose: the treemap's request carries the part it cannot apply itself. */
  selection: Record<string, string>;
}

/** The interactions of `runs` sessions: first view, a drill into a region, a cross-filter, in turn. */
function session(runs: number): Step[] {
  const steps: Step[] = [];
  for (let run = 0; run < runs; run++) {
    steps.push(
      { interaction: 'first view', levels: ['region', 'product_line'], selection: {} },
      {
        interaction: 'drill-down',
        levels: ['product_line', 'customer_type'],
        selection: { region: REGIONS[run % REGIONS.length] ?? '华东' },
      },
      {
        interaction: 'cross-filter',
        levels: ['region', 'product_line'],
        selection: { channel: CHANNELS[run % CHANNELS.length] ?? '直销' },
      },
    );
  }
  return steps;
}

interface Engine {
  name: ClusterTiming['engine'];
  connector: Connector;
  dialect: Dialect;
  traffic: Traffic;
  close(): void;
}

interface Measured {
  ms: number;
  wire: number;
  decoded: number;
  /** The answer's figures, sorted: both engines must give the same. */
  figures: string;
}

async function interact(
  engine: Engine,
  table: string,
  rows: number,
  step: Step,
): Promise<Measured> {
  const client = breakdownClient('facts', { levels: step.levels, target: TARGET, actual: ACTUAL });
  const request = client.request(engineFilter(FACT_COLUMNS, client, step.selection));
  if (request.kind !== 'aggregate') throw new Error('The treemap asked for rows, not sums.');
  const { sql, params } = renderAggregate(engine.dialect, {
    table,
    groupBy: request.groupBy,
    measures: request.measures.map((measure) => ({ ...measure, name: measure.column })),
    filter: request.filter ?? {},
  });
  const { wire, decoded } = engine.traffic;
  const start = performance.now();
  const answer = await engine.connector.query(sql, params);
  const ms = performance.now() - start;
  const figures = recordsOf(answer)
    .map((row) =>
      [
        ...step.levels.map((level) => String(row[level])),
        Number(row[TARGET]),
        Number(row[ACTUAL]),
      ].join(' '),
    )
    .sort()
    .join('; ');
  return {
    ms,
    wire: engine.traffic.wire - wire,
    decoded: engine.traffic.decoded - decoded,
    figures,
  };
}

function timing(
  rows: number,
  interaction: ClusterInteraction,
  engine: ClusterTiming['engine'],
  measured: Measured[],
): ClusterTiming {
  const ms = measured.map((one) => round(one.ms, 1));
  return {
    rows,
    interaction,
    engine,
    median_ms: round(median(ms), 1),
    p95_ms: round(percentile(ms, 0.95), 1),
    runs: ms.length,
    samples_ms: ms,
    wire_bytes: Math.round(median(measured.map((one) => one.wire))),
    decoded_bytes: Math.round(median(measured.map((one) => one.decoded))),
  };
}

const clusterScript = (...args: string[]): { ok: boolean; output: string } => {
  const run = spawnSync('bash', [benchPath('../scripts/clickhouse-cluster.sh'), ...args], {
    env: {
      ...process.env,
      STRATEX_CLICKHOUSE_DIR: SHARD_DIR,
      STRATEX_CLICKHOUSE_PORT: 'free',
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
};

const installed = (): boolean =>
  ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'].some((path) => existsSync(path)) ||
  spawnSync('bash', ['-c', 'command -v clickhouse-server'], { stdio: 'ignore' }).status === 0;

async function measureSize(
  shards: readonly string[],
  rows: number,
  runs: number,
  results: ClusterResults,
  log: (line: string) => void,
): Promise<void> {
  const table = `bench_facts_${rows}`;
  const folder = mkdtempSync(join(tmpdir(), 'stratex-bench-ch-'));
  const parquet = join(folder, `${table}.parquet`);
  const clusterTraffic: Traffic = { answers: 0, wire: 0, decoded: 0 };
  const serverTraffic: Traffic = { answers: 0, wire: 0, decoded: 0 };
  const clusterFetch = countingFetch(clusterTraffic);
  const serverFetch = countingFetch(serverTraffic);
  let server: Awaited<ReturnType<typeof startQueryServer>> | undefined;
  try {
    log(`clickhouse: generating ${rows} facts on the cluster and in Parquet`);
    const [insert, written] = await Promise.all([
      insertNumberedFacts(shards, table, rows),
      writeNumberedParquet(parquet, rows),
    ]);
    const start = performance.now();
    server = await startQueryServer({ sources: { [table]: parquet } });
    results.load.push({
      rows,
      insert_s: insert,
      parquet_s: written,
      parquet_bytes: statSync(parquet).size,
      server_load_s: round((performance.now() - start) / 1000, 2),
    });
    log(
      `clickhouse: ${rows} rows inserted in ${insert} s, Parquet written in ${written} s, loaded by the DuckDB server in ${round((performance.now() - start) / 1000, 2)} s`,
    );
    const duckServer = openQueryServer(server.url, { fetch: serverFetch.fetch });
    const engines: Engine[] = [
      {
        name: 'clickhouse',
        connector: new ClickHouseConnector({
          url: shards[0] ?? '',
          user: 'stratex_reader',
          fetch: clusterFetch.fetch,
        }),
        dialect: clickhouseDialect,
        traffic: clusterTraffic,
        close: clusterFetch.close,
      },
      {
        name: 'duckdb-server',
        connector: duckServer.connector,
        dialect: duckServer.dialect,
        traffic: serverTraffic,
        close: serverFetch.close,
      },
    ];
    const steps = session(runs);
    // One warm-up session each: caches filled as on a server that has been up a while.
    for (const step of steps.slice(0, 3))
      for (const engine of engines) await interact(engine, table, rows, step);
    const measured = new Map<ClusterTiming['engine'], Measured[]>(
      engines.map((engine) => [engine.name, []]),
    );
    let disagreement: string | undefined;
    for (const [index, step] of steps.entries()) {
      // Alternate which engine goes first, so neither always follows the other's load.
      const order = index % 2 === 0 ? engines : [...engines].reverse();
      const answers = new Map<string, Measured>();
      for (const engine of order) {
        const one = await interact(engine, table, rows, step);
        answers.set(engine.name, one);
        measured.get(engine.name)?.push(one);
      }
      const [a, b] = [answers.get('clickhouse'), answers.get('duckdb-server')];
      if (a?.figures !== b?.figures && !disagreement)
        disagreement = `${step.interaction} ${JSON.stringify(step.selection)}: ${a?.figures} ≠ ${b?.figures}`;
    }
    results.agree.push({
      rows,
      agree: !disagreement,
      ...(disagreement ? { detail: disagreement } : {}),
    });
    for (const interaction of ['first view', 'drill-down', 'cross-filter', 'all'] as const) {
      for (const engine of engines) {
        const picked = (measured.get(engine.name) ?? []).filter(
          (_, index) => interaction === 'all' || steps[index]?.interaction === interaction,
        );
        results.timings.push(timing(rows, interaction, engine.name, picked));
      }
    }
    const all = (name: ClusterTiming['engine']): ClusterTiming | undefined =>
      results.timings.find(
        (one) => one.rows === rows && one.interaction === 'all' && one.engine === name,
      );
    const [c, d] = [all('clickhouse'), all('duckdb-server')];
    log(
      `clickhouse: ${rows} rows, every interaction: cluster ${c?.median_ms} ms (p95 ${c?.p95_ms}), DuckDB server ${d?.median_ms} ms (p95 ${d?.p95_ms}); ${c?.wire_bytes} B vs ${d?.wire_bytes} B on the wire${disagreement ? `; THE ENGINES DISAGREE: ${disagreement}` : ''}`,
    );
  } finally {
    clusterFetch.close();
    serverFetch.close();
    await server?.close();
    await dropClusterTable(shards, table).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs the case at each size in `sizes` (sessions of three interactions, `runs` of them per
 * size), or answers why it was skipped.
 */
export async function clickhouseCase(
  sizes: readonly number[],
  runs: number,
  log: (line: string) => void,
): Promise<ClusterResults> {
  const results: ClusterResults = {
    shards: 2,
    load_average: loadavg().map((load) => round(load, 1)),
    load: [],
    timings: [],
    agree: [],
  };
  if (!installed()) {
    results.skipped =
      'clickhouse-server is not installed (Debian: apt-get install clickhouse-server; .ci/install-clickhouse.sh)';
    log(`clickhouse: skipped, ${results.skipped}`);
    return results;
  }
  try {
    const started = clusterScript('start');
    if (!started.ok) throw new Error(`The ClickHouse cluster did not start:\n${started.output}`);
    const shards = shardUrls();
    for (const rows of sizes) await measureSize(shards, rows, runs, results, log);
  } finally {
    clusterScript('stop');
  }
  return results;
}
