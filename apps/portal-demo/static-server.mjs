// A small static file server with the headers the widgets rely on: correct MIME types
// (application/wasm lets the browser compile while it downloads), ETag and Last-Modified,
// and a year's caching for the build's content-hashed files, which never change under
// their name (a returning visitor then asks for none of them, the 34 MB wasm included).
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** `assets/duckdb-eh-9ubY-jlA.wasm`, `chunks/columns-s3GYKzyi.js`: the name changes with the content. */
const HASHED = /\/(?:assets|chunks)\/[^/]+-[\w-]{8}\.(?:js|wasm)$/;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Starts serving `root` on `port` (0 picks a free one); resolves once listening.
 * `extraHeaders` are added to every response (a test sends its Content-Security-Policy this way).
 */
export function startStaticServer(root, port = 0, extraHeaders = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    // Size, ETag and body all come from one open file, even when it is replaced meanwhile.
    let fd;
    let stat;
    try {
      fd = openSync(file, 'r');
      stat = fstatSync(fd);
      if (!stat.isFile()) throw new Error('not a file');
    } catch {
      if (fd !== undefined) closeSync(fd);
      response.writeHead(404, { 'content-type': 'text/plain', ...extraHeaders }).end('Not found');
      return;
    }
    const etag = `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`;
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      etag,
      'last-modified': stat.mtime.toUTCString(),
      'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...extraHeaders,
    };
    const unchanged = request.headers['if-none-match'] === etag;
    if (unchanged || request.method === 'HEAD') {
      closeSync(fd);
      response.writeHead(unchanged ? 304 : 200, headers).end();
      return;
    }
    response.writeHead(200, headers);
    createReadStream('', { fd }).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
