import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../../scripts/clickhouse-cluster.sh', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'stratex-cluster-script-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('stops a cluster by removing only what the script wrote in its folder', () => {
  // What `start` leaves behind (no server is running: there are no pid files).
  for (const shard of ['shard1', 'shard2']) {
    mkdirSync(join(folder, shard, 'data'), { recursive: true });
    writeFileSync(join(folder, shard, 'config.xml'), '<yandex/>');
  }
  writeFileSync(join(folder, 'ports'), '41001 41002 41003 41004 41005 41006\n');
  // And what someone else keeps in the same folder.
  writeFileSync(join(folder, 'notes.txt'), 'kept');
  mkdirSync(join(folder, 'exports'));

  execFileSync('bash', [script, 'stop'], {
    env: { ...process.env, STRATEX_CLICKHOUSE_DIR: folder, STRATEX_CLICKHOUSE_PORT: 'free' },
    stdio: 'pipe',
  });
  expect(readdirSync(folder).sort()).toEqual(['exports', 'notes.txt']);
});

it('removes the folder itself when nothing else was kept there', () => {
  const own = join(folder, 'own');
  mkdirSync(join(own, 'shard1'), { recursive: true });
  writeFileSync(join(own, 'ports'), '41001 41002 41003 41004 41005 41006\n');
  execFileSync('bash', [script, 'stop'], {
    env: { ...process.env, STRATEX_CLICKHOUSE_DIR: own, STRATEX_CLICKHOUSE_PORT: 'free' },
    stdio: 'pipe',
  });
  expect(existsSync(own)).toBe(false);
});
