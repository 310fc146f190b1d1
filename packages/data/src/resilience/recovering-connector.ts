import type { ArrowInsertMode, Connector, QueryOptions, QueryParam } from '../connector';
import { EngineTimeoutError, withTimeout } from '../timeout';
import type { Table } from 'apache-arrow';

/** How the database is doing, for widgets that show it. */
export type DatabaseHealth = 'starting' | 'ready' | 'recovering' | 'failed';

export interface DatabaseHealthDetail {
  health: DatabaseHealth;
  /** What went wrong, when the database was lost or could not start. */
  reason?: string;
  /** How many times the database was rebuilt on this page. */
  recoveries: number;
}

export interface RecoveryOptions {
  timeoutMs: number;
  /** Loads every source again into a fresh database, before anyone else may query it. */
  reload: (fresh: Connector) => Promise<void>;
}

/** The event a recovering connector fires whenever its health changes. */
export const HEALTH_EVENT = 'health';

const poisoned = /RuntimeError|unreachable|memory access out of bounds|Aborted\(|out of bounds/i;

/** True for failures after which the database cannot be trusted and must be rebuilt. */
export function isFatal(cause: unknown): boolean {
  if (cause instanceof EngineTimeoutError || cause instanceof DatabaseLostError) return true;
  return cause instanceof Error && poisoned.test(`${cause.name}: ${cause.message}`);
}

export class DatabaseLostError extends Error {
  constructor(reason: string) {
    super(`The database stopped working (${reason}); it is being restarted.`);
    this.name = 'DatabaseLostError';
  }
}

/**
 * A connector that outlives its database: every call has a deadline, and a dead, stuck
 * or poisoned database is closed, opened anew and given its sources back.
 */
export class RecoveringConnector extends EventTarget implements Connector {
  #current: Promise<Connector> | undefined;
  #active: Connector | undefined;
  #reloaded: Promise<void> = Promise.resolve();
  /** Each call goes to the database as it is when the call is made. */
  readonly #calls = callsThrough(async (what, work) =>
    this.#callOn(await this.current(), what, work),
  );
  #health: DatabaseHealthDetail = { health: 'starting', recoveries: 0 };

  constructor(
    private readonly open: () => Promise<Connector>,
    private readonly options: RecoveryOptions,
  ) {
    super();
  }

  get kind(): string {
    return 'recovering';
  }

  get health(): DatabaseHealthDetail {
    return this.#health;
  }

  /** The database as it is now, opening it on first use. */
  current(): Promise<Connector> {
    this.#current ??= this.#start();
    return this.#current;
  }

  /** Settles once a rebuilt database has its sources back. */
  reloaded(): Promise<void> {
    return this.#reloaded;
  }

  query(sql: string, params: readonly QueryParam[] = [], options?: QueryOptions): Promise<Table> {
    return this.#calls.query(sql, params, options);
  }

  registerFile(fileName: string, bytes: Uint8Array): Promise<void> {
    return this.#calls.registerFile(fileName, bytes);
  }

  dropFile(fileName: string): Promise<void> {
    return this.#calls.dropFile(fileName);
  }

  insertArrow(table: string, ipc: Uint8Array, options?: ArrowInsertMode): Promise<void> {
    return this.#calls.insertArrow(table, ipc, options);
  }

  /**
   * The database as it is now, kept for work of several calls that all need the same one (a
   * load, then publishing what it loaded): its calls never move on to a rebuilt database, and
   * once this one is lost — even before the loss is heard — they fail as lost.
   */
  async pinned(): Promise<Connector> {
    const connector = await this.current();
    const { lost, kind } = connector;
    return {
      kind,
      ...(lost ? { lost } : {}),
      ...callsThrough((what, work) => this.#callOn(connector, what, work)),
      // The database stays the engine's to close.
      close: async () => undefined,
    };
  }

  async close(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (current) await (await current.catch(() => undefined))?.close();
  }

  async #start(): Promise<Connector> {
    try {
      const startMs = Math.max(this.options.timeoutMs, 60_000);
      const connector = await withTimeout(this.open(), startMs, 'Starting the database');
      this.#active = connector;
      void connector.lost?.then((reason) => this.#lose(connector, reason));
      if (this.#health.health === 'starting') this.#report({ health: 'ready' });
      return connector;
    } catch (cause) {
      this.#current = undefined;
      this.#report({ health: 'failed', reason: reasonOf(cause) });
      throw cause;
    }
  }

  async #callOn<T>(
    connector: Connector,
    what: string,
    work: (connector: Connector) => Promise<T>,
  ): Promise<T> {
    if (this.#active !== connector) throw new DatabaseLostError('it was lost during this work');
    const lost = connector.lost?.then((reason) => {
      throw new DatabaseLostError(reason.message);
    });
    try {
      const attempt = lost ? Promise.race([work(connector), lost]) : work(connector);
      return await withTimeout(attempt, this.options.timeoutMs, what);
    } catch (cause) {
      if (isFatal(cause))
        this.#lose(connector, cause instanceof Error ? cause : new Error(String(cause)));
      throw cause;
    }
  }

  #lose(connector: Connector, reason: Error): void {
    if (this.#active !== connector) return;
    this.#active = undefined;
    void connector.close().catch(() => undefined);
    this.#report({
      health: 'recovering',
      reason: reason.message,
      recoveries: this.#health.recoveries + 1,
    });
    this.#current = this.#start();
    this.#reloaded = this.#current
      .then((fresh) => this.options.reload(fresh))
      .then(
        () => this.#report({ health: 'ready' }),
        (cause: unknown) => this.#report({ health: 'failed', reason: reasonOf(cause) }),
      );
  }

  #report(change: Partial<DatabaseHealthDetail>): void {
    const next = { ...this.#health, ...change };
    if (change.health === 'ready') delete next.reason;
    this.#health = next;
    this.dispatchEvent(new CustomEvent<DatabaseHealthDetail>(HEALTH_EVENT, { detail: next }));
  }
}

type CallOn = <T>(what: string, work: (connector: Connector) => Promise<T>) => Promise<T>;

/** A connector's calls, each made through `call` (which picks the database and guards it). */
function callsThrough(call: CallOn): Omit<Connector, 'kind' | 'lost' | 'close'> {
  return {
    query: (sql, params = [], options) =>
      call('The query', (connector) => connector.query(sql, params, options)),
    registerFile: (fileName, bytes) =>
      call(`Handing ${fileName} to the database`, (connector) =>
        connector.registerFile(fileName, bytes),
      ),
    dropFile: (fileName) =>
      call(`Releasing ${fileName}`, (connector) => connector.dropFile(fileName)),
    insertArrow: (table, ipc, options) =>
      call(`Loading ${table}`, (connector) => connector.insertArrow(table, ipc, options)),
  };
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
