import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/clickhouse-cluster.sh', import.meta.url));

/** Whether Debian's clickhouse-server is installed here; tests that need it are skipped otherwise. */
export const clickhouseInstalled = [
  '/usr/sbin/clickhouse-server',
  '/usr/bin/clickhouse-server',
].some((path) => existsSync(path));

export const SKIP_REASON =
  'skipped: clickhouse-server is not installed (apt-get install clickhouse-server)';

/** A two-shard cluster of its own (folder and ports), so test files do not share servers. */
export interface TestCluster {
  shards: string[];
  start(): void;
  /** Stops one shard, keeping its data; `start()` brings it back. */
  stopShard(shard: 1 | 2): void;
  stop(): void;
}

export function testCluster(name: string, basePort: number): TestCluster {
  const env = {
    ...process.env,
    STRATEX_CLICKHOUSE_DIR: `/tmp/stratex-clickhouse-${name}`,
    STRATEX_CLICKHOUSE_PORT: String(basePort),
  };
  const run = (...args: string[]): void => {
    execFileSync('bash', [script, ...args], { env, stdio: 'pipe', timeout: 120_000 });
  };
  return {
    shards: [`http://127.0.0.1:${basePort}/`, `http://127.0.0.1:${basePort + 1}/`],
    start: () => run('start'),
    stopShard: (shard) => run('stop', String(shard)),
    stop: () => run('stop'),
  };
}
