// The same loads written by hand against DuckDB-WASM: CSV through read_csv on a
// registered buffer; Parquet through the same wasm decoder, then an Arrow insert.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import initParquet, { readParquet } from 'parquet-wasm/esm';

const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));

async function ready(): Promise<void> {
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: true } });
  await initParquet({ module_or_path: parquetWasmUrl });
}

async function load(url: string): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const connection = await db.connect();
  const table = `facts_${Date.now()}`;
  if (url.endsWith('.csv')) {
    await db.registerFileBuffer(`${table}.csv`, bytes);
    await connection.query(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${table}.csv', header = true, all_varchar = true)`,
    );
  } else {
    const ipc = readParquet(bytes, { batchSize: 1 << 20 }).intoIPCStream();
    await connection.insertArrowFromIPCStream(ipc, { name: table, create: true });
  }
  const [row] = (await connection.query(`SELECT count(*)::INT AS n FROM ${table}`)).toArray();
  await connection.close();
  return { ms: performance.now() - start, rows: Number(row?.n) };
}

Object.assign(window, { benchReady: ready(), benchLoad: load });
