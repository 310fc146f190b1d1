import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, openQueryServer, RemoteConnector, SERVER_CATALOGUE } from '@stratex/data';
import { nativeEngine, type QueryServer, startQueryServer } from '@stratex/data/node';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../../../fixtures/${name}`, import.meta.url));

let server: QueryServer;
let engine: Engine;
beforeAll(async () => {
  server = await startQueryServer({
    sources: {
      sales: fixture('parquet/sales_sample.zstd.parquet'),
      evaluation: fixture('template/evaluation.csv'),
    },
  });
  engine = new Engine(async () => new RemoteConnector(server.url), { recover: false });
});
afterAll(async () => {
  await engine.close();
  await server.close();
});

it('answers read-only SQL with Arrow over HTTP, to the same engine API', async () => {
  const rows = await engine.records(
    'SELECT region, count(*)::INT AS n FROM sales WHERE region = ? GROUP BY region',
    ['华东'],
  );
  expect(rows).toEqual([{ region: '华东', n: 1250 }]);
  expect(
    await engine.records('SELECT "目标值" FROM evaluation WHERE "评估维度" = \'销售额\''),
  ).toEqual([{ 目标值: '500万元' }]);
});

it('refuses writes and file access with the reason', async () => {
  await expect(engine.records('DROP TABLE sales')).rejects.toThrow(/Only a SELECT query/);
  await expect(engine.records("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(
    /read_csv\(\)/,
  );
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    body: "SELECT * FROM '/etc/hosts'",
  });
  expect(response.status).toBe(403);
});

describe('a server table as a source behind the coordinator', () => {
  let behind: Engine;
  beforeAll(() => {
    behind = nativeEngine();
  });
  afterAll(() => behind.close());

  it('reads the columns and rows from the server, and answers aggregates there', async () => {
    const loaded = await behind.defineRemoteSource('facts', 'sales', async () =>
      openQueryServer(server.url),
    );
    const [count] = await engine.records('SELECT CAST(count(*) AS INTEGER) AS n FROM sales');
    expect(loaded.rowCount).toBe(count?.n);
    expect(loaded.columns).toContain('region');
    const catalogue = await behind.coordinator.catalogue('facts');
    expect(catalogue.columns.find((column) => column.name === 'amount')?.type).toBe('number');
    const answer = await behind.coordinator.request({
      kind: 'aggregate',
      source: 'facts',
      groupBy: ['region'],
      measures: [{ column: 'amount', aggregate: 'sum', digits: 2 }],
      filter: { product_line: '数据平台' },
      orderBy: [{ column: 'region' }],
    });
    expect(answer.plan).toBe('aggregate');
    const direct = await engine.records(
      `SELECT CAST(region AS VARCHAR) AS region, ROUND(CAST(SUM(amount) AS DOUBLE), 2) AS amount
       FROM sales WHERE CAST(product_line AS VARCHAR) = ? GROUP BY 1 ORDER BY 1`,
      ['数据平台'],
    );
    expect(direct.length).toBeGreaterThan(1);
    expect(answer.rows).toEqual(direct);
  });

  it('keeps its catalogue out of the listed sources, and lists only theirs in it', async () => {
    const listed = (await (await fetch(`${server.url}/sources`)).json()) as { sources: string[] };
    expect(listed.sources).toEqual(['sales', 'evaluation']);
    const tables = await engine.records(
      `SELECT DISTINCT table_name FROM ${SERVER_CATALOGUE} ORDER BY 1`,
    );
    expect(tables).toEqual([{ table_name: 'evaluation' }, { table_name: 'sales' }]);
  });

  it('refuses a source named like its catalogue', async () => {
    await expect(
      startQueryServer({ sources: { [SERVER_CATALOGUE]: fixture('template/evaluation.csv') } }),
    ).rejects.toThrow(/own catalogue/);
  });
});
