import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine } from '@stratex/data/node';
import {
  LIBRARY_WORKBOOKS,
  writeLibraryWorkbook,
  type LibraryWorkbook,
} from '../../../../../fixtures/xlsx/make/library';
import { readWorkbook } from '../../../src/xlsx/read-workbook';
import { workbook } from './workbook-files';

// Workbooks a spreadsheet library (exceljs) writes, committed in fixtures/xlsx/library.
const committed = (name: LibraryWorkbook): Uint8Array => workbook(`library/${name}.xlsx`);
const csvOf = async (bytes: Uint8Array, sheet?: string) => {
  const read = await readWorkbook(bytes, {
    file: 'book.xlsx',
    maxBytes: 10_000_000,
    ...(sheet ? { sheet } : {}),
  });
  return { ...read, lines: new TextDecoder().decode(read.csv).split('\r\n') };
};

const EVALUATION = [
  '2024年第三季度效果评估,,,,,,',
  ',,,,,,',
  '评估维度,目标值,实际值,达成率,评估日期,预算,差异分析',
  '销售额,500万元,540万元,108%,2024-09-30,¥150000,政策利好，重点客户超额完成',
  '线索转化率,15%,12%,80%,2024-09-30,¥100000,直播话术未突出产品核心优势',
  '新客户数,30家,28家,93.3333333333333%,2024-09-30,#N/A,客户决策周期延长',
  '',
];
const DETAIL = [
  '区域,目标值,实际值,更新时间',
  '华东,1500000,1600000,2024-09-30 18:30:00',
  '华南,1000000,900000,2024-10-01',
  '',
];
const PROGRESS = [
  '任务名称,计划开始时间,计划结束时间,最后更新,实际进度',
  '展会物料设计,2024-06-01,2024-06-10,2024-06-08 09:15:00,90%',
  '华东客户拜访,2024-06-01,2024-06-30,2024-06-18 17:45:00,60%',
  '',
];

describe('workbooks written by exceljs', () => {
  it.each(['exceljs-shared', 'exceljs-inline'] as const)(
    '%s: a merged title, formats (万元, %%, 家, ¥), formula results and an error read as a CSV would hold them',
    async (name) => {
      const sheet = await csvOf(committed(name));
      expect(sheet.sheet).toBe('效果评估');
      expect(sheet.lines).toEqual(EVALUATION);
      expect((await csvOf(committed(name), '明细')).lines).toEqual(DETAIL);
    },
  );

  it('exceljs-1904 and exceljs-1900: the same days and times whichever date system the workbook counts in', async () => {
    expect((await csvOf(committed('exceljs-1904'))).lines).toEqual(PROGRESS);
    expect((await csvOf(committed('exceljs-1900'))).lines).toEqual(PROGRESS);
  });

  it('exceljs-sparse: a missing row and empty cells stay where they are, as blank lines and empty fields', async () => {
    expect((await csvOf(committed('exceljs-sparse'))).lines).toEqual([
      '区域,产品线,目标值,实际值',
      '华东,工业,150,160',
      '华南,工业,100,90',
      ',,,',
      '华北,,80,70',
      ',,,',
      ',,,',
      '西南,商业,,40',
      '',
    ]);
  });

  it('exceljs-sheets: the first visible sheet, its hidden column read and named; other sheets, hidden ones too, by name', async () => {
    const first = await csvOf(committed('exceljs-sheets'));
    expect(first.sheet).toBe('区域目标');
    expect(first.lines).toEqual([
      '区域,目标值,内部备注,实际值',
      '华东,150万元,重点,160万元',
      '华南,100万元,观察,90万元',
      '',
    ]);
    expect(first.notes).toEqual([
      'The sheet "区域目标" was read; the workbook has 3 sheets ("说明", "区域目标", "产品线"), and the sheet attribute names another.',
      'Column C of the sheet "区域目标" is hidden in the workbook; it was read like the others, as a CSV export would write it.',
    ]);
    expect((await csvOf(committed('exceljs-sheets'), '产品线')).lines).toEqual([
      '产品线,目标值,实际值',
      '工业,¥2500000,¥2700000',
      '商业,¥2500000,¥2300000',
      '',
    ]);
    expect((await csvOf(committed('exceljs-sheets'), '说明')).lines).toEqual([
      '本工作簿由系统导出',
      '口径：含税',
      '',
    ]);
  });

  it('exceljs-uncalculated: formulas saved without results read as empty, and a note names their cells', async () => {
    const sheet = await csvOf(committed('exceljs-uncalculated'));
    expect(sheet.lines.slice(3, 6)).toEqual([
      '销售额,500万元,540万元,,2024-09-30,¥150000,政策利好，重点客户超额完成',
      '线索转化率,15%,12%,,2024-09-30,¥100000,直播话术未突出产品核心优势',
      '新客户数,30家,28家,,2024-09-30,#N/A,客户决策周期延长',
    ]);
    expect(sheet.notes).toEqual([
      '3 cells of the sheet "效果评估" (D4, D5, D6) hold a formula saved without its result, and were read as empty; opening the workbook in Excel or LibreOffice and saving it again stores the results.',
    ]);
    // Formulas with their results say nothing.
    expect((await csvOf(committed('exceljs-shared'))).notes.join(' ')).not.toContain('formula');
  });

  it.each(LIBRARY_WORKBOOKS)(
    '%s is what the generator writes today: the same cells, read the same way',
    async (name) => {
      const fresh = await csvOf(await writeLibraryWorkbook(name));
      const kept = await csvOf(committed(name));
      expect(fresh.lines).toEqual(kept.lines);
      expect(fresh.notes).toEqual(kept.notes);
    },
  );
});

describe('an exceljs workbook as a source', () => {
  const engine = nativeEngine();
  afterAll(() => engine.close());

  it('gives the evaluation figures: 540万元 ÷ 500万元, 12 % ÷ 15 %, 28 ÷ 30, and the rate column as the formulas cached it', async () => {
    const loaded = await engine.defineSource('exceljs_evaluation', {
      bytes: committed('exceljs-inline'),
      label: 'exceljs-inline.xlsx',
    }).ready;
    expect(loaded).toMatchObject({ rowCount: 3, headerRow: 3, encoding: 'xlsx' });
    expect(loaded.skippedRows).toMatchObject({ aboveHeader: 1 });
    const sums = await engine.coordinator.request({
      kind: 'aggregate',
      source: 'exceljs_evaluation',
      groupBy: ['评估维度'],
      measures: [
        { column: '目标值', aggregate: 'sum', digits: 6 },
        { column: '实际值', aggregate: 'sum', digits: 6 },
        { column: '达成率', aggregate: 'sum', digits: 4 },
      ],
      orderBy: [{ column: '评估维度' }],
    });
    expect(sums.rows).toEqual([
      { 评估维度: '新客户数', 目标值: 30, 实际值: 28, 达成率: 0.9333 },
      { 评估维度: '线索转化率', 目标值: 0.15, 实际值: 0.12, 达成率: 0.8 },
      { 评估维度: '销售额', 目标值: 5_000_000, 实际值: 5_400_000, 达成率: 1.08 },
    ]);
  });

  it('counts the blank rows of a sparse sheet as skipped and keeps its four rows', async () => {
    const loaded = await engine.defineSource('exceljs_sparse', {
      bytes: committed('exceljs-sparse'),
      label: 'exceljs-sparse.xlsx',
    }).ready;
    expect(loaded.rowCount).toBe(4);
    expect(loaded.skippedRows).toMatchObject({ blank: 3 });
    const sums = await engine.coordinator.request({
      kind: 'aggregate',
      source: 'exceljs_sparse',
      groupBy: [],
      measures: [
        { column: '目标值', aggregate: 'sum', digits: 2 },
        { column: '实际值', aggregate: 'sum', digits: 2 },
      ],
    });
    expect(sums.rows).toEqual([{ 目标值: 330, 实际值: 360 }]);
  });
});
