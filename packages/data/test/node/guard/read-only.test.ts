import { loadRecords } from '../../engine-helpers';
import { describe, expect, it } from 'vitest';
import { assertReadOnly, closestName, matchColumn } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';

const sources = ['sales', 'sx_sales', 'targets'];

describe('read-only guard for page-supplied SQL', () => {
  it.each([
    'SELECT region, sum(amount) FROM sales GROUP BY region',
    'select * from SALES s join targets t on s.region = t.region where s.amount > 10;',
    "WITH top AS (SELECT * FROM sales ORDER BY amount DESC LIMIT 5) SELECT * FROM top WHERE region = 'from x'",
    'SELECT extract(year FROM date) AS y, (SELECT count(*) FROM targets) AS n FROM main.sales',
    'SELECT * FROM sales, targets',
    'SELECT * FROM (VALUES (1), (2)) AS v(x)',
    'SELECT "update" FROM sales -- a comment with DROP',
    'FROM sales SELECT region',
    'SELECT secret FROM sales',
  ])('accepts %s', (sql) => {
    expect(() => assertReadOnly(sql, sources)).not.toThrow();
  });

  it.each([
    ['DROP TABLE sales', /only a SELECT query/i],
    ['SELECT 1; DROP TABLE sales', /DROP|one statement/],
    ['SELECT * FROM sales; SELECT 2', /Only one statement/],
    ["COPY sales TO '/tmp/x.csv'", /only a SELECT query/i],
    ["SELECT * FROM read_csv('http://intranet/secret.csv')", /read_csv\(\), which reads files/],
    ["SELECT * FROM read_parquet('/etc/passwd')", /read_parquet\(\)/],
    ["SELECT * FROM glob('/home/*')", /glob\(\)/],
    ["SELECT * FROM '/etc/passwd'", /"\/etc\/passwd" is not one of this page's sources/],
    ['SELECT * FROM "data.csv"', /"data.csv" is not one of this page's sources/],
    ['SELECT * FROM sales JOIN secrets ON true', /"secrets" is not one of this page's sources/],
    ['SELECT * FROM information_schema.tables', /"tables" is not one of this page's sources/],
    ["SELECT ARRAY(FROM 'http://intranet/other.csv') AS x", /"http:\/\/intranet\/other.csv"/],
    ["SELECT * FROM sales WHERE EXISTS (FROM 'other.csv')", /"other.csv"/],
    ["SELECT * FROM sales WHERE region IN (SELECT * FROM query('SELECT 1'))", /query\(\)/],
    ["SELECT getenv('HOME')", /getenv\(\)/],
    ['SET enable_external_access = true', /only a SELECT query/i],
    ['SELECT 1 UNION ALL SELECT * FROM sales; INSTALL httpfs', /one statement/],
    ["SELECT 'unterminated", /unterminated string/],
    ['SELECT * FROM salse', /Did you mean "sales"\?/],
  ])('refuses %s', (sql, reason) => {
    expect(() => assertReadOnly(sql, sources)).toThrow(reason);
  });
});

describe('column names from attributes', () => {
  it('matches loosely and suggests the nearest name', () => {
    expect(matchColumn('Product Line', ['region', 'product_line'], 'sales.csv')).toBe(
      'product_line',
    );
    expect(() => matchColumn('目标', ['目标值', '实际值'], 'evaluation.csv')).toThrow(
      'There is no column "目标" in evaluation.csv. Did you mean "目标值"?',
    );
    expect(closestName('zzzzzz', ['region'])).toBeUndefined();
  });
});

describe('file access in the page engine', () => {
  it('is confined to registered files for good: no query can switch it back on', async () => {
    const engine = nodeEngine();
    try {
      await loadRecords(engine, 'kpi', [{ metric: '销售额', actual: 540 }]);
      await expect(engine.query('SET enable_external_access = true')).rejects.toThrow(/locked/);
      await expect(engine.records("SELECT * FROM read_csv('/etc/hostname')")).rejects.toThrow(
        /Permission Error/,
      );
      expect(await engine.records('SELECT actual FROM sx_kpi')).toEqual([{ actual: 540 }]);
    } finally {
      await engine.close();
    }
  });
});
