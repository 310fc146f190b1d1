import { achievement } from '@stratex/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '@stratex/data';
import { nativeEngine, nodeEngine } from '@stratex/data/node';
import { workbook } from './workbook-files';

// A workbook loads as a source through the engine's one way in, as a CSV export would:
// read in JS when small, and by the page's database (DuckDB-WASM) when JS reading is off.
const engines: [string, Engine][] = [
  ['read in JS', nativeEngine()],
  ['read by DuckDB-WASM', nodeEngine({ inMemoryCsvBytes: 0 })],
];
afterAll(() => Promise.all(engines.map(([, engine]) => engine.close())));

describe.each(engines)('a workbook source %s', (_, engine) => {
  it('gives the template evaluation figures: 540/500 = 108 %, 12/15 = 80 %, 28/30 = 93 %', async () => {
    const loaded = await engine.defineSource('evaluation_book', {
      bytes: workbook('evaluation.xlsx'),
      label: 'evaluation.xlsx',
    }).ready;
    expect(loaded).toMatchObject({ rowCount: 3, encoding: 'xlsx', headerRow: 1, delimiter: ',' });
    const sums = await engine.coordinator.request({
      kind: 'aggregate',
      source: 'evaluation_book',
      groupBy: ['评估维度'],
      measures: [
        { column: '目标值', aggregate: 'sum', digits: 6 },
        { column: '实际值', aggregate: 'sum', digits: 6 },
      ],
      orderBy: [{ column: '评估维度' }],
    });
    expect(sums.rows).toEqual([
      { 评估维度: '新客户数', 目标值: 30, 实际值: 28 },
      { 评估维度: '线索转化率', 目标值: 0.15, 实际值: 0.12 },
      { 评估维度: '销售额', 目标值: 5_000_000, 实际值: 5_400_000 },
    ]);
    const rates = sums.rows.map(
      (row) => achievement(Number(row['目标值']), Number(row['实际值'])).rate,
    );
    expect(rates.map((rate) => Math.round((rate ?? 0) * 100))).toEqual([93, 80, 108]);
  });

  it('passes over the title and blank rows, counts the #N/A cell with its reason, and says which sheet it read', async () => {
    const loaded = await engine.defineSource('report_book', {
      bytes: workbook('report.xlsx'),
      label: 'report.xlsx',
    }).ready;
    expect(loaded.rowCount).toBe(3);
    expect(loaded.headerRow).toBe(3);
    // As for a CSV: the title above the header, and the blank row among the rows (line 6).
    expect(loaded.skippedRows).toMatchObject({ aboveHeader: 1, blank: 1 });
    expect(loaded.rejects).toMatchObject({ rows: 0, cells: 1 });
    expect(loaded.rejects?.first).toEqual([
      {
        line: 7,
        column: '预算',
        value: '#N/A',
        reason: 'expected a number, found the Excel error #N/A',
      },
    ]);
    expect(loaded.notes?.[0]).toContain('The sheet "效果评估" was read');
    const kinds = Object.fromEntries(
      (loaded.columnTypes ?? []).map((column) => [column.name, [column.kind, column.unit]]),
    );
    expect(kinds).toMatchObject({
      目标值: ['number', 'mixed'],
      达成率: ['number', 'percent'],
      评估日期: ['date', undefined],
      预算: ['number', 'money'],
    });
    const rows = await engine.coordinator.request({
      kind: 'aggregate',
      source: 'report_book',
      groupBy: ['评估日期'],
      measures: [{ column: '预算', aggregate: 'sum', digits: 2 }],
    });
    // The sum of the money that reads, and the cell that does not, named (as for a CSV).
    expect(rows.plan).toBe('sum-rejects');
    expect(rows.rows).toEqual([
      { 评估日期: '2024-09-30', 预算: '250000.0' },
      { 评估日期: '2024-09-30', 预算: '#N/A' },
    ]);
  });

  it('reads the sheet a source names', async () => {
    const loaded = await engine.defineSource('detail_book', {
      bytes: workbook('report.xlsx'),
      label: 'report.xlsx',
      sheet: '明细',
    }).ready;
    expect(loaded.columns).toEqual(['区域', '实际值']);
    expect(loaded.rowCount).toBe(2);
  });

  it.each([
    ['hostile/evaluation.xls', 'xlsxOldExcel'],
    ['hostile/cut-short.xlsx', 'xlsxDamaged'],
    ['hostile/not-a-workbook.zip', 'xlsxNotWorkbook'],
  ])('refuses %s with its own message (%s)', async (name, code) => {
    const source = engine.defineSource(`refused_${code}`, {
      bytes: workbook(name),
      label: name.slice(name.indexOf('/') + 1),
    });
    await expect(source.ready).rejects.toMatchObject({ code });
  });
});
