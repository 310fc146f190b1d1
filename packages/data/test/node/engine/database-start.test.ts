import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '@stratex/data';
import { NativeConnector, nodeParquetDecoder } from '@stratex/data/node';

/** A CSV of `rows` rows, its amounts 1, 2, 3, …. */
function salesCsv(rows: number): string {
  const lines = Array.from({ length: rows }, (_, at) => `华东区域第${at % 7}组,${at + 1}`);
  return `区域,金额\n${lines.join('\n')}\n`;
}

const small = salesCsv(20);
/** 3,000 rows whose amounts turn to text after the planning's first rows. */
const manyRows = `区域,金额\n${Array.from({ length: 3_000 }, (_, at) =>
  at < 2_500 && at % 5 !== 0 ? `华东区域第${at % 7}组,${at + 1}` : `华东区域第${at % 7}组,待定`,
).join('\n')}\n`;
const large = new TextEncoder().encode(salesCsv(80_000));
/** Lets the large file's last bytes go. */
let finishLarge: () => void = () => undefined;
const largeHeld = new Promise<void>((resolve) => (finishLarge = resolve));

let server: Server;
let origin: string;
const engines: Engine[] = [];

beforeAll(async () => {
  expect(large.byteLength).toBeGreaterThan(1_048_576);
  server = createServer((request, response) => {
    const headers = { 'content-type': 'text/csv; charset=utf-8' };
    if (request.url === '/small.csv') response.writeHead(200, headers).end(small);
    else if (request.url === '/many-rows.csv') response.writeHead(200, headers).end(manyRows);
    else if (request.url === '/large.csv') {
      response.writeHead(200, { ...headers, 'content-length': String(large.byteLength) });
      // The first bytes now, the rest only once the test has seen what they set going.
      response.write(large.subarray(0, 65_536));
      void largeHeld.then(() => response.end(large.subarray(65_536)));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  finishLarge();
  await Promise.all(engines.map((engine) => engine.close()));
  await new Promise((resolve) => server.close(resolve));
});

/** An engine on native DuckDB that counts how often it opens its database. */
function countingEngine(): { engine: Engine; opened: () => number } {
  let opened = 0;
  const engine = new Engine(
    () => {
      opened++;
      return NativeConnector.open(':memory:', { confineFiles: true });
    },
    { parquetDecoder: nodeParquetDecoder },
  );
  engines.push(engine);
  return { engine, opened: () => opened };
}

describe('the database starts on the first load that needs it', () => {
  it('never, for a small CSV whose rows are answered in JS', async () => {
    const { engine, opened } = countingEngine();
    const loaded = await engine.defineSource('small', { url: `${origin}/small.csv` }).ready;
    expect(loaded.rowCount).toBe(20);
    const answer = await engine.coordinator.request({
      kind: 'rows',
      source: 'small',
      as: 'values',
      limit: 3,
    });
    expect(answer.rows.map((row) => row['金额'])).toEqual(['1', '2', '3']);
    expect(opened()).toBe(0);
  });

  it('once the JS reading leaves a file to it: kinds that hang on the planning draw', async () => {
    const { engine, opened } = countingEngine();
    const loaded = await engine.defineSource('many', { url: `${origin}/many-rows.csv` }).ready;
    expect(loaded.rowCount).toBe(3_000);
    expect(opened()).toBe(1);
    expect(await engine.records('SELECT count(*)::INT AS n FROM many')).toEqual([{ n: 3_000 }]);
  });

  it('while a file larger than the JS reading takes is still downloading', async () => {
    const { engine, opened } = countingEngine();
    const source = engine.defineSource('large', { url: `${origin}/large.csv` });
    await expect.poll(opened, { timeout: 60_000 }).toBe(1);
    expect(source.loaded).toBeUndefined();
    finishLarge();
    const loaded = await source.ready;
    expect(loaded.rowCount).toBe(80_000);
    expect(opened()).toBe(1);
  });
});
