import { Engine, type EngineOptions } from '../engine';
import { BlockingConnector } from './blocking-connector';

export { BlockingConnector };

/** An engine on DuckDB-WASM in Node, for tests and scripts. Close it when done. */
export function nodeEngine(options?: EngineOptions): Engine {
  return new Engine(() => BlockingConnector.open(), options);
}
