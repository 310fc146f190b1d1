import { describe, expect, it } from 'vitest';
import { type Dialect, duckdbDialect, type QueryParam } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import {
  renderAggregate,
  renderCube,
  renderFromCube,
  renderRows,
  renderTextSums,
} from '../../../src/query/render';

// A second engine's spelling (backquoted names, typed named parameters, a FORMAT clause, no
// temporary tables of DuckDB's kind): every query the coordinator renders must take all of
// its spelling from the dialect, so a dialect like this one is all another engine needs.
const backquoted: Dialect = {
  name: 'backquoted',
  identifier: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  literal: (value) =>
    typeof value === 'string' ? `'${value.replaceAll("'", "\\'")}'` : String(value),
  bind(value: QueryParam, params: QueryParam[]) {
    params.push(value);
    return `{p${params.length - 1}:String}`;
  },
  asText: (expression) => `toString(${expression})`,
  asNumber: (text) => `toFloat64OrNull(replaceAll(trimBoth(${text}), ',', ''))`,
  isBlank: (text) => `empty(trimBoth(ifNull(${text}, '')))`,
  aggregate: (aggregate, expression) => `toFloat64(${aggregate}(${expression}))`,
  rollUp: (aggregate, expression) =>
    aggregate === 'avg' ? undefined : `${aggregate === 'count' ? 'sum' : aggregate}(${expression})`,
  round: (expression, digits) => `round(${expression}, ${digits})`,
  columns: (tables) => {
    const params: QueryParam[] = [];
    const names = tables.map((table) => backquoted.bind(table, params)).join(', ');
    return {
      sql: `SELECT table AS table_name, name AS column_name, type AS data_type FROM system.columns WHERE table IN (${names})`,
      params,
    };
  },
  valueType: (dataType) => (/^(Float|U?Int|Decimal)/.test(dataType) ? 'number' : 'text'),
  createTemporary: (name, select) =>
    `CREATE TEMPORARY TABLE ${backquoted.identifier(name)} ENGINE = Memory AS ${select}`,
  dropTable: (name) => `DROP TEMPORARY TABLE IF EXISTS ${backquoted.identifier(name)}`,
  limit: (count) => ` LIMIT ${count}`,
  finish: (sql) => `${sql} FORMAT ArrowStream`,
};

const hostile = 'x`; DROP TABLE t; --';
const plan = {
  table: 'sx_sales',
  groupBy: ['region', hostile],
  measures: [
    { column: 'amount', aggregate: 'sum' as const, name: 'amount', digits: 2 },
    { column: 'amount', aggregate: 'count' as const, name: 'orders' },
  ],
  filter: { channel: "直销' OR 1=1 --", [hostile]: 'a' },
  orderBy: [{ column: 'amount', descending: true }],
  limit: 10,
};

/** The text outside backquoted names and quoted literals: where DuckDB's spelling would show. */
function bare(sql: string): string {
  return sql.replace(/`(?:\\.|[^`\\])*`/g, '').replace(/'(?:\\.|[^'\\])*'/g, '');
}

describe('queries are spelt by their dialect', () => {
  it('renders every kind of query with the dialect’s names, parameters and closing words', () => {
    const queries = [
      renderRows(backquoted, 'sx_sales', ['region', hostile], {
        filter: plan.filter,
        text: true,
        limit: 5,
      }),
      renderAggregate(backquoted, plan),
      renderTextSums(backquoted, plan),
      {
        sql: renderCube(
          backquoted,
          'sx_cube_1',
          'sx_sales',
          ['region', 'channel', hostile],
          plan.measures,
        ),
        params: [],
      },
      renderFromCube(backquoted, 'sx_cube_1', plan),
    ];
    for (const query of queries) {
      const outside = bare(query.sql);
      expect(outside, query.sql).not.toMatch(/["?]|CAST|VARCHAR|DOUBLE|TRY_|POSITIONAL|duckdb_/);
      expect(query.sql).not.toContain('直销');
      // A hostile name stays inside its quotes.
      expect(outside).not.toContain('DROP TABLE t');
    }
    expect(queries[0]!.sql.endsWith(' LIMIT 5 FORMAT ArrowStream')).toBe(true);
    expect(queries[1]).toEqual({
      sql:
        'SELECT toString(`region`) AS `region`, toString(`x\\`; DROP TABLE t; --`) AS `x\\`; DROP TABLE t; --`, ' +
        'round(toFloat64(sum(`amount`)), 2) AS `amount`, toFloat64(count(`amount`)) AS `orders` FROM `sx_sales` ' +
        'WHERE toString(`channel`) = {p0:String} AND toString(`x\\`; DROP TABLE t; --`) = {p1:String} ' +
        'GROUP BY toString(`region`), toString(`x\\`; DROP TABLE t; --`) ORDER BY `amount` DESC LIMIT 10 FORMAT ArrowStream',
      params: ["直销' OR 1=1 --", 'a'],
    });
    expect(queries[3]!.sql).toMatch(
      /^CREATE TEMPORARY TABLE `sx_cube_1` ENGINE = Memory AS SELECT /,
    );
    expect(queries[4]!.sql).toContain('sum(`sx_measure_1`) AS `orders`');
  });

  it('DuckDB literals read back as the very values, and cannot be escaped', async () => {
    const engine = nativeEngine();
    try {
      const values: QueryParam[] = ["直销' OR 1=1 --", 'a\\b', '', -0.5, 1e21, true, null];
      const select = values
        .map(
          (value, index) =>
            `${duckdbDialect.literal(value)} AS ${duckdbDialect.identifier(`v${index}`)}`,
        )
        .join(', ');
      const [row] = await engine.records(`SELECT ${select}`);
      expect(values.map((_, index) => row?.[`v${index}`])).toEqual(values);
      expect(() => duckdbDialect.literal('a\u0000b')).toThrow('NUL');
      expect(() => duckdbDialect.literal(Number.NaN)).toThrow('finite');
    } finally {
      await engine.close();
    }
  });
});
