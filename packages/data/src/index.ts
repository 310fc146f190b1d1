export type { Connector, QueryParam } from './connector';
export { decodeText, type DecodedText, type EncodingChoice } from './decode';
export {
  Engine,
  type CsvLoadOptions,
  type EngineOptions,
  type LoadedTable,
  type RecordRow,
} from './engine';
export {
  fetchBytes,
  fileLabel,
  LoadError,
  type LoadProgress,
  type ProgressListener,
} from './fetch-bytes';
export { quoteIdentifier, quoteLiteral, tableNameFor } from './sql';
export { EngineTimeoutError, withTimeout } from './timeout';
export { pageEngine } from './browser/page-engine';
export { WasmConnector, bundledAssets, type WasmAssets } from './browser/wasm-connector';
export { SourceRegistry, UnknownSourceError } from './sources';
