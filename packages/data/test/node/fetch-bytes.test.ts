import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LoadError } from '../../src/fetch-bytes';
import { fetchIfChanged } from '../../src/refresh/conditional-fetch';

/**
 * What a misbehaving server gives the loader, as a LoadError whose `fault` a widget turns
 * into words: the status it answered, a download that broke off, one that stalled past the
 * deadline, one larger than allowed.
 */
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path.startsWith('/status/')) {
      return void response.writeHead(Number(path.split('/')[2])).end();
    }
    response.writeHead(200, { 'content-length': '1000', connection: 'close' });
    response.write('region,target\n华东,100\n');
    if (path === '/cut.csv') setTimeout(() => response.destroy(), 50);
    // '/stall.csv' sends nothing more until the client gives up.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(path: string, options: Parameters<typeof fetchIfChanged>[1] = {}) {
  const cause = await fetchIfChanged(`${origin}${path}`, options).then(
    () => new Error('it loaded'),
    (error: unknown) => error,
  );
  expect(cause).toBeInstanceOf(LoadError);
  return cause as LoadError;
}

it.each([404, 403, 500, 503])('names the status %i the server answered', async (status) => {
  const error = await failure(`/status/${status}/sales.csv`);
  expect(error.fault).toEqual({ kind: 'status', status });
  expect(error.file).toBe('sales.csv');
});

it('says a download broke off when the connection closes before the declared length', async () => {
  const error = await failure('/cut.csv');
  expect(error.fault).toEqual({ kind: 'broken-off' });
  expect(error.message).toBe('The download of cut.csv broke off.');
});

it('gives up on a download that stalls past the deadline, saying so', async () => {
  const error = await failure('/stall.csv', { timeoutMs: 1_500 });
  expect(error.fault).toEqual({ kind: 'timed-out', seconds: 2 });
  expect(error.message).toContain('stall.csv did not arrive within 2 s');
});

it('refuses a declared length over the limit before reading it', async () => {
  const error = await failure('/stall.csv', { maxBytes: 100 });
  expect(error.fault).toEqual({ kind: 'too-large' });
});

it('says a server that cannot be reached is unreachable', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const cause = await fetchIfChanged(`http://127.0.0.1:${port}/gone.csv`).catch(
    (error: unknown) => error,
  );
  expect((cause as LoadError).fault).toEqual({ kind: 'unreachable' });
});
