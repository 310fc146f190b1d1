/**
 * What the elements' frames use from this package before the engine has arrived: the
 * failures they name and the few helpers they call. None of it pulls in the engine, its
 * loaders or Arrow, which a page fetches as a chunk of its own (`import('@stratex/data')`).
 */
export { openClickHouse } from './clickhouse/open';
export {
  type CodedFailure,
  EngineFault,
  type Fault,
  faultOf,
  isCodedFailure,
  withFault,
} from './coded-failure';
export { loadReportDetail, type LoadReportDetail } from './csv/report';
export { LoadError, loadError } from './fetch-bytes';
export { closestName } from './guard/column-names';
export { sourcesNamedIn } from './guard/source-names';
export { type ArrowRows, ownValue, recordsOf } from './loaded-table';
export { DatabaseLostError } from './resilience/recovering-connector';
export { UnknownSourceError } from './sources';
export { EngineTimeoutError } from './timeout';
