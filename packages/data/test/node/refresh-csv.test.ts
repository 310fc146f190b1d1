import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';

const engine = nodeEngine();
const template = (name: string): Buffer =>
  readFileSync(new URL(`../../../../fixtures/template/${name}`, import.meta.url));
let body = template('evaluation.csv');
let version = 1;
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const etag = `"v${version}"`;
    // One connection per request: the engine may be busy past the server's keep-alive.
    const headers = { etag, connection: 'close' };
    if (request.headers['if-none-match'] === etag)
      return void response.writeHead(304, headers).end();
    response.writeHead(200, { ...headers, 'content-length': body.byteLength }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await engine.close();
});

describe('a refreshing CSV source', () => {
  it('swaps its typed table in with its text table, under the source name', async () => {
    const source = engine.defineSource('evaluation', { url: `${origin}/evaluation.csv` });
    const first = await source.ready;
    expect(first.typedTable).toBe('sx_evaluation_typed');
    expect(
      await engine.records('SELECT "目标值" AS target FROM sx_evaluation_typed ORDER BY 1'),
    ).toEqual([{ target: 0.15 }, { target: 30 }, { target: 5_000_000 }]);

    body = template('progress.gbk.csv');
    version = 2;
    const refreshed = await source.refresh();
    expect(refreshed.table).toBe('sx_evaluation');
    expect(refreshed.typedTable).toBe('sx_evaluation_typed');
    expect(refreshed.columns).toContain('任务名称');
    const typedColumns = await engine.records(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'sx_evaluation_typed'",
    );
    expect(typedColumns.map((row) => row.column_name)).toContain('计划开始时间');
    const leftovers = await engine.records(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%__next%'",
    );
    expect(leftovers).toEqual([]);
  });
});
