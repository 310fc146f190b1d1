import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tableToIPC } from 'apache-arrow';
import type { QueryParam } from '../connector';
import { assertReadOnly, UnsafeQueryError } from '../guard/read-only';
import { NativeConnector } from '../node/native-connector';
import { quoteIdentifier, quoteLiteral } from '../sql';
import { withTimeout } from '../timeout';
import { SERVER_CATALOGUE } from './open';

export interface QueryServerOptions {
  /** Source name → path of a CSV or Parquet file on this machine. */
  sources: Record<string, string>;
  port?: number;
  /** Longest a query may run. */
  timeoutMs?: number;
  /** Largest request body accepted. */
  maxRequestBytes?: number;
}

export interface QueryServer {
  url: string;
  close(): Promise<void>;
}

const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/**
 * Serves read-only SQL over exports too large for a browser: `POST /query` with SQL text
 * (or JSON `{ sql, params }`) answers an Arrow IPC stream; `GET /sources` lists the tables.
 * The same guard as in the page applies, and the database cannot reach files once loaded.
 * Beside the sources, the table `stratex_columns` lists their columns, so that a page's
 * coordinator can plan its requests (`openQueryServer`).
 */
export async function startQueryServer(options: QueryServerOptions): Promise<QueryServer> {
  const names = Object.keys(options.sources);
  if (names.some((name) => name.toLowerCase() === SERVER_CATALOGUE))
    throw new Error(
      `"${SERVER_CATALOGUE}" is the server's own catalogue: name the source otherwise.`,
    );
  const database = await NativeConnector.open();
  for (const [name, path] of Object.entries(options.sources)) {
    const reader = /\.parquet$/i.test(path)
      ? `read_parquet(${quoteLiteral(path)})`
      : `read_csv(${quoteLiteral(path)}, header = true, all_varchar = true)`;
    await database.query(`CREATE TABLE ${quoteIdentifier(name)} AS SELECT * FROM ${reader}`);
  }
  await database.query(
    `CREATE TABLE ${SERVER_CATALOGUE} AS SELECT table_name, column_name, data_type, column_index
     FROM duckdb_columns() WHERE schema_name = 'main' AND table_name IN (${names.map((name) => quoteLiteral(name)).join(', ') || 'NULL'})`,
  );
  await database.query('SET enable_external_access = false');
  await database.query('SET lock_configuration = true');
  const timeoutMs = options.timeoutMs ?? 60_000;

  const server: Server = createServer((request, response) => {
    const answer = (status: number, type: string, body: string | Uint8Array): void => {
      response.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*' });
      response.end(body);
    };
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && path === '/sources') {
      answer(200, 'application/json', JSON.stringify({ sources: names }));
      return;
    }
    if (request.method !== 'POST' || path !== '/query') {
      answer(404, 'text/plain; charset=utf-8', 'Use POST /query or GET /sources.');
      return;
    }
    void (async () => {
      try {
        const { sql, params } = parseRequest(
          await readBody(request, options.maxRequestBytes ?? 1024 ** 2),
          request.headers['content-type'] ?? '',
        );
        assertReadOnly(sql, [...names, SERVER_CATALOGUE]);
        const table = await withTimeout(database.query(sql, params), timeoutMs, 'The query');
        answer(200, ARROW_STREAM, tableToIPC(table, 'stream'));
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        answer(cause instanceof UnsafeQueryError ? 403 : 400, 'text/plain; charset=utf-8', message);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

function parseRequest(body: string, type: string): { sql: string; params: QueryParam[] } {
  if (!type.includes('json')) return { sql: body, params: [] };
  const parsed = JSON.parse(body) as { sql?: unknown; params?: unknown };
  if (typeof parsed.sql !== 'string') throw new Error('The request has no "sql" text.');
  const params = Array.isArray(parsed.params) ? (parsed.params as QueryParam[]) : [];
  return { sql: parsed.sql, params };
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new Error('The request is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
