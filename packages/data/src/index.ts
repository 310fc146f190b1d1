export type { Connector, QueryParam } from './connector';
export { decodeText, type DecodedText, type EncodingChoice } from './decode';
export {
  Engine,
  type CsvLoadOptions,
  type EngineOptions,
  type LoadedTable,
  ownValue,
  type RecordRow,
} from './engine';
export {
  fileLabel,
  LoadError,
  type LoadFault,
  type LoadProgress,
  type ProgressListener,
} from './fetch-bytes';
export { quoteIdentifier, quoteLiteral, tableNameFor } from './sql';
export { EngineTimeoutError, withTimeout } from './timeout';
export { pageEngine } from './browser/page-engine';
export { bundledAssets, type WasmAssets } from './browser/bundled-assets';
export { trustedTypesPolicyName } from './browser/trusted-worker';
export { EngineAssetError, type EngineAssetProblem } from './browser/asset-check';
export { SourceRegistry, UnknownSourceError } from './sources';
export {
  DataError,
  type Aggregate,
  type AggregateRequest,
  type AnswerPlan,
  type AuthorRequest,
  type DataErrorCode,
  type DataRequest,
  type DataResult,
  type DimensionFilter,
  type Measure,
  type Ordering,
  type RowsRequest,
} from './query/contract';
export type {
  Coordinator,
  CoordinatorOptions,
  CoordinatorHost,
  RemoteDatabase,
} from './query/coordinator';
export type {
  DrillAnswer,
  DrillDays,
  DrillFigures,
  DrillRequest,
  DrillRow,
  RowPosition,
} from './query/drill-through';
export { openClickHouse } from './clickhouse/open';
export type { ClickHouseOptions } from './clickhouse/connector';
export type { CatalogueColumn, SourceCatalogue } from './query/catalogue';
export {
  duckdbDialect,
  type BoundSql,
  type Dialect,
  type TableDialect,
  type ValueType,
} from './query/dialect';
export type { ArrowInsertMode } from './connector';
export type { ParquetBytesOptions } from './engine';
export { UnknownColumnError, matchColumn, matchColumns, closestName } from './guard/column-names';
export { assertReadOnly, UnsafeQueryError } from './guard/read-only';
export { sourcesNamedIn } from './guard/source-names';
export type { ParquetDecoder, ParquetDecoderLoader } from './parquet/parquet-module';
export { fetchIfChanged, type Fetched, type Validators } from './refresh/conditional-fetch';
export {
  LiveSource,
  SOURCE_EVENTS,
  type BytesLoadOptions,
  type SourceErrorDetail,
  type SourceLoadDetail,
  type SourceSpec,
  type SourceState,
} from './refresh/live-source';
export { resolveFormat, type FormatChoice, type SourceFormat } from './refresh/source-format';
export {
  DatabaseLostError,
  isFatal,
  RecoveringConnector,
  type DatabaseHealth,
  type DatabaseHealthDetail,
} from './resilience/recovering-connector';
export { RemoteConnector } from './browser/remote-connector';
export {
  openQueryServer,
  queryServerDialect,
  SERVER_CATALOGUE,
  type QueryServerSourceOptions,
} from './server/open';
export { browserParquetDecoder } from './browser/parquet-decoder';
export { defineSource } from './browser/define-source';
export type {
  ColumnKind,
  CsvColumn,
  CsvReject,
  CsvRejects,
  CsvReport,
  LoadReportDetail,
  SkippedRows,
} from './csv/report';
export { loadReportDetail } from './csv/report';
export { defaultCsvByteLimit } from './size-limit';
export * from './coded-failure';
