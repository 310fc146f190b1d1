import { isNumericClickHouseType } from './json-compact';
import { bindValues, clickhouseIdentifier, clickhouseLiteral } from './literals';
import {
  columnsOf,
  dailySeries,
  groupedFigures,
  numberFromText,
  rowCountOf,
  scorecardRows,
  whereClause,
} from './sql';

/**
 * Everything ClickHouse-specific that SQL rendering needs, in one object: the seam where a
 * dialect interface of the data package can take it (DuckDB's twin lives in `../sql.ts` and
 * the widgets' query modules today).
 */
export const clickhouseDialect = {
  name: 'clickhouse',
  quoteIdentifier: clickhouseIdentifier,
  literal: clickhouseLiteral,
  bindValues,
  isNumericType: isNumericClickHouseType,
  numberFromText,
  whereClause,
  groupedFigures,
  scorecardRows,
  dailySeries,
  columnsOf,
  rowCountOf,
} as const;
