import type { WasmAssets } from './wasm-assets';

/**
 * The default build ships no threaded DuckDB: measured here it was slower, and DuckDB-WASM
 * 1.32.0's threaded build can fail a large load (docs/deployment.md). An embed build made
 * with `STRATEX_THREADS=1` puts `threaded-build.ts` in this module's place.
 */
export const threadedAssets: WasmAssets | undefined = undefined;
