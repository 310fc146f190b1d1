import {
  AsyncDuckDB,
  type AsyncDuckDBConnection,
  AsyncResultStreamIterator,
  VoidLogger,
} from '@duckdb/duckdb-wasm';
import { RecordBatchReader, Table } from 'apache-arrow';
import type { ArrowInsertMode, Connector, QueryOptions, QueryParam } from '../connector';
import { confineFileAccess } from '../guard/file-access';
import { diagnoseAssets, workerFailure } from './asset-check';
import { Heartbeat } from '../resilience/heartbeat';
import { assetUrl, bundledAssets, type WasmAssets, workerUrl } from './bundled-assets';
import { decimalsAsDoubles } from '../arrow/decimals';
import { startWorker } from './trusted-worker';

const offlineSettings = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

export interface WasmSettings {
  /**
   * DuckDB's `memory_limit` (e.g. `'512MB'`; default: DuckDB's own, about 3 GiB in a browser).
   * Past it a load or query fails with an out-of-memory error instead of taking the tab down.
   */
  memoryLimit?: string;
}

/**
 * How long a background statement works before the worker takes its other messages. It works
 * in DuckDB's tasks (about 100,000 rows each), so a request may wait for one task past this.
 */
const BACKGROUND_SLICE_MS = 10;

/** How long an opened database's worker may still take to report that it holds its lock. */
const LOCK_GRACE_MS = 1_000;

const memorySize = /^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i;

/** DuckDB-WASM in a Web Worker. */
export class WasmConnector implements Connector {
  readonly kind = 'duckdb-wasm';

  readonly lost: Promise<Error>;
  /** The connection background statements run on, opened on the first. */
  #aside: Promise<AsyncDuckDBConnection> | undefined;
  /** The background statement running: one at a time, as a connection runs one. */
  #asideTurn: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: AsyncDuckDB,
    /** The database's worker; a test may terminate it to play a crash. */
    readonly worker: Worker,
    private readonly connection: AsyncDuckDBConnection,
    /** Notices a dead worker within seconds (only our boot script answers it). */
    private readonly heartbeat?: Heartbeat,
  ) {
    const failed = new Promise<Error>((resolve) => {
      worker.addEventListener('error', (event) =>
        resolve(new Error(`The database worker failed: ${event.message || 'no reason given'}.`)),
      );
      worker.addEventListener('messageerror', () =>
        resolve(new Error('The database worker sent a message that could not be read.')),
      );
    });
    this.lost = heartbeat ? Promise.race([failed, heartbeat.lost]) : failed;
  }

  /** Opens the database in `worker`, or in a worker started now from `assets`. */
  static async open(
    assets: WasmAssets = bundledAssets,
    started?: Worker,
    settings: WasmSettings = {},
  ): Promise<WasmConnector> {
    if (typeof WebAssembly !== 'object') {
      started?.terminate();
      throw new Error('This browser cannot run WebAssembly, which the widgets need.');
    }
    const worker = started ?? startWorker(workerUrl(assets));
    // Watched from the start: the worker takes its lifetime lock before DuckDB gets any work,
    // so one killed in its very first query is heard at once (a busy worker cannot take it).
    const heartbeat = assets.boot ? new Heartbeat(worker) : undefined;
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    // A missing worker or wasm, or a wasm of the wrong type, fails inside the worker, and
    // DuckDB's client would wait for its answer forever: the worker's error ends the wait.
    const failed = workerFailure(worker).then((event) => {
      throw event;
    });
    failed.catch(() => undefined);
    try {
      // Opening keeps the worker busy: its silence then is not a sign of death.
      const opening = WasmConnector.#prepare(db, assets, settings, failed);
      const connection = await (heartbeat ? heartbeat.during(opening) : opening);
      // Our boot script holds its lock long before DuckDB has opened; a worker that does not
      // speak the heartbeat's protocol never will, and is not waited for past a moment.
      if (heartbeat) {
        const moment = new Promise((resolve) => setTimeout(resolve, LOCK_GRACE_MS));
        await Promise.race([heartbeat.watching, failed, moment]).catch((cause: unknown) => {
          throw cause instanceof Event ? new Error(eventText(cause)) : cause;
        });
      }
      return new WasmConnector(db, worker, connection, heartbeat);
    } catch (cause) {
      heartbeat?.stop();
      worker.terminate();
      throw cause;
    }
  }

  /** Starts DuckDB in its worker and opens the one connection, set up for the page. */
  static async #prepare(
    db: AsyncDuckDB,
    assets: WasmAssets,
    settings: WasmSettings,
    failed: Promise<never>,
  ): Promise<AsyncDuckDBConnection> {
    try {
      const threads = assets.threadWorker === undefined ? undefined : assetUrl(assets.threadWorker);
      await Promise.race([db.instantiate(assetUrl(assets.wasm), threads), failed]);
    } catch (cause) {
      throw await diagnoseAssets(assets, cause instanceof Event ? eventText(cause) : cause);
    }
    await db.open({
      // The threaded build's threads, no more than the machine's cores (DuckDB's own default is 4).
      ...(assets.threadWorker ? { maximumThreads: coresOf(globalThis.navigator) } : {}),
      query: {
        castBigIntToDouble: true,
        castDecimalToDouble: false,
        queryPollingInterval: BACKGROUND_SLICE_MS,
      },
    });
    const connection = await db.connect();
    for (const statement of offlineSettings) await connection.query(statement);
    if (settings.memoryLimit !== undefined) {
      if (!memorySize.test(settings.memoryLimit))
        throw new Error(`memoryLimit must be a size such as '512MB', not ${settings.memoryLimit}.`);
      await connection.query(`SET memory_limit = '${settings.memoryLimit}'`);
    }
    await confineFileAccess((sql) => connection.query(sql));
    return connection;
  }

  /** A call to the worker, during which its silence is not a sign of death. */
  #busy<T>(work: Promise<T>): Promise<T> {
    return this.heartbeat ? this.heartbeat.during(work) : work;
  }

  query(sql: string, params: readonly QueryParam[] = [], options?: QueryOptions): Promise<Table> {
    if (options?.background && params.length === 0)
      return this.#busy(this.#background(sql, options.pause));
    return this.#busy(this.#query(sql, params));
  }

  /**
   * Runs `sql` on a second connection, sent rather than run: the worker executes it a slice at
   * a time and takes the main connection's statements between slices, so a request is
   * answered while the background statement waits; `pause` may hold it between slices.
   */
  #background(sql: string, pause?: () => Promise<void> | undefined): Promise<Table> {
    const run = this.#asideTurn.then(async () => {
      this.#aside ??= this.db.connect();
      const id = (await this.#aside).useUnsafe((_, connection) => connection);
      let header = await this.db.startPendingQuery(id, sql);
      while (!header) {
        await pause?.();
        header = await this.db.pollPendingQuery(id);
      }
      const reader = await RecordBatchReader.from(
        new AsyncResultStreamIterator(this.db, id, header),
      );
      const batches = await reader.readAll();
      return decimalsAsDoubles(new Table(reader.schema, batches));
    });
    this.#asideTurn = run.catch(() => undefined);
    return run;
  }

  async #query(sql: string, params: readonly QueryParam[]): Promise<Table> {
    return decimalsAsDoubles(await this.#answer(sql, params));
  }

  async #answer(sql: string, params: readonly QueryParam[]): Promise<Table> {
    if (params.length === 0) return this.connection.query(sql);
    const statement = await this.connection.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  }

  async registerFile(fileName: string, bytes: Uint8Array): Promise<void> {
    await this.#busy(this.db.registerFileBuffer(fileName, bytes));
  }

  async dropFile(fileName: string): Promise<void> {
    await this.#busy(this.db.dropFile(fileName));
  }

  async insertArrow(table: string, ipc: Uint8Array, options: ArrowInsertMode = {}): Promise<void> {
    await this.#busy(
      this.connection.insertArrowFromIPCStream(ipc, { name: table, create: !options.append }),
    );
  }

  async close(): Promise<void> {
    this.heartbeat?.stop();
    const aside = this.#aside;
    await aside?.then((connection) => connection.close()).catch(() => undefined);
    await this.connection.close().catch(() => undefined);
    await this.db.terminate().catch(() => undefined);
    this.worker.terminate();
  }
}

function coresOf(navigator: { hardwareConcurrency?: number } | undefined): number {
  return Math.max(1, Math.min(4, navigator?.hardwareConcurrency ?? 1));
}

function eventText(event: Event): string {
  return event instanceof ErrorEvent && event.message
    ? event.message
    : 'The database worker could not start.';
}
