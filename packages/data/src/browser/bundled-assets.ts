import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import bootWorkerUrl from './duckdb-boot.worker.js?url';
import { threadedAssets } from './no-threaded-build';
import type { WasmAssets } from './wasm-assets';

export type { WasmAssets } from './wasm-assets';

/** The single-threaded build, which every browser can run. */
const singleThreadedAssets: WasmAssets = {
  wasm: ehWasmUrl,
  worker: ehWorkerUrl,
  boot: bootWorkerUrl,
};

/** Whether workers of this page may share memory: it is cross-origin isolated and has SharedArrayBuffer. */
function pageSharesMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/**
 * The build this page runs: the threaded one when the embed build has it, the page allows it
 * and the files are on its own origin (a worker starts its threads only from there), else the
 * single-threaded one.
 */
export const bundledAssets: WasmAssets =
  threadedAssets?.threadWorker !== undefined &&
  pageSharesMemory() &&
  new URL(assetUrl(threadedAssets.threadWorker)).origin === globalThis.location?.origin
    ? threadedAssets
    : singleThreadedAssets;

/** An asset's address as the browser fetches it. */
export function assetUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** The URL the worker is started from: the boot script with DuckDB's worker after the `#`. */
export function workerUrl(assets: WasmAssets): string {
  const worker = assetUrl(assets.worker);
  return assets.boot ? `${assetUrl(assets.boot)}#${encodeURIComponent(worker)}` : worker;
}
