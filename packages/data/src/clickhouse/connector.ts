import type { Table } from 'apache-arrow';
import type { Connector, QueryParam } from '../connector';
import { ClickHouseError, errorFromServerText } from './errors';
import { tableFromJsonColumns } from './json-columns';
import { tableFromJsonCompact } from './json-compact';
import { bindValues } from './literals';
import { bindParameters, type ClickHouseWire, wireFor } from './parameters';

export interface ClickHouseOptions {
  /** The server's HTTP interface (`http://ch.intranet:8123/`) or a same-origin path that forwards to it. */
  url: string;
  /** A password-less read-only user, sent as the `user` URL parameter. Omit it when a proxy picks the user. */
  user?: string;
  /**
   * Only for Node (a proxy or a script): a page must never carry a password. Sent as Basic
   * authorization, which in a page would also cost a CORS preflight that 18.16 refuses.
   */
  password?: string;
  /** The database the page's tables live in; default: the user's default database. */
  database?: string;
  /**
   * Settings sent with each query (`max_execution_time`, …). A `readonly=1` user may not
   * send any: its limits live in its profile on the server.
   */
  settings?: Readonly<Record<string, string>>;
  /** How long to wait for an answer before giving up (default 60 s). */
  timeoutMs?: number;
  /** For Node proxies or tests; default: the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Whether reads may send their values as query parameters and take columnar answers when
   * the server's `SELECT version()` says it has both (default `true`; asked once). `false`
   * keeps escaped literals and `JSONCompact` on every release, as 18.16 needs.
   */
  parameters?: boolean;
}

/** How many answers came and how many bytes they held once decoded (before any gzip on the wire). */
export interface ClickHouseTraffic {
  queries: number;
  bytes: number;
}

/**
 * Speaks to a ClickHouse server (18.16 and later) over HTTP. Queries are POSTed as plain
 * text with no custom header — a "simple" CORS request, so no preflight, which 18.16 does not
 * answer — and come back as JSON read into Arrow tables typed from the answer's own column
 * types. Before its first query it asks the server's release once (`SELECT version()`): on
 * 18.16 and other old releases values are bound as escaped literals and answers come as
 * `JSONCompact` rows; on a current release a read sends its values as query parameters and
 * takes `JSONColumnsWithMetadata` (`parameters.ts`). The server refuses anything but reading
 * when the user's profile says `readonly=1`.
 */
export class ClickHouseConnector implements Connector {
  readonly kind = 'clickhouse';
  readonly traffic: ClickHouseTraffic = { queries: 0, bytes: 0 };

  constructor(private readonly options: ClickHouseOptions) {}

  #wire?: Promise<ClickHouseWire>;

  async query(sql: string, params: readonly QueryParam[] = []): Promise<Table> {
    const statement = stripSemicolons(sql);
    // Only a read takes parameters: a loader's `INSERT … VALUES` reads its values as data.
    if (READS.test(statement) && (await this.wire()) === 'parameters') {
      const bound = bindParameters(statement, params);
      return tableFromJsonColumns(
        await this.post(bound.sql, 'JSONColumnsWithMetadata', bound.values),
      );
    }
    return tableFromJsonCompact(await this.post(bindValues(statement, params)));
  }

  /**
   * How this connector sends values and reads answers, from the server's release (asked once,
   * asked again after a failure; not counted in `traffic`).
   */
  wire(): Promise<ClickHouseWire> {
    if (this.options.parameters === false) return Promise.resolve('literals');
    this.#wire ??= this.post('SELECT version()', 'TabSeparated', {}, false).then(wireFor);
    this.#wire.catch(() => (this.#wire = undefined));
    return this.#wire;
  }

  /**
   * Sends one statement and returns the answer's text as the server wrote it; `parameters`
   * are the values of its `{name:Type}` placeholders, sent as `param_name`.
   */
  async post(
    statement: string,
    format = 'JSONCompact',
    parameters: Readonly<Record<string, string>> = {},
    counted = true,
  ): Promise<string> {
    const { timeoutMs = 60_000 } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    const { user = 'default', password } = this.options;
    const send = (): Promise<Response> =>
      doFetch(this.endpoint(format, parameters), {
        method: 'POST',
        body: statement,
        signal: AbortSignal.timeout(timeoutMs),
        ...(password ? { headers: { authorization: `Basic ${btoa(`${user}:${password}`)}` } } : {}),
      });
    let response: Response;
    try {
      // A read is safe to send twice: once more when a kept-alive connection was closed under it.
      response = await send().catch((cause: unknown) => {
        if (isTimeout(cause) || !READS.test(statement)) throw cause;
        return send();
      });
    } catch (cause) {
      if (isTimeout(cause))
        throw new ClickHouseError('clickhouse-timeout', `${timeoutMs} ms`, undefined, { cause });
      throw new ClickHouseError('clickhouse-unreachable', this.options.url, undefined, { cause });
    }
    const text = await response.text();
    if (counted) {
      this.traffic.queries++;
      this.traffic.bytes += new TextEncoder().encode(text).byteLength;
    }
    if (!response.ok) throw errorFromServerText(text, response.status);
    // An error after the first bytes were sent is written into the body of a 200 answer
    // (`wait_end_of_query` makes that rare): the body then ends in the server's error text.
    const late = /Code: \d+(?:, e\.displayText\(\)|\. DB::)[\s\S]*$/.exec(text);
    if (late && !isWholeJson(text)) throw errorFromServerText(late[0], response.status);
    return text;
  }

  private endpoint(format: string, parameters: Readonly<Record<string, string>>): URL {
    const url = new URL(this.options.url, globalThis.location?.href);
    const { user, password, database } = this.options;
    if (user && !password) url.searchParams.set('user', user);
    if (database) url.searchParams.set('database', database);
    for (const [name, value] of Object.entries(this.options.settings ?? {}))
      url.searchParams.set(name, value);
    url.searchParams.set('default_format', format);
    for (const [name, value] of Object.entries(parameters))
      url.searchParams.set(`param_${name}`, value);
    // The server holds the answer until the query ends, so a late error gets an error status.
    url.searchParams.set('wait_end_of_query', '1');
    return url;
  }

  registerFile(): Promise<void> {
    return Promise.reject(new ClickHouseError('clickhouse-not-supported'));
  }

  dropFile(): Promise<void> {
    return Promise.resolve();
  }

  insertArrow(): Promise<void> {
    return Promise.reject(new ClickHouseError('clickhouse-not-supported'));
  }

  async close(): Promise<void> {}
}

const READS = /^\s*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXISTS)\b/i;

function isWholeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isTimeout(cause: unknown): boolean {
  return cause instanceof DOMException && cause.name === 'TimeoutError';
}

function stripSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}
