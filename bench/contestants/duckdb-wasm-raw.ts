// DuckDB-WASM written by hand: start the engine while the file downloads, then one
// GROUP BY (CSV straight through read_csv; Parquet decoded by parquet-wasm, only the
// columns needed, into an Arrow insert) and the shared d3 treemap.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import {
  type Cell,
  dataFile,
  drawTreemap,
  fetchBytes,
  parquetStream,
  reportDrawn,
  reportError,
} from './shared';

const GROUP_BY = (from: string): string =>
  `SELECT region, product_line, SUM(target_share)::DOUBLE AS target, SUM(amount)::DOUBLE AS actual FROM ${from} GROUP BY ALL`;

async function main(): Promise<void> {
  const { src, format } = dataFile();
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  const [bytes] = await Promise.all([
    fetchBytes(src),
    db.instantiate(wasmUrl).then(() => db.open({ query: { castBigIntToDouble: true } })),
  ]);
  const connection = await db.connect();
  let sql: string;
  if (format === 'csv') {
    await db.registerFileBuffer('facts.csv', bytes);
    sql = GROUP_BY(`read_csv('facts.csv', header = true)`);
  } else {
    const ipc = await parquetStream(Promise.resolve(bytes));
    await connection.insertArrowFromIPCStream(ipc, { name: 'facts', create: true });
    sql = GROUP_BY('facts');
  }
  const result = await connection.query(sql);
  const cells = result.toArray().map((row) => row.toJSON() as unknown as Cell);
  drawTreemap(cells);
  reportDrawn(cells);
}

main().catch(reportError);
