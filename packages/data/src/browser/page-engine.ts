import { Engine } from '../engine';
import { browserParquetDecoder } from './parquet-decoder';

const pageKey = Symbol.for('stratex.engine');
type PageGlobal = typeof globalThis & { [pageKey]?: Engine };

/** The page's one engine: every widget, and every copy of the script, shares it and its worker. */
export function pageEngine(): Engine {
  const page = globalThis as PageGlobal;
  page[pageKey] ??= new Engine(
    () => import('./wasm-connector').then((module) => module.WasmConnector.open()),
    {
      parquetDecoder: browserParquetDecoder,
    },
  );
  return page[pageKey];
}
