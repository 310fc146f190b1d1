import { Engine, type EngineOptions } from '../engine';
import { BlockingConnector } from './blocking-connector';
import { NativeConnector } from './native-connector';
import { nodeParquetDecoder } from './parquet-decoder';

export { BlockingConnector, NativeConnector, nodeParquetDecoder };
export {
  startQueryServer,
  type QueryServer,
  type QueryServerOptions,
} from '../server/query-server';

/** An engine on DuckDB-WASM in Node, for tests and scripts. Close it when done. */
export function nodeEngine(options?: EngineOptions): Engine {
  return new Engine(() => BlockingConnector.open(), {
    parquetDecoder: nodeParquetDecoder,
    ...options,
  });
}

/** An engine on native DuckDB: the same loaders and SQL, much faster. Close it when done. */
export function nativeEngine(options?: EngineOptions): Engine {
  return new Engine(() => NativeConnector.open(':memory:', { confineFiles: true }), {
    parquetDecoder: nodeParquetDecoder,
    ...options,
  });
}
