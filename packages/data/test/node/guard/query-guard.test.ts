import { loadRecords } from '../../engine-helpers';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, UnsafeQueryError } from '@stratex/data';
import { nativeEngine, nodeEngine } from '@stratex/data/node';

/** A file on disk that no page registered: every hostile query below tries to read it. */
const folder = mkdtempSync(join(tmpdir(), 'stratex-guard-'));
const other = join(folder, 'other.csv');
writeFileSync(other, 'leaked\nsalary-table\n');
const file = `'${other}'`;
const named = `"${other}"`;

/** Each: a shape of query, and the words its refusal must contain. */
const hostile: [string, string, RegExp][] = [
  ['ARRAY(subquery) in the select list', `SELECT ARRAY(FROM ${file}) AS x`, /other\.csv/],
  [
    'scalar subquery in the select list',
    `SELECT (SELECT count(*) FROM ${file}) AS n`,
    /other\.csv/,
  ],
  ['EXISTS in WHERE', `SELECT * FROM sales WHERE EXISTS (FROM ${file})`, /other\.csv/],
  [
    'IN (subquery) in WHERE',
    `SELECT * FROM sales WHERE region IN (SELECT * FROM ${file})`,
    /other\.csv/,
  ],
  [
    'ANY (subquery)',
    `SELECT * FROM sales WHERE amount > ANY (SELECT 1 FROM ${file})`,
    /other\.csv/,
  ],
  [
    'subquery in HAVING',
    `SELECT region FROM sales GROUP BY region HAVING count(*) > (SELECT count(*) FROM ${file})`,
    /other\.csv/,
  ],
  ['subquery in LIMIT', `SELECT * FROM sales LIMIT (SELECT count(*) FROM ${file})`, /other\.csv/],
  ['subquery in OFFSET', `SELECT * FROM sales OFFSET (SELECT count(*) FROM ${file})`, /other\.csv/],
  [
    'subquery in ORDER BY',
    `SELECT * FROM sales ORDER BY (SELECT count(*) FROM ${file})`,
    /other\.csv/,
  ],
  [
    'subquery in QUALIFY',
    `SELECT * FROM sales QUALIFY row_number() OVER () <= (SELECT count(*) FROM ${file})`,
    /other\.csv/,
  ],
  [
    'subquery in an aggregate FILTER',
    `SELECT count(*) FILTER (WHERE region IN (FROM ${file})) AS n FROM sales`,
    /other\.csv/,
  ],
  ['subquery in CASE', `SELECT CASE WHEN true THEN (FROM ${file} LIMIT 1) END AS x`, /other\.csv/],
  [
    'subquery as a function argument',
    `SELECT list_value((SELECT count(*) FROM ${file})) AS x`,
    /other\.csv/,
  ],
  ['UNION ALL', `SELECT region FROM sales UNION ALL SELECT * FROM ${file}`, /other\.csv/],
  ['EXCEPT with FROM-first', `SELECT region FROM sales EXCEPT FROM ${file}`, /other\.csv/],
  [
    'INTERSECT in brackets',
    `SELECT region FROM sales INTERSECT (SELECT * FROM ${file})`,
    /other\.csv/,
  ],
  ['a CTE that reads the file', `WITH a AS (SELECT * FROM ${file}) SELECT * FROM a`, /other\.csv/],
  [
    'a CTE named after the file, used out of its scope',
    `SELECT * FROM (WITH ${named} AS (SELECT 1 AS a) SELECT 1 AS b) t, ${named}`,
    /other\.csv/,
  ],
  [
    'a CTE named after the file, reading itself',
    `WITH ${named} AS (FROM ${named}) SELECT * FROM ${named}`,
    /other\.csv/,
  ],
  ['LATERAL subquery', `SELECT * FROM sales s, LATERAL (SELECT * FROM ${file}) o`, /other\.csv/],
  ['CROSS JOIN LATERAL', `SELECT * FROM sales CROSS JOIN LATERAL (FROM ${file})`, /other\.csv/],
  ['JOIN a file', `SELECT * FROM sales JOIN ${file} ON true`, /other\.csv/],
  ['derived table', `SELECT * FROM (FROM ${file}) sub`, /other\.csv/],
  ['replacement scan of a quoted file name', `SELECT * FROM ${file}`, /other\.csv/],
  ['replacement scan of a quoted identifier', `SELECT * FROM ${named}`, /other\.csv/],
  ['FROM-first statement', `FROM ${file} SELECT *`, /other\.csv/],
  ['read_csv table function', `SELECT * FROM read_csv(${file})`, /read_csv/],
  [
    'read_csv_auto in a WHERE subquery',
    `SELECT * FROM sales WHERE region = (SELECT max(column0) FROM read_csv_auto(${file}, header = false))`,
    /read_csv_auto/,
  ],
  ['glob table function', `SELECT * FROM glob('${folder}/*')`, /glob/],
  ['query_table by name', `SELECT * FROM query_table(${file})`, /query_table/],
  ['catalogue of the database', 'SELECT * FROM information_schema.tables', /tables/],
  ['a second statement', `SELECT 1; SELECT * FROM ${file}`, /one statement/],
  [
    'a write behind a CTE',
    'WITH a AS (SELECT 1 AS amount) INSERT INTO sx_sales SELECT * FROM a',
    /INSERT/,
  ],
];

/** Each: a query a page author may write, and its real result. */
const harmless: [string, string, Record<string, unknown>[]][] = [
  [
    'a grouped sum',
    'SELECT region, sum(amount)::INT AS total FROM sales GROUP BY region ORDER BY region',
    [
      { region: '华东', total: 250 },
      { region: '华南', total: 80 },
    ],
  ],
  [
    'a column called secret',
    'SELECT secret FROM sales ORDER BY secret',
    [{ secret: 'a' }, { secret: 'b' }, { secret: 'c' }],
  ],
  [
    'a CTE named like a source',
    'WITH sales AS (SELECT * FROM sales WHERE amount > 100) SELECT count(*)::INT AS n FROM sales',
    [{ n: 1 }],
  ],
  [
    'ARRAY of a source subquery',
    "SELECT array_to_string(ARRAY(SELECT secret FROM sales ORDER BY secret), ',') AS s",
    [{ s: 'a,b,c' }],
  ],
  [
    'IN (subquery) over another source',
    'SELECT secret FROM sales WHERE region IN (SELECT region FROM targets) ORDER BY secret',
    [{ secret: 'a' }, { secret: 'b' }],
  ],
  [
    'EXISTS over another source',
    'SELECT count(*)::INT AS n FROM sales WHERE EXISTS (SELECT 1 FROM targets WHERE targets.region = sales.region)',
    [{ n: 2 }],
  ],
  ['scalar subquery', 'SELECT (SELECT count(*) FROM targets)::INT AS n', [{ n: 1 }]],
  [
    'UNION of two sources',
    'SELECT region FROM sales UNION SELECT region FROM targets ORDER BY 1',
    [{ region: '华东' }, { region: '华南' }],
  ],
  [
    'JOIN of two sources',
    'SELECT s.secret, t.target FROM sales s JOIN targets t ON s.region = t.region ORDER BY 1',
    [
      { secret: 'a', target: '150' },
      { secret: 'b', target: '150' },
    ],
  ],
  [
    'LATERAL over a source',
    'SELECT s.secret, x.n::INT AS n FROM sales s, LATERAL (SELECT count(*) AS n FROM targets t WHERE t.region = s.region) x ORDER BY 1',
    [
      { secret: 'a', n: 1 },
      { secret: 'b', n: 1 },
      { secret: 'c', n: 0 },
    ],
  ],
  [
    'recursive CTE',
    'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT sum(n)::INT AS s FROM t',
    [{ s: 6 }],
  ],
  ['range()', 'SELECT sum(i)::INT AS s FROM range(4) r(i)', [{ s: 6 }]],
  ['unnest()', 'SELECT unnest([1, 2]) AS v', [{ v: 1 }, { v: 2 }]],
  [
    'a string that looks like a file',
    "SELECT 'FROM other.csv' AS label",
    [{ label: 'FROM other.csv' }],
  ],
  ['FROM-first over a source', 'FROM sales SELECT count(*)::INT AS n', [{ n: 3 }]],
  ['VALUES', 'SELECT sum(x)::INT AS s FROM (VALUES (1), (2)) v(x)', [{ s: 3 }]],
];

const engines: [string, () => Engine][] = [
  ['DuckDB-WASM (the page engine, run in Node)', nodeEngine],
  ['native DuckDB (with its parse tree)', nativeEngine],
];

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(engines)('page-author SQL on %s', (_, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = open();
    await loadRecords(engine, 'sales', [
      { region: '华东', amount: 150, secret: 'a' },
      { region: '华东', amount: 100, secret: 'b' },
      { region: '华南', amount: 80, secret: 'c' },
    ]);
    await engine.tables.loadCsvBytes(
      'targets',
      new TextEncoder().encode('region,target\n华东,150\n'),
    );
  });
  afterAll(() => engine.close());

  it.each(hostile)('refuses %s', async (_shape, sql, reason) => {
    const refusal = await engine.readOnlyRecords(sql).then(
      (rows) => rows,
      (cause: unknown) => cause,
    );
    expect(refusal).toBeInstanceOf(UnsafeQueryError);
    expect((refusal as Error).message).toMatch(reason);
  });

  it.each(harmless)('accepts %s', async (_shape, sql, rows) => {
    expect(await engine.readOnlyRecords(sql)).toEqual(rows);
  });

  it('names the refused file and the page sources', async () => {
    await expect(engine.readOnlyRecords(`SELECT ARRAY(FROM ${file}) AS x`)).rejects.toThrow(
      `"${other}" is not one of this page's sources: sales`,
    );
  });

  it('keeps loading CSVs after the engine stopped reading other files', async () => {
    await engine.tables.loadCsvBytes('later', new TextEncoder().encode('n\n7\n'));
    expect(await engine.readOnlyRecords('SELECT n FROM later')).toEqual([{ n: '7' }]);
    await expect(engine.records(`SELECT * FROM ${file}`)).rejects.toThrow(/Permission/);
  });
});
