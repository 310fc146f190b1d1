import type { Connector } from '../connector';
import { Engine } from '../engine';
import { bundledAssets, workerUrl } from './bundled-assets';
import { browserParquetDecoder } from './parquet-decoder';
import { startWorker } from './trusted-worker';

const pageKey = Symbol.for('stratex.engine');
/** The worker `early-worker.ts` started as stratex.js ran, if it did. */
const earlyKey = Symbol.for('stratex.early-worker');
type PageGlobal = typeof globalThis & { [pageKey]?: Engine; [earlyKey]?: Worker };

/** The page's one engine: every widget, and every copy of the script, shares it and its worker. */
export function pageEngine(): Engine {
  const page = globalThis as PageGlobal;
  page[pageKey] ??= new Engine(openWasm, { parquetDecoder: browserParquetDecoder });
  return page[pageKey];
}

/**
 * Takes the worker stratex.js started as it ran, or starts it at once, from this first chunk,
 * so that its script loads while the engine client (DuckDB's API and Apache Arrow, a chunk of
 * their own) is still on its way.
 */
async function openWasm(): Promise<Connector> {
  const worker = takeEarlyWorker() ?? startWorker(workerUrl(bundledAssets));
  const { WasmConnector } = await import('./wasm-connector');
  return WasmConnector.open(bundledAssets, worker);
}

/** The worker started early, once: a later connection (after a crash) starts its own. */
function takeEarlyWorker(): Worker | undefined {
  const page = globalThis as PageGlobal;
  const worker = page[earlyKey];
  delete page[earlyKey];
  return worker;
}
