import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let server: Server;
let origin: string;

beforeAll(async () => {
  server = await startStaticServer(dist, 0);
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The hashed name of a file of the built embed folder, read from the script that loads it. */
async function hashedAsset(pattern: RegExp): Promise<string> {
  const script = await (await fetch(`${origin}/stratex/stratex.js`)).text();
  const chunks = [...script.matchAll(/chunks\/[\w-]+\.js/g)].map((match) => match[0]);
  for (const chunk of chunks) {
    const text = await (await fetch(`${origin}/stratex/${chunk}`)).text();
    const found = pattern.exec(text)?.[0];
    if (found) return found;
  }
  throw new Error(`no asset like ${pattern} is referenced`);
}

describe('the demo server’s caching headers', () => {
  it('lets a browser keep the content-hashed engine files for a year, without asking again', async () => {
    const wasm = await hashedAsset(/duckdb-eh-[\w-]{8}\.wasm/);
    const response = await fetch(`${origin}/stratex/assets/${wasm}`, { method: 'HEAD' });
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('has the browser ask again for the script, the page and the exports, whose names stay', async () => {
    for (const path of ['/', '/stratex/stratex.js', '/fixtures/template/evaluation.csv']) {
      const response = await fetch(`${origin}${path}`, { method: 'HEAD' });
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('etag'), path).toBeTruthy();
    }
  });
});
