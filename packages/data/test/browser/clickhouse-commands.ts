import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserCommand } from 'vitest/node';
import { clickhouseInstalled, testCluster } from '../clickhouse-cluster.ts';

/**
 * Node-side commands for the browser tests of the ClickHouse connector: a two-shard cluster
 * of their own, started only when a test asks for it, and facts loaded into it with their
 * exact sums to compare with. The root config loads this file: it imports nothing heavy and
 * runs the loader as its own process.
 */
const cluster = testCluster('browser');
/** The widgets' browser tests have a cluster of their own, so the two files never share servers. */
const widgetsCluster = testCluster('widgets');
/** The alerts' and progress tracker's browser tests: a cluster of their own too. */
const alertsCluster = testCluster('alerts');
/** The what-if export's browser test: a cluster of its own too. */
const whatIfCluster = testCluster('what-if');
const clusters = {
  connector: cluster,
  widgets: widgetsCluster,
  alerts: alertsCluster,
  whatIf: whatIfCluster,
};
type ClusterName = keyof typeof clusters;
const root = (path: string): string =>
  fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

type Action = 'start' | 'stop' | 'stop-shard-2' | 'start-shard-2';
interface RegionSums {
  region: string;
  target: number;
  actual: number;
}

/** Starts or stops the cluster or its second shard; answers the shards' URLs, none when not installed. */
const clickhouseCluster: BrowserCommand<[action: Action, name?: ClusterName]> = (
  _context,
  action,
  name = 'connector',
) => {
  if (!clickhouseInstalled) return [];
  const chosen = clusters[name];
  if (action === 'start' || action === 'start-shard-2') chosen.start();
  if (action === 'stop-shard-2') chosen.stopShard(2);
  if (action === 'stop') chosen.stop();
  return chosen.shards;
};

/** Loads `rows` facts into the cluster as `table`; answers target and actual per region, in yuan. */
const clickhouseFacts: BrowserCommand<[rows: number, table: string]> = (_context, rows, table) => {
  const output = execFileSync(
    root('node_modules/.bin/tsx'),
    [
      root('fixtures/scripts/cluster-facts.ts'),
      `--rows=${rows}`,
      `--table=${table}`,
      `--shards=${cluster.shards.join(',')}`,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return JSON.parse(output) as RegionSums[];
};

/**
 * Loads `rows` facts into the widgets' cluster as `table` and writes the very same rows as
 * Parquet under fixtures/generated/ (served to the test page); answers the Parquet's path.
 */
const clickhouseFactsAndParquet: BrowserCommand<
  [rows: number, table: string, name?: 'widgets' | 'alerts' | 'whatIf']
> = (_context, rows, table, name = 'widgets') => {
  const folder = `fixtures/generated/clickhouse-${name}`;
  execFileSync(
    root('node_modules/.bin/tsx'),
    [
      root('fixtures/scripts/clickhouse-facts.ts'),
      `--rows=${rows}`,
      `--table=${table}`,
      `--shards=${clusters[name].shards.join(',')}`,
      `--out=${root(folder)}`,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return `/${folder}/${table}.parquet`;
};

/** Sends SQL to one shard as `default` (the loader); answers the server's text, throws its error. */
async function asLoader(shard: string, statement: string, settings: Record<string, string> = {}) {
  const url = new URL(shard);
  url.searchParams.set('user', 'default');
  for (const [key, value] of Object.entries(settings)) url.searchParams.set(key, value);
  const response = await fetch(url, { method: 'POST', body: statement });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse at ${shard}: ${text.slice(0, 500)}`);
  return text;
}

/** Runs each statement on every shard of a cluster, as the loader (tables, copies, schema changes). */
const clickhouseOnEveryShard: BrowserCommand<[name: ClusterName, statements: string[]]> = async (
  _context,
  name,
  statements,
) => {
  for (const shard of clusters[name].shards)
    for (const statement of statements) await asLoader(shard, statement);
};

/**
 * A progress table of `rows` generated tasks on the cluster as `table` (a `Distributed` table
 * over `<table>_local` on each shard), and the very same rows as a CSV under fixtures/generated/
 * for the page's DuckDB; answers the CSV's path. Every cell follows from the task's number, so
 * the rows are the same on every run.
 */
const clickhouseTasksAndCsv: BrowserCommand<[rows: number, table: string]> = async (
  _context,
  rows,
  table,
) => {
  const { shards } = alertsCluster;
  const local = `${table}_local`;
  for (const shard of shards) {
    await asLoader(shard, `DROP TABLE IF EXISTS ${table}`);
    await asLoader(shard, `DROP TABLE IF EXISTS ${local}`);
    await asLoader(
      shard,
      `CREATE TABLE ${local} (task String, owner String, planned_start Date, planned_end Date, progress String)
       ENGINE = MergeTree() ORDER BY (planned_end, task)`,
    );
    await asLoader(
      shard,
      `CREATE TABLE ${table} AS ${local} ENGINE = Distributed(stratex, currentDatabase(), ${local}, rand())`,
    );
  }
  const start = `toDate('2024-06-01') + (number * 7) % 61`;
  await asLoader(
    shards[0] ?? '',
    `INSERT INTO ${table} SELECT
       concat('T', toString(1000000 + number)),
       ['张三', '李四', '王五', '赵六', '钱七'][number % 5 + 1],
       ${start},
       ${start} + 1 + number % 29,
       concat(toString((number * 13) % 101), '%')
     FROM numbers(${Math.trunc(rows)})`,
    { insert_distributed_sync: '1' },
  );
  const csv = await asLoader(
    shards[0] ?? '',
    `SELECT * FROM ${table} ORDER BY task FORMAT CSVWithNames`,
  );
  const folder = 'fixtures/generated/clickhouse-alerts';
  mkdirSync(root(folder), { recursive: true });
  writeFileSync(root(`${folder}/${table}.csv`), csv);
  return `/${folder}/${table}.csv`;
};

export const clickhouseCommands = {
  clickhouseCluster,
  clickhouseFacts,
  clickhouseFactsAndParquet,
  clickhouseOnEveryShard,
  clickhouseTasksAndCsv,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    clickhouseCluster: (action: Action, name?: ClusterName) => Promise<string[]>;
    clickhouseFactsAndParquet: (
      rows: number,
      table: string,
      name?: 'widgets' | 'alerts' | 'whatIf',
    ) => Promise<string>;
    clickhouseOnEveryShard: (name: ClusterName, statements: string[]) => Promise<void>;
    clickhouseTasksAndCsv: (rows: number, table: string) => Promise<string>;
    clickhouseFacts: (rows: number, table: string) => Promise<RegionSums[]>;
  }
}
