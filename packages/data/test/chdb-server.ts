import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A current ClickHouse (the `chdb` npm package: ClickHouse 26 inside the Node process) behind
 * the connector's `fetch`, answering as a server's HTTP interface does: the POST body is the
 * statement, `default_format` the answer's format, `param_<name>` the values of its
 * `{name:Type}` placeholders (in the server's escaped text form), an error a 500 with the
 * server's own words. So `ClickHouseConnector` runs unchanged against a current release.
 */
export interface CurrentClickHouse {
  /** ClickHouse's release, as `SELECT version()` answers. */
  readonly version: string;
  /** The connector's `fetch`: every request runs in this ClickHouse. */
  readonly fetch: typeof fetch;
  /** Runs a statement as the loader does (DDL, INSERT); answers its text. */
  run(statement: string, format?: string): string;
  close(): void;
}

interface ChdbResult {
  text(): string;
}
interface ChdbSession {
  query(sql: string, format?: string): string;
  queryAsync(sql: string, options: { format: string }): Promise<ChdbResult>;
  queryBindAsync(
    sql: string,
    params: Record<string, string>,
    options: { format: string },
  ): Promise<ChdbResult>;
  close(): void;
}
interface Chdb {
  Session: new (path?: string) => ChdbSession;
}

/** The chdb package, or why it cannot be loaded here. */
export function loadChdb(): { chdb?: Chdb; reason?: string } {
  try {
    return { chdb: createRequire(import.meta.url)('chdb') as Chdb };
  } catch (cause) {
    return { reason: `skipped: chdb cannot be loaded here (${String(cause).slice(0, 300)})` };
  }
}

/** Reads a parameter's escaped text back to the value it stands for. */
export function unescapeParameter(text: string): string {
  const named: Record<string, string> = {
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    '0': '\0',
    a: '\x07',
    v: '\v',
  };
  return text.replace(/\\(x[0-9a-fA-F]{2}|[\s\S])/g, (_, escape: string) =>
    escape.length === 3
      ? String.fromCharCode(parseInt(escape.slice(1), 16))
      : (named[escape] ?? escape),
  );
}

export function currentClickHouse(chdb: Chdb): CurrentClickHouse {
  const folder = mkdtempSync(join(tmpdir(), 'stratex-chdb-'));
  const session = new chdb.Session(folder);
  const version = session.query('SELECT version()', 'TabSeparated').trim();
  const answer = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const statement = typeof init?.body === 'string' ? init.body : '';
    const format = url.searchParams.get('default_format') ?? 'TabSeparated';
    const params: Record<string, string> = {};
    for (const [name, value] of url.searchParams)
      if (name.startsWith('param_')) params[name.slice('param_'.length)] = unescapeParameter(value);
    try {
      const result =
        Object.keys(params).length > 0
          ? await session.queryBindAsync(statement, params, { format })
          : await session.queryAsync(statement, { format });
      return new Response(result.text(), { status: 200 });
    } catch (error) {
      return new Response(error instanceof Error ? error.message : String(error), { status: 500 });
    }
  };
  return {
    version,
    fetch: answer as typeof fetch,
    run: (statement, format = 'TabSeparated') => session.query(statement, format),
    close: () => {
      session.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
