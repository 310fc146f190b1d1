import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BrowserCommand } from 'vitest/node';
import { clickhouseInstalled, testCluster } from '../clickhouse-cluster.ts';

/**
 * Node-side commands for the browser tests of the ClickHouse connector: a two-shard cluster
 * of their own, started only when a test asks for it, and facts loaded into it with their
 * exact sums to compare with. The root config loads this file: it imports nothing heavy and
 * runs the loader as its own process.
 */
const cluster = testCluster('browser', 19123);
/** The widgets' browser tests have a cluster of their own, so the two files never share servers. */
const widgetsCluster = testCluster('widgets', 19323);
const clusters = { connector: cluster, widgets: widgetsCluster };
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
const clickhouseFactsAndParquet: BrowserCommand<[rows: number, table: string]> = (
  _context,
  rows,
  table,
) => {
  const folder = 'fixtures/generated/clickhouse-widgets';
  execFileSync(
    root('node_modules/.bin/tsx'),
    [
      root('fixtures/scripts/clickhouse-facts.ts'),
      `--rows=${rows}`,
      `--table=${table}`,
      `--shards=${widgetsCluster.shards.join(',')}`,
      `--out=${root(folder)}`,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return `/${folder}/${table}.parquet`;
};

export const clickhouseCommands = { clickhouseCluster, clickhouseFacts, clickhouseFactsAndParquet };

declare module 'vitest/browser' {
  interface BrowserCommands {
    clickhouseCluster: (action: Action, name?: ClusterName) => Promise<string[]>;
    clickhouseFactsAndParquet: (rows: number, table: string) => Promise<string>;
    clickhouseFacts: (rows: number, table: string) => Promise<RegionSums[]>;
  }
}
