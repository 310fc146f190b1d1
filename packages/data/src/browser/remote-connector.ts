import { type Table, tableFromIPC } from 'apache-arrow';
import type { Connector, QueryParam } from '../connector';

/**
 * Speaks to the Stratex query server: the same widgets over data held on one machine.
 * The server owns its tables, so files cannot be added from the page.
 */
export class RemoteConnector implements Connector {
  readonly kind = 'remote';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
    /** For Node scripts and benchmarks; default: the global `fetch`. */
    private readonly fetchImpl?: typeof fetch,
  ) {}

  async query(sql: string, params: readonly QueryParam[] = []): Promise<Table> {
    let response: Response;
    const doFetch = this.fetchImpl ?? fetch;
    try {
      response = await doFetch(new URL('query', withSlash(this.baseUrl)), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql, params }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw new Error(
        `The query server at ${this.baseUrl} could not be reached (${String(cause)}).`,
        { cause },
      );
    }
    if (!response.ok) throw new Error(await response.text());
    return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  }

  registerFile(): Promise<void> {
    return Promise.reject(refused());
  }

  dropFile(): Promise<void> {
    return Promise.resolve();
  }

  insertArrow(): Promise<void> {
    return Promise.reject(refused());
  }

  async close(): Promise<void> {}
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function refused(): Error {
  return new Error('The query server holds its own data; files cannot be added from the page.');
}
