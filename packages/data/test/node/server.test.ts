import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Engine, RemoteConnector } from '@stratex/data';
import { type QueryServer, startQueryServer } from '@stratex/data/node';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../../fixtures/${name}`, import.meta.url));

let server: QueryServer;
let engine: Engine;
beforeAll(async () => {
  server = await startQueryServer({
    sources: {
      sales: fixture('parquet/sales_sample.zstd.parquet'),
      evaluation: fixture('template/evaluation.csv'),
    },
  });
  engine = new Engine(async () => new RemoteConnector(server.url), { recover: false });
});
afterAll(async () => {
  await engine.close();
  await server.close();
});

it('answers read-only SQL with Arrow over HTTP, to the same engine API', async () => {
  const rows = await engine.records(
    'SELECT region, count(*)::INT AS n FROM sales WHERE region = ? GROUP BY region',
    ['华东'],
  );
  expect(rows).toEqual([{ region: '华东', n: 1250 }]);
  expect(
    await engine.records('SELECT "目标值" FROM evaluation WHERE "评估维度" = \'销售额\''),
  ).toEqual([{ 目标值: '500万元' }]);
});

it('refuses writes and file access with the reason', async () => {
  await expect(engine.records('DROP TABLE sales')).rejects.toThrow(/Only a SELECT query/);
  await expect(engine.records("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(
    /read_csv\(\)/,
  );
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    body: "SELECT * FROM '/etc/hosts'",
  });
  expect(response.status).toBe(403);
});
