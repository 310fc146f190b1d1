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
export {
  columnsOf,
  dailySeries,
  groupedFigures,
  numberFromText,
  rowCountOf,
  scorecardRows,
  whereClause,
  type BoundStatement,
  type ColumnTypes,
  type DailySeriesRequest,
  type EqualityFilter,
  type GroupedFiguresRequest,
  type ScorecardRowsRequest,
} from './sql';
