import type { Connector } from '../connector';
import { Engine } from '../engine';
import { bundledAssets, workerUrl } from './bundled-assets';
import { browserParquetDecoder } from './parquet-decoder';
import { startWorker } from './trusted-worker';

const pageKey = Symbol.for('stratex.engine');
type PageGlobal = typeof globalThis & { [pageKey]?: Engine };

/** The page's one engine: every widget, and every copy of the script, shares it and its worker. */
export function pageEngine(): Engine {
  const page = globalThis as PageGlobal;
  page[pageKey] ??= new Engine(openWasm, { parquetDecoder: browserParquetDecoder });
  return page[pageKey];
}

/**
 * Starts the database worker at once, from this first chunk, so that its script loads while
 * the engine client (DuckDB's API and Apache Arrow, a chunk of their own) is still on its way.
 */
async function openWasm(): Promise<Connector> {
  const worker = startWorker(workerUrl(bundledAssets));
  const { WasmConnector } = await import('./wasm-connector');
  return WasmConnector.open(bundledAssets, worker);
}
