import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * A misbehaving file server on the test page's own origin, under `/__faults/`:
 *
 * - `GET /__faults/status/<code>/<name>` answers that HTTP status (404, 500, …);
 * - `GET /__faults/slow/<name>?seconds=30&rows=N` sends a CSV of N rows in small pieces,
 *   spread over that many seconds, with its length declared up front;
 * - `GET /__faults/rows/<name>?rows=N` sends a CSV of N generated rows at once;
 * - `PUT /__faults/file/<key>` (body: the file; header `x-fault`: `cut` to break the
 *   connection half-way after declaring the full length) sets what
 *   `GET /__faults/file/<key>` serves next, with an ETag and 304 for an unchanged version.
 */
interface Version {
  body: Buffer;
  etag: string;
  cut: boolean;
}

const files = new Map<string, Version>();
let versions = 0;

/** Region targets as a portal exports them; row i is deterministic. */
export function generatedCsv(rows: number): string {
  const regions = ['华东', '华南', '华北', '西南', '西北', '东北'];
  const lines = ['区域,产品线,目标值,实际值'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${regions[i % regions.length]},产品${i % 97},${1000 + (i % 500)},${900 + (i % 377)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function slow(response: ServerResponse, body: Buffer, seconds: number): Promise<void> {
  const pieces = Math.max(1, seconds * 4);
  const size = Math.ceil(body.byteLength / pieces);
  response.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-length': String(body.byteLength),
    'cache-control': 'no-store',
  });
  for (let at = 0; at < body.byteLength; at += size) {
    if (response.destroyed) return;
    response.write(body.subarray(at, at + size));
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / pieces));
  }
  response.end();
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const [, , kind, first] = url.pathname.split('/');
  const rows = Number(url.searchParams.get('rows') ?? '1000');
  if (kind === 'status') {
    const status = Number(first);
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(`status ${status}`);
    return;
  }
  if (kind === 'slow') {
    await slow(response, Buffer.from(generatedCsv(rows)), Number(url.searchParams.get('seconds')));
    return;
  }
  if (kind === 'rows') {
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(generatedCsv(rows));
    return;
  }
  if (kind === 'file' && first) {
    if (request.method === 'PUT') {
      const body = await readBody(request);
      files.set(first, {
        body,
        etag: `"v${++versions}"`,
        cut: request.headers['x-fault'] === 'cut',
      });
      response.writeHead(204).end();
      return;
    }
    const version = files.get(first);
    if (!version) {
      response.writeHead(404).end();
      return;
    }
    if (request.headers['if-none-match'] === version.etag) {
      response.writeHead(304, { etag: version.etag }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(version.body.byteLength),
      etag: version.etag,
      'cache-control': 'no-cache',
    });
    if (!version.cut) {
      response.end(version.body);
      return;
    }
    response.write(version.body.subarray(0, Math.floor(version.body.byteLength / 2)));
    setTimeout(() => response.destroy(), 50);
    return;
  }
  response.writeHead(400).end('unknown fault');
}

export function faultServer(): Plugin {
  return {
    name: 'stratex-fault-server',
    configureServer(server) {
      server.middlewares.use('/__faults/', (request, response) => {
        // Connect strips the mount path; give the handler the whole path back.
        request.url = `/__faults${request.url ?? '/'}`;
        handle(request, response).catch((cause: unknown) => {
          response.destroy(cause instanceof Error ? cause : new Error(String(cause)));
        });
      });
    },
  };
}
