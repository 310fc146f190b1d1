import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/clickhouse-cluster.sh', import.meta.url));

/** Whether Debian's clickhouse-server is installed here; tests that need it are skipped otherwise. */
export const clickhouseInstalled = [
  '/usr/sbin/clickhouse-server',
  '/usr/bin/clickhouse-server',
].some((path) => existsSync(path));

export const SKIP_REASON =
  'skipped: clickhouse-server is not installed (apt-get install clickhouse-server)';

/**
 * A two-shard cluster of its own (folder and ports), so test files — and the same file run
 * twice at once — do not share servers: the folder is this process's, the ports are those
 * the system says are free when it starts.
 */
export interface TestCluster {
  /** The shards' URLs (once started). */
  readonly shards: string[];
  start(): void;
  /** Stops one shard, keeping its data; `start()` brings it back. */
  stopShard(shard: 1 | 2): void;
  stop(): void;
}

export function testCluster(name: string): TestCluster {
  const folder = join(tmpdir(), `stratex-clickhouse-${name}-${process.pid}`);
  const env = {
    ...process.env,
    STRATEX_CLICKHOUSE_DIR: folder,
    STRATEX_CLICKHOUSE_PORT: 'free',
  };
  const run = (...args: string[]): void => {
    execFileSync('bash', [script, ...args], { env, stdio: 'pipe', timeout: 120_000 });
  };
  return {
    get shards() {
      const ports = join(folder, 'ports');
      if (!existsSync(ports)) return [];
      const [first, second] = readFileSync(ports, 'utf8').trim().split(/\s+/);
      return [`http://127.0.0.1:${first}/`, `http://127.0.0.1:${second}/`];
    },
    start: () => run('start'),
    stopShard: (shard) => run('stop', String(shard)),
    stop: () => run('stop'),
  };
}
