export { clickhouseDialect } from './dialect';
export { ClickHouseConnector, type ClickHouseOptions, type ClickHouseTraffic } from './connector';
export { ClickHouseError, clickhouseMessage, type ClickHouseErrorCode } from './errors';
export {
  arrowKind,
  isNumericClickHouseType,
  isTextClickHouseType,
  tableFromJsonCompact,
} from './json-compact';
export { bindValues, clickhouseIdentifier, clickhouseLiteral } from './literals';
