import type { Table } from 'apache-arrow';
import type { Connector, QueryOptions, QueryParam } from '../connector';
import { withFault } from '../coded-failure';
import { withTimeout } from '../timeout';
import {
  type DatabaseHealthDetail,
  HEALTH_EVENT,
  RecoveringConnector,
} from '../resilience/recovering-connector';

export interface ConnectionOptions {
  /** Longest any single call may take before it is reported as stuck. */
  timeoutMs: number;
  /**
   * Loads every source again into a rebuilt database. Without it the database is not
   * rebuilt: a dead or stuck one stays failed.
   */
  reload?: (fresh: Connector) => Promise<void>;
}

/**
 * The engine's one database: opened on first use, every call given a deadline, and —
 * when the engine recovers — rebuilt after it dies or gets stuck, with its health told.
 */
export class EngineConnection {
  #connector: Promise<Connector> | undefined;
  readonly #recovering: RecoveringConnector | undefined;

  constructor(
    private readonly open: () => Promise<Connector>,
    readonly options: ConnectionOptions,
  ) {
    const { reload } = options;
    if (reload) {
      this.#recovering = new RecoveringConnector(open, { timeoutMs: options.timeoutMs, reload });
    }
  }

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  connector(): Promise<Connector> {
    const recovering = this.#recovering;
    if (recovering) return recovering.current().then(() => recovering);
    this.#connector ??= this.open();
    return this.#connector;
  }

  /**
   * The database for work of several calls that must all reach the same one (a load and its
   * publishing): once it is lost, they fail as lost instead of going on in a rebuilt one.
   */
  pinned(): Promise<Connector> {
    return this.#recovering ? this.#recovering.pinned() : this.connector();
  }

  /** Runs a statement with bound values; once a rebuilt database has its sources back. */
  async query(
    sql: string,
    params: readonly QueryParam[] = [],
    options?: QueryOptions,
  ): Promise<Table> {
    try {
      const recovering = this.#recovering;
      if (recovering) {
        await recovering.reloaded();
        return await recovering.query(sql, params, options);
      }
      const connector = await this.connector();
      return await withTimeout(connector.query(sql, params, options), this.timeoutMs, 'The query');
    } catch (cause) {
      throw withFault(cause);
    }
  }

  /** `work`, failing as stuck (with `what` in the message) past the deadline. */
  within<T>(work: Promise<T>, what: string): Promise<T> {
    return withTimeout(work, this.timeoutMs, what);
  }

  /** How the database is doing: starting, ready, recovering after a crash, or failed. */
  get health(): DatabaseHealthDetail {
    return this.#recovering?.health ?? { health: 'ready', recoveries: 0 };
  }

  /** Calls `listener` whenever the database's health changes; returns how to stop. */
  onHealth(listener: (health: DatabaseHealthDetail) => void): () => void {
    const handler = (event: Event): void =>
      listener((event as CustomEvent<DatabaseHealthDetail>).detail);
    this.#recovering?.addEventListener(HEALTH_EVENT, handler);
    return () => this.#recovering?.removeEventListener(HEALTH_EVENT, handler);
  }

  async close(): Promise<void> {
    await this.#recovering?.close();
    const connector = this.#connector;
    this.#connector = undefined;
    if (connector) await (await connector).close();
  }
}
