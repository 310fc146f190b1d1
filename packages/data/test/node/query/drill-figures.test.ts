import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import type { Engine } from '@stratex/data';

// A drill-through's count and totals come from what is known already: the figure's own answer
// (its sums are the totals), a count asked once for every group of it, the count an earlier
// page gave; an alert's rows and totals are its days up to the as-of date.
const inJs = nodeEngine({ recover: false });
const inDatabase = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
afterAll(async () => {
  await Promise.all([inJs.close(), inDatabase.close()]);
});

const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../../../fixtures/${path}`, import.meta.url)));

const measures = [
  { column: 'target_share', aggregate: 'sum' as const, digits: 6 },
  { column: 'amount', aggregate: 'sum' as const, digits: 6 },
];

async function count(engine: Engine, table: string, where: string): Promise<number> {
  const [row] = await engine.records(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`);
  return Number(row?.n);
}

describe("a figure's drill-through, from its own answer", () => {
  for (const format of ['csv', 'parquet'] as const) {
    it(`totals a tile as its groups sum, counts its rows, and pages on without counting (${format})`, async () => {
      const source = `facts_${format}`;
      inDatabase.defineSource(source, {
        bytes: fixture(`generated/sales_100000.${format}`),
        label: `sales.${format}`,
      });
      const figure = await inDatabase.coordinator.request({
        kind: 'aggregate',
        source,
        groupBy: ['region', 'product_line'],
        measures,
        filter: {},
      });
      const east = figure.rows.filter((row) => row.region === '华东');
      const first = await inDatabase.coordinator.drillThrough({
        source,
        filter: { region: '华东' },
        measures,
      });
      for (const { column } of measures) {
        const summed = east.reduce((sum, row) => sum + Number(row[column]), 0);
        expect(first.totals[column]).toBe(Number(summed.toFixed(6)));
      }
      const loaded = await inDatabase.sources.get(source);
      expect(first.count).toBe(await count(inDatabase, loaded.table, `region = '华东'`));
      const tile = await inDatabase.coordinator.drillThrough({
        source,
        filter: { region: '华东', product_line: String(east[0]!.product_line) },
        measures,
      });
      expect(tile.totals.amount).toBe(Number(east[0]!.amount));
      expect(tile.count).toBe(
        await count(
          inDatabase,
          loaded.table,
          `region = '华东' AND product_line = '${String(east[0]!.product_line)}'`,
        ),
      );
      // A later page keeps what the first said of every row, and reads only its own rows.
      const known = { count: first.count, totals: first.totals, unreadRows: first.unreadRows };
      const second = await inDatabase.coordinator.drillThrough({
        source,
        filter: { region: '华东' },
        measures,
        offset: 50,
        known,
      });
      expect(second).toMatchObject({ offset: 50, count: first.count, totals: first.totals });
      expect(second.rows[0]!.position!).toBeGreaterThan(first.rows.at(-1)!.position!);
      const told = await inDatabase.coordinator.drillThrough({
        source,
        filter: { region: '华东' },
        offset: 100,
        known: { count: 7, totals: {}, unreadRows: 0 },
      });
      expect(told.count).toBe(7);
    });
  }
});

describe("a figure's count from its answer's rows per group", () => {
  it('counts the rows of every group the figure takes in, a blank level among them', async () => {
    const text = '区域,产品,金额\n华东,A,10\n,A,20\n华北,A,30\n华北,B,40\n华东,B,50\n';
    inDatabase.defineSource('blanks', { bytes: new TextEncoder().encode(text), label: 'b.csv' });
    const sums = [{ column: '金额', aggregate: 'sum' as const }];
    await inDatabase.coordinator.request({
      kind: 'aggregate',
      source: 'blanks',
      groupBy: ['区域', '产品'],
      measures: sums,
      filter: {},
    });
    const a = await inDatabase.coordinator.drillThrough({
      source: 'blanks',
      filter: { 产品: 'A' },
      measures: sums,
    });
    expect(a).toMatchObject({ count: 3, totals: { 金额: 60 } });
    expect(a.rows.map((row) => row.position)).toEqual([2, 3, 4]);
    const east = await inDatabase.coordinator.drillThrough({
      source: 'blanks',
      filter: { 区域: '华东', 产品: 'B' },
      measures: sums,
    });
    expect(east).toMatchObject({ count: 1, totals: { 金额: 50 } });
  });
});

describe('a page of rows that match sparsely', () => {
  it('finds the rows by their ids, each on its line of the file, page after page', async () => {
    const bytes = fixture('generated/sales_100000.csv');
    inDatabase.defineSource('sparse', { bytes, label: 'sales.csv' });
    const filter = {
      region: '西南',
      product_line: '数据平台',
      customer_type: '大客户',
      channel: '直销',
    };
    const lines = new TextDecoder().decode(bytes).split('\n');
    const matching = lines
      .map((line, index) => [index + 1, line.split(',')] as const)
      .filter(([, cells]) => Object.values(filter).every((value, at) => cells[at + 1] === value))
      .map(([line]) => line);
    expect(matching.length).toBeGreaterThan(60);
    const first = await inDatabase.coordinator.drillThrough({ source: 'sparse', filter });
    expect(first.count).toBe(matching.length);
    const second = await inDatabase.coordinator.drillThrough({
      source: 'sparse',
      filter,
      offset: 50,
      known: { count: first.count, totals: {}, unreadRows: 0 },
    });
    const rows = [...first.rows, ...second.rows];
    expect(rows.map((row) => row.position)).toEqual(matching.slice(0, 100));
    for (const row of rows) expect(lines[row.position! - 1]).toBe(row.written!.join(','));
  });
});

describe("an alert's drill-through keeps to its days", () => {
  const file = 'template/kpi_daily_2024q3.csv';
  const lines = new TextDecoder().decode(fixture(file)).split(/\r?\n/);
  /** The file's 销售额 rows dated on or before 2024-08-15, as [line, actual]. */
  const expected = lines
    .map((line, index) => [index + 1, line.split(',')] as const)
    .filter(([, cells]) => cells[1] === '销售额')
    .filter(([, cells]) => {
      const [year, month, day] = cells[0]!.split('/').map(Number);
      return year! * 10_000 + month! * 100 + day! <= 20240815;
    })
    .map(([line, cells]) => [line, Number(cells[2])] as const);

  for (const [way, engine] of [
    ['read in JS', inJs],
    ['read by the database', inDatabase],
  ] as const) {
    it(`gives the rows, count and total up to the as-of date (${way})`, async () => {
      engine.defineSource('kpis', { bytes: fixture(file), label: 'kpi_daily_2024q3.csv' });
      const request = {
        source: 'kpis',
        filter: { 指标: '销售额' },
        measures: [{ column: '实际值', aggregate: 'sum' as const }],
        days: { column: '日期', through: '2024-08-15' },
        limit: 20,
      };
      const first = await engine.coordinator.drillThrough(request);
      expect(first.count).toBe(expected.length);
      expect(first.totals['实际值']).toBe(expected.reduce((sum, [, actual]) => sum + actual, 0));
      const rows = [...first.rows];
      while (rows.length < first.count) {
        const page = await engine.coordinator.drillThrough({ ...request, offset: rows.length });
        if (page.rows.length === 0) break;
        rows.push(...page.rows);
      }
      expect(rows.map((row) => row.position)).toEqual(expected.map(([line]) => line));
      const from = await engine.coordinator.drillThrough({
        ...request,
        days: { column: '日期', from: '2024-08-01', through: '2024-08-15' },
      });
      expect(from.count).toBe(15);
    });
  }
});
