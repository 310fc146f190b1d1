// The baseline a developer would write by hand: DuckDB-WASM, the same CSV, the same
// achievement figures, a plain table. No Stratex code is used.
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const csv = params.get('csv') ?? 'fixtures/template/evaluation.csv';
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  const [bytes] = await Promise.all([
    fetch(csv).then((response) => response.arrayBuffer()),
    db.instantiate(wasmUrl),
  ]);
  await db.open({ query: { castBigIntToDouble: true } });
  await db.registerFileBuffer('evaluation.csv', new Uint8Array(bytes));
  const connection = await db.connect();
  await connection.query(
    "CREATE TABLE evaluation AS SELECT * FROM read_csv('evaluation.csv', header = true, all_varchar = true)",
  );
  const result = await connection.query('SELECT * FROM evaluation');
  const table = document.getElementById('result') as HTMLTableElement;
  for (const row of result.toArray()) {
    const tr = table.insertRow();
    for (const value of Object.values(row.toJSON())) tr.insertCell().textContent = String(value);
  }
  table.dataset.ready = 'true';
}

void main();
