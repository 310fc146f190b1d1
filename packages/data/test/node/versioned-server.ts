import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A file server for refresh tests: one file whose body and version the test changes,
 * answered with ETags (304 when unchanged), or 500 while `broken`.
 */
export interface VersionedFile {
  origin: string;
  body: Uint8Array;
  version: number;
  broken: boolean;
  /** Responses that carried the whole body. */
  fullResponses: number;
  close(): void;
}

export async function serveVersionedFile(body: Uint8Array): Promise<VersionedFile> {
  const file: VersionedFile = {
    origin: '',
    body,
    version: 1,
    broken: false,
    fullResponses: 0,
    close: () => server.close(),
  };
  const server = createServer((request, response) => {
    const etag = `"v${file.version}"`;
    // One connection per request: the engine may be busy past the server's keep-alive.
    const headers = { etag, connection: 'close' };
    if (file.broken) return void response.writeHead(500, headers).end();
    if (request.headers['if-none-match'] === etag) {
      return void response.writeHead(304, headers).end();
    }
    file.fullResponses++;
    response.writeHead(200, { ...headers, 'content-length': file.body.byteLength }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  file.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return file;
}
