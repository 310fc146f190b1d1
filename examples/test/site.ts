import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** What an example server does differently from a correct one, to see what the widgets say. */
export interface SiteOptions {
  /** URL path prefix → folder on disk, e.g. `{ '/intranet/tools/stratex/': embedDist }`. */
  mounts: Record<string, string>;
  /** Headers on every answer (CORS for a second origin, a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** The Content-Type sent for `.wasm` (correct: application/wasm). */
  wasmType?: string;
  /** Paths answered 404 as if the file had not been copied. */
  missing?: RegExp;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * A small static server for the embedding tests, on the loopback interface; resolves once
 * listening. `host` names it in its origin: `localhost` and `127.0.0.1` are two origins.
 */
export async function serveSite(
  options: SiteOptions,
  host: 'localhost' | '127.0.0.1' = 'localhost',
): Promise<{ server: Server; origin: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const headers = { ...options.headers };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, headers).end();
      return;
    }
    const mount = Object.keys(options.mounts)
      .filter((prefix) => path.startsWith(prefix))
      .sort((a, b) => b.length - a.length)[0];
    const root = mount === undefined ? undefined : options.mounts[mount];
    const file =
      mount === undefined || root === undefined
        ? undefined
        : normalize(join(root, path.slice(mount.length) || 'index.html'));
    let found: boolean;
    try {
      found =
        file !== undefined && file.startsWith(normalize(root ?? '')) && statSync(file).isFile();
    } catch {
      found = false;
    }
    if (!found || !file || options.missing?.test(path)) {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type =
      extname(file) === '.wasm'
        ? (options.wasmType ?? 'application/wasm')
        : (types[extname(file)] ?? 'application/octet-stream');
    response.writeHead(200, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://${host}:${port}`, requests };
}
