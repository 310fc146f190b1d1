import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import type { DrillAnswer, Engine } from '@stratex/data';
import { sqlString, withDuckDB } from '../../../../../fixtures/scripts/duckdb';

// The rows behind a figure: their lines in the file, their cells as written and as read, and
// totals that are the figure's own.
const inJs = nodeEngine({ recover: false });
const inDatabase = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
afterAll(async () => {
  await Promise.all([inJs.close(), inDatabase.close()]);
});

const fixtureUrl = (path: string): URL =>
  new URL(`../../../../../fixtures/${path}`, import.meta.url);
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(fixtureUrl(path)));

/** The file's physical lines as the load decoded it (1 = first line). */
function fileLines(bytes: Uint8Array, encoding: string): string[] {
  return new TextDecoder(encoding).decode(bytes).split(/\r\n|\n|\r/);
}

/** Every page of a drill-through, joined. */
async function allRows(
  engine: Engine,
  request: Parameters<Engine['coordinator']['drillThrough']>[0],
) {
  const pages: DrillAnswer[] = [];
  for (let offset = 0; ;) {
    const page = await engine.coordinator.drillThrough({ ...request, offset, limit: 7 });
    pages.push(page);
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.count) break;
  }
  return { first: pages[0]!, rows: pages.flatMap((page) => page.rows) };
}

const engines = [
  ['read in JS', inJs],
  ['read by the database', inDatabase],
] as const;

describe('drill-through of a CSV', () => {
  for (const [way, engine] of engines) {
    it(`a treemap tile of the template (${way}): rows, lines, written and read cells, totals`, async () => {
      const bytes = fixture('template/region_targets.csv');
      engine.defineSource('regions', { bytes, label: 'region_targets.csv' });
      const filter = { 区域: '华东', 产品线: '数据平台' };
      const measures = [
        { column: '目标值', aggregate: 'sum' as const },
        { column: '实际值', aggregate: 'sum' as const },
      ];
      const figure = await engine.coordinator.request({
        kind: 'aggregate',
        source: 'regions',
        groupBy: ['区域', '产品线'],
        measures,
        filter: { 区域: '华东' },
      });
      const tile = figure.rows.find((row) => row['产品线'] === '数据平台')!;
      const { first, rows } = await allRows(engine, { source: 'regions', filter, measures });
      expect(first).toMatchObject({
        file: 'region_targets.csv',
        position: 'line',
        encoding: 'utf-8',
      });
      expect(rows.length).toBe(first.count);
      expect(first.totals['目标值']).toBe(Number(tile['目标值']));
      expect(first.totals['实际值']).toBe(Number(tile['实际值']));
      const target = first.columns.indexOf('目标值');
      const summed = rows.reduce((sum, row) => {
        const cell = row.cells[target];
        return sum + (typeof cell === 'object' && cell?.kind === 'number' ? cell.value : 0);
      }, 0);
      expect(summed).toBe(first.totals['目标值']);
      const lines = fileLines(bytes, 'utf-8');
      for (const row of rows) {
        expect(lines[row.position! - 1]).toBe(row.written!.join(','));
      }
    });

    it(`a GBK file's cells as written, decoded (${way})`, async () => {
      const bytes = fixture('template/evaluation.gbk.csv');
      engine.defineSource('evaluation_gbk', { bytes, label: 'evaluation.gbk.csv' });
      const answer = await engine.coordinator.drillThrough({
        source: 'evaluation_gbk',
        filter: { 评估维度: '销售额' },
        measures: [{ column: '实际值', aggregate: 'sum' }],
      });
      expect(answer.count).toBe(1);
      const row = answer.rows[0]!;
      const actual = answer.columns.indexOf('实际值');
      expect(row.written![actual]).toBe('540万元');
      expect(row.cells[actual]).toMatchObject({ kind: 'number', value: 5_400_000 });
      expect(answer.totals['实际值']).toBe(5_400_000);
      const line = fileLines(bytes, 'gb18030')[row.position! - 1]!;
      expect(line.startsWith('销售额,')).toBe(true);
      expect(line).toContain('540万元');
    });

    it(`title rows and quoted line breaks count in the lines (${way})`, async () => {
      const text =
        '2024年第三季度区域目标\n制表：销售部\n\n区域,备注,目标值\n华东,"第一行\n第二行",150万元\n华北,"a ""quoted"" word",110万元\n\n华东,"x\r\ny\r\nz",１５万元\n';
      const bytes = new TextEncoder().encode(text);
      engine.defineSource('titled', { bytes, label: 'titled.csv' });
      const answer = await engine.coordinator.drillThrough({
        source: 'titled',
        filter: { 区域: '华东' },
        measures: [{ column: '目标值', aggregate: 'sum' }],
      });
      expect(answer.rows.map((row) => row.position)).toEqual([5, 9]);
      expect(answer.rows.map((row) => row.written![2])).toEqual(['150万元', '１５万元']);
      expect(answer.totals['目标值']).toBe(1_650_000);
      const lines = text.split(/\r\n|\n|\r/);
      expect(lines[4]).toBe('华东,"第一行');
      expect(lines[8]).toBe('华东,"x');
    });
  }

  it('lists the rows the load left out, with their lines and reasons', async () => {
    const bytes = new TextEncoder().encode('区域,目标值\n华东,100\n华东,200,300\n华北,50\n');
    inDatabase.defineSource('ragged', { bytes, label: 'ragged.csv' });
    const answer = await inDatabase.coordinator.drillThrough({
      source: 'ragged',
      filter: { 区域: '华东' },
      measures: [{ column: '目标值', aggregate: 'sum' }],
    });
    expect(answer.totals['目标值']).toBe(100);
    expect(answer.leftOut.count).toBe(1);
    expect(answer.leftOut.first[0]).toMatchObject({ line: 3, value: '华东,200,300' });
  });
});

describe('drill-through of a Parquet file', () => {
  it("gives each row's number in the file, and the figure's totals", async () => {
    const path = 'parquet/sales_sample.zstd.parquet';
    inDatabase.defineSource('sales', { bytes: fixture(path), label: 'sales_sample.zstd.parquet' });
    const filter = { region: '华北', product_line: '咨询服务' };
    const measures = [{ column: 'amount', aggregate: 'sum' as const, digits: 6 }];
    const [figure] = (
      await inDatabase.coordinator.request({
        kind: 'aggregate',
        source: 'sales',
        groupBy: [],
        measures,
        filter,
      })
    ).rows;
    const answer = await inDatabase.coordinator.drillThrough({
      source: 'sales',
      filter,
      measures,
      columns: ['region', 'product_line', 'amount'],
      offset: 10,
      limit: 20,
    });
    expect(answer.position).toBe('row');
    expect(answer.totals.amount).toBe(Number(figure!.amount));
    const file = fileURLToPath(fixtureUrl(path));
    const expected = await withDuckDB(async (connection) => {
      const reader = await connection.runAndReadAll(
        `SELECT file_row_number + 1 AS n, amount FROM read_parquet(${sqlString(file)}, file_row_number = true)
         WHERE region = '华北' AND product_line = '咨询服务' ORDER BY n LIMIT 20 OFFSET 10`,
      );
      return reader.getRows().map(([n, amount]) => [Number(n), Number(amount)]);
    });
    expect(
      answer.rows.map((row) => [row.position, (row.cells[2] as { value: number }).value]),
    ).toEqual(expected);
    // Rows i ≡ 2 (mod 4) and i ≡ 2 (mod 3): i ≡ 2 (mod 12), 417 of the 5,000.
    expect(answer.count).toBe(417);
  });
});
