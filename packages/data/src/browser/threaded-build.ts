import coiWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiThreadUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import bootWorkerUrl from './duckdb-boot.worker.js?url';
import type { WasmAssets } from './wasm-assets';

/**
 * DuckDB's threaded build, in an embed build made with `STRATEX_THREADS=1` (in place of
 * `no-threaded-build.ts`). Its threads share the database's memory, which a browser allows
 * only on a page that is cross-origin isolated (docs/deployment.md).
 */
export const threadedAssets: WasmAssets | undefined = {
  wasm: coiWasmUrl,
  worker: coiWorkerUrl,
  boot: bootWorkerUrl,
  threadWorker: coiThreadUrl,
};
