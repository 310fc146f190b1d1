import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadedTable } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';
import {
  disagreements,
  quantityColumns,
  TEMPLATE_VARIANTS,
  type TypedSnapshot,
  typedSnapshot,
} from '../../csv-checks';

const engine = nodeEngine();
afterAll(() => engine.close());

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../../../fixtures/template/${name}`, import.meta.url));

async function load(table: string, variant: string): Promise<[LoadedTable, TypedSnapshot]> {
  const name = `${table}.${variant}`;
  const loaded = await engine.tables.loadCsvBytes(
    `${table}_${variant.replace(/\W/g, '_')}`,
    fixture(name),
    {
      file: name,
    },
  );
  return [loaded, await typedSnapshot(engine, loaded)];
}

describe('template fixtures load to the same typed tables in every variant', () => {
  for (const [table, variants] of Object.entries(TEMPLATE_VARIANTS)) {
    it(`${table}: ${variants.join(', ')}`, async () => {
      const [reference, referenceSnapshot] = await load(table, 'csv');
      expect(reference.rejects?.count).toBe(0);
      expect(reference.skippedRows?.blank).toBe(0);
      expect(reference.headerRow).toBe(1);
      expect(await disagreements(engine, reference)).toEqual([]);
      for (const variant of variants.slice(1)) {
        const [loaded, snapshot] = await load(table, variant);
        expect(loaded.rowCount, variant).toBe(reference.rowCount);
        expect(loaded.rejects?.count, variant).toBe(0);
        expect(snapshot.kinds, variant).toEqual(referenceSnapshot.kinds);
        expect(await disagreements(engine, loaded), variant).toEqual([]);
        if (variant === 'en.csv') {
          expect(quantityColumns(snapshot), variant).toEqual(quantityColumns(referenceSnapshot));
        } else {
          expect(loaded.columns, variant).toEqual(reference.columns);
          expect(loaded.columnTypes, variant).toEqual(reference.columnTypes);
          expect(snapshot.rows, variant).toEqual(referenceSnapshot.rows);
        }
      }
    });
  }
});

describe('template values read as the business means them', () => {
  it('evaluation: 500万元 is 5,000,000 yuan, 15% is 0.15, 30家 a count', async () => {
    const loaded = await engine.tables.loadCsvBytes('evaluation', fixture('evaluation.gbk.csv'));
    expect(loaded.encoding).toBe('gb18030');
    expect(loaded.columnTypes?.find((c) => c.name === '达成率')).toMatchObject({
      kind: 'number',
      unit: 'percent',
    });
    expect(loaded.columnTypes?.find((c) => c.name === '目标值')).toMatchObject({
      kind: 'number',
      unit: 'mixed',
      unitColumn: '目标值_unit',
    });
    const rows = await engine.records(
      'SELECT 评估维度, 目标值, 目标值_unit, 实际值, 达成率 FROM evaluation_typed',
    );
    expect(rows).toEqual([
      {
        评估维度: '销售额',
        目标值: 5_000_000,
        目标值_unit: 'money',
        实际值: 5_400_000,
        达成率: 1.08,
      },
      { 评估维度: '线索转化率', 目标值: 0.15, 目标值_unit: 'percent', 实际值: 0.12, 达成率: 0.8 },
      { 评估维度: '新客户数', 目标值: 30, 目标值_unit: 'count', 实际值: 28, 达成率: 0.93 },
    ]);
    const text = await engine.records('SELECT 目标值 FROM evaluation');
    expect(text.map((row) => row.目标值)).toEqual(['500万元', '15%', '30家']);
  });

  it('progress: 2024/6/1 and 2024年6月10日 are dates, 90%（设计中） is 0.9', async () => {
    const loaded = await engine.tables.loadCsvBytes('progress', fixture('progress.csv'));
    const [first] = await engine.records(
      `SELECT strftime(计划开始时间, '%Y-%m-%d') AS start, strftime(计划结束时间, '%Y-%m-%d') AS finish,
        "实际进度（%/完成状态）" AS progress FROM progress_typed LIMIT 1`,
    );
    expect(first).toEqual({ start: '2024-06-01', finish: '2024-06-10', progress: 0.9 });
    expect(loaded.columnTypes?.map((c) => c.kind)).toEqual([
      'text',
      'text',
      'date',
      'date',
      'number',
      'text',
      'text',
    ]);
  });

  it('targets: 2024 Q3 is the period 2024-Q3; budget: "20,000" is 20000', async () => {
    await engine.tables.loadCsvBytes('targets', fixture('targets.bom.csv'));
    const periods = await engine.records('SELECT DISTINCT 完成时限 FROM targets_typed');
    expect(periods).toEqual([{ 完成时限: '2024-Q3' }]);
    await engine.tables.loadCsvBytes('budget', fixture('budget.csv'));
    const [sum] = await engine.records('SELECT sum(预算) AS total FROM budget_typed');
    expect(sum?.total).toBe(310_500);
  });

  it('kpi_daily: the quarter revenue sums to 5,400,000 in both languages', async () => {
    await engine.tables.loadCsvBytes('kpi_zh', fixture('kpi_daily_2024q3.gbk.csv'));
    await engine.tables.loadCsvBytes('kpi_en', fixture('kpi_daily_2024q3.en.csv'));
    const [zh] = await engine.records(
      "SELECT sum(实际值) AS total, min(日期)::VARCHAR AS first FROM kpi_zh_typed WHERE 指标 = '销售额'",
    );
    const [en] = await engine.records(
      "SELECT sum(actual) AS total, min(date)::VARCHAR AS first FROM kpi_en_typed WHERE metric = 'revenue'",
    );
    expect(zh).toEqual({ total: 5_400_000, first: '2024-07-01' });
    expect(en).toEqual(zh);
  });

  it('keeps the text table under the asked name for widgets that read text', async () => {
    const loaded = await engine.tables.loadCsvBytes(
      'scorecard_rows',
      fixture('evaluation.bom.csv'),
    );
    expect(loaded.table).toBe('scorecard_rows');
    const rows = await engine.records('SELECT * FROM scorecard_rows');
    expect(rows[0]).toEqual({
      评估维度: '销售额',
      目标值: '500万元',
      实际值: '540万元',
      达成率: '108%',
      差异分析: '政策利好，重点客户超额完成',
      改进建议: '下期目标上调至550万元',
    });
  });
});
