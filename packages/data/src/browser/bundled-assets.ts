import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import bootWorkerUrl from './duckdb-boot.worker.js?url';

/**
 * Where the database's files are. They ship inside our own build, next to stratex.js,
 * so a page never reaches a CDN.
 */
export interface WasmAssets {
  wasm: string;
  worker: string;
  /** A script started as the worker that then loads `worker` (see duckdb-boot.worker.js). */
  boot?: string;
}

export const bundledAssets: WasmAssets = {
  wasm: ehWasmUrl,
  worker: ehWorkerUrl,
  boot: bootWorkerUrl,
};

/** An asset's address as the browser fetches it. */
export function assetUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** The URL the worker is started from: the boot script with DuckDB's worker after the `#`. */
export function workerUrl(assets: WasmAssets): string {
  const worker = assetUrl(assets.worker);
  return assets.boot ? `${assetUrl(assets.boot)}#${encodeURIComponent(worker)}` : worker;
}
