import { createRequire } from 'node:module';
import type * as DuckDBBlocking from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import type { ArrowInsertMode, Connector, QueryParam } from '../connector';
import { decimalsAsDoubles } from '../arrow/decimals';
import { confineFileAccess } from '../guard/file-access';

type Blocking = typeof DuckDBBlocking;
type Bindings = Awaited<ReturnType<Blocking['createDuckDB']>>;
type Connection = ReturnType<Bindings['connect']>;

const require = createRequire(import.meta.url);

/**
 * The same DuckDB-WASM build, run synchronously in Node: tests exercise exactly the
 * engine the browser runs, without a worker.
 */
export class BlockingConnector implements Connector {
  readonly kind = 'duckdb-wasm-blocking';

  private constructor(
    private readonly db: Bindings,
    private readonly connection: Connection,
  ) {}

  static async open(): Promise<BlockingConnector> {
    const duckdb = require('@duckdb/duckdb-wasm/blocking') as Blocking;
    const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/[^/\\]+$/, '');
    const db = await duckdb.createDuckDB(
      {
        mvp: {
          mainModule: `${dist}duckdb-mvp.wasm`,
          mainWorker: `${dist}duckdb-node-mvp.worker.cjs`,
        },
        eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
      },
      new duckdb.VoidLogger(),
      duckdb.NODE_RUNTIME,
    );
    await db.instantiate(() => undefined);
    db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: false } });
    const connection = db.connect();
    connection.query('SET autoinstall_known_extensions = false');
    connection.query('SET autoload_known_extensions = false');
    await confineFileAccess(async (sql) => connection.query(sql));
    return new BlockingConnector(db, connection);
  }

  async query(sql: string, params: readonly QueryParam[] = []): Promise<Table> {
    if (params.length === 0)
      return decimalsAsDoubles(this.connection.query(sql) as unknown as Table);
    const statement = this.connection.prepare(sql);
    try {
      return decimalsAsDoubles(statement.query(...params) as unknown as Table);
    } finally {
      statement.close();
    }
  }

  async registerFile(fileName: string, bytes: Uint8Array): Promise<void> {
    this.db.registerFileBuffer(fileName, bytes);
  }

  async dropFile(fileName: string): Promise<void> {
    this.db.dropFile(fileName);
  }

  async insertArrow(table: string, ipc: Uint8Array, options: ArrowInsertMode = {}): Promise<void> {
    this.connection.insertArrowFromIPCStream(ipc, { name: table, create: !options.append });
  }

  async close(): Promise<void> {
    this.connection.close();
    this.db.reset();
  }
}
