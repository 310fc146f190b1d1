import type { QueryParam } from '../connector';
import type { Dialect, ValueType } from '../query/dialect';
import { isNumericClickHouseType, isTextClickHouseType } from './json-compact';
import { clickhouseIdentifier, clickhouseLiteral } from './literals';

function bindParam(value: QueryParam, params: QueryParam[]): string {
  params.push(value);
  return '?';
}

const trimmed = (text: string): string => `replaceRegexpAll(${text}, '^\\\\s+|\\\\s+$', '')`;

/**
 * ClickHouse (18.16 and later) as the coordinator's `Dialect`: every statement a page sends
 * to a cluster is rendered through it (`query/render.ts`), none is written beside it. Values
 * are bound as `?` and become escaped literals in the connector (18.16 has no server-side
 * parameters); every measure comes back as Float64, as on DuckDB. Aliases in ClickHouse stand for their expression
 * anywhere in the query (`sum(x) AS x` would turn a filter on `x` into a filter on the sum),
 * so aggregates are taken under private names and renamed outside (`nestAliases`).
 * Temporary tables exist only within an HTTP session and a `readonly=1` reader may not
 * create them: the coordinator builds no pre-aggregates on a ClickHouse source.
 */
export const clickhouseDialect = {
  name: 'clickhouse',
  nestAliases: true,
  identifier: clickhouseIdentifier,
  literal: clickhouseLiteral,
  bind: bindParam,
  asText: (expression: string) => `toString(${expression})`,
  asNumber: (text: string) => `toFloat64OrNull(replaceAll(${trimmed(text)}, ',', ''))`,
  isBlank: (text: string) => `${trimmed(`ifNull(${text}, '')`)} = ''`,
  aggregate(aggregate, expression) {
    if (aggregate === 'count') return `toFloat64(count(${expression === '*' ? '' : expression}))`;
    // 18.16 divides a Decimal to its own scale (an average of cents is cut to cents).
    if (aggregate === 'avg') return `avg(toFloat64(${expression}))`;
    return `toFloat64(${aggregate}(${expression}))`;
  },
  rollUp(aggregate, expression) {
    if (aggregate === 'sum') return `sum(${expression})`;
    if (aggregate === 'count') return `sum(${expression})`;
    if (aggregate === 'min' || aggregate === 'max') return `${aggregate}(${expression})`;
    return undefined;
  },
  round: (expression: string, digits: number) => `round(${expression}, ${Math.trunc(digits)})`,
  columns(tables) {
    const params: QueryParam[] = [];
    const names = tables.map((table) => bindParam(table, params)).join(', ');
    // system.columns lists each table's columns in their order (18.16 has no `position`).
    return {
      sql: `SELECT table AS table_name, name AS column_name, type AS data_type FROM system.columns WHERE database = currentDatabase() AND table IN (${names})`,
      params,
    };
  },
  valueType(dataType: string): ValueType {
    if (isNumericClickHouseType(dataType)) return 'number';
    if (isTextClickHouseType(dataType)) return 'text';
    if (/^(?:(?:Nullable|LowCardinality)\()*Date(?:Time)?\b/.test(dataType)) return 'date';
    return 'other';
  },
  createTemporary: (name: string, select: string) =>
    `CREATE TEMPORARY TABLE ${clickhouseIdentifier(name)} ENGINE = Memory AS ${select}`,
  dropTable: (name: string) => `DROP TEMPORARY TABLE IF EXISTS ${clickhouseIdentifier(name)}`,
  limit: (count: number) => ` LIMIT ${Math.max(0, Math.trunc(count))}`,
  finish: (sql: string) => sql,
} as const satisfies Dialect;
