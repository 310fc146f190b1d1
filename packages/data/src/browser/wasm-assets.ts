/**
 * Where the database's files are. They ship inside our own build, next to stratex.js,
 * so a page never reaches a CDN.
 */
export interface WasmAssets {
  wasm: string;
  worker: string;
  /** A script started as the worker that then loads `worker` (see duckdb-boot.worker.js). */
  boot?: string;
  /**
   * The threaded build only: the script each of DuckDB's threads runs in, a worker that the
   * database's worker starts itself, from the same folder.
   */
  threadWorker?: string;
}
