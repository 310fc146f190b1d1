import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/**
 * Where the database's files are. They ship inside our own build, next to stratex.js,
 * so a page never reaches a CDN.
 */
export interface WasmAssets {
  wasm: string;
  worker: string;
}

export const bundledAssets: WasmAssets = { wasm: ehWasmUrl, worker: ehWorkerUrl };

/** An asset's address as the browser fetches it. */
export function assetUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}
