import { afterEach, expect, it } from 'vitest';
import { pageEngine } from '@stratex/data';
import '@stratex/widgets/define';
import { REGION_SALES } from '../../../../fixtures/xlsx/outcomes';
import { SX_DATA_ERROR, SX_DATA_LOAD, type SxDataErrorDetail } from '../../src/base/events';
import type { SxSourceLoadDetail } from '../../src/data-source/data-source';
import { dataTable, mount, shadowText } from '../helpers';

// Excel workbooks written by LibreOffice (fixtures/xlsx/README.md), read in Chromium
// through `sx-data-source` as a page author would name them.
afterEach(() => document.body.replaceChildren());

function source(name: string, attributes: Record<string, string>): HTMLElement {
  const element = document.createElement('sx-data-source');
  element.setAttribute('name', name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function next<T>(element: Element, type: string): Promise<T> {
  return new Promise((resolve) =>
    element.addEventListener(type, (event) => resolve((event as CustomEvent<T>).detail), {
      once: true,
    }),
  );
}

it('draws the scorecard of the template from a workbook: 108 %, 80 %, 93 %', async () => {
  const element = source('evaluation-book', { src: '/fixtures/xlsx/evaluation.xlsx' });
  const loaded = next<SxSourceLoadDetail>(element, SX_DATA_LOAD);
  document.body.append(element);
  const scorecard = await mount('sx-scorecard', { source: 'evaluation-book', lang: 'en' });
  expect((await loaded).report).toMatchObject({ rows: 3, headerLine: 1, encoding: 'xlsx' });
  expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
});

it('reads a report sheet past its merged title and blank rows, and counts the #N/A cell', async () => {
  const element = source('report-book', { src: '/fixtures/xlsx/report.xlsx', format: 'xlsx' });
  const loaded = next<SxSourceLoadDetail>(element, SX_DATA_LOAD);
  document.body.append(element);
  const scorecard = await mount('sx-scorecard', { source: 'report-book', lang: 'en' });
  expect((await loaded).report).toMatchObject({
    rows: 3,
    headerLine: 3,
    rejected: { rows: 0, cells: 1 },
    skipped: { titleRows: 1, blankRows: 1 },
  });
  expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
});

it('reads every cell of a LibreOffice sales report as the outcome file says, and draws its treemap', async () => {
  const element = source('region-sales', { src: `/fixtures/xlsx/${REGION_SALES.file}` });
  const loaded = next<SxSourceLoadDetail>(element, SX_DATA_LOAD);
  document.body.append(element);
  const treemap = await mount('sx-target-treemap', {
    source: 'region-sales',
    levels: '区域,产品线',
    lang: 'en',
  });
  const { load } = REGION_SALES;
  expect(await loaded).toMatchObject({
    rowCount: load.rowCount,
    columns: REGION_SALES.columns,
    report: {
      rows: load.rowCount,
      headerLine: load.headerRow,
      rejected: load.rejects,
      skipped: { titleRows: load.skippedRows.aboveHeader, blankRows: load.skippedRows.blank },
      encoding: 'xlsx',
    },
  });
  const cells = await pageEngine().coordinator.request({
    kind: 'rows',
    source: 'region-sales',
    as: 'cells',
  });
  expect(cells.rows).toEqual(REGION_SALES.rows);
  // By region: 150万元 + 120万元 against 1,600,000 + 1,080,000 in 华东, and so on.
  expect(dataTable(treemap).map((row) => row.slice(0, 5))).toEqual([
    ['华东', '2.7M', '2.68M', '99%', '-20K'],
    ['华南', '1.8M', '1.78M', '99%', '-20K'],
    ['华北', '900K', '765K', '85%', '-135K'],
    ['西南', '500K', '420K', '84%', '-80K'],
  ]);
});

it('reads the sheet its sheet attribute names', async () => {
  const element = source('detail-book', { src: '/fixtures/xlsx/report.xlsx', sheet: '明细' });
  const loaded = next<SxSourceLoadDetail>(element, SX_DATA_LOAD);
  document.body.append(element);
  expect(await loaded).toMatchObject({ rowCount: 2, columns: ['区域', '实际值'] });
});

it('draws the scorecard from a workbook exceljs wrote with inline strings and formula results', async () => {
  const element = source('exceljs-book', { src: '/fixtures/xlsx/library/exceljs-inline.xlsx' });
  const loaded = next<SxSourceLoadDetail>(element, SX_DATA_LOAD);
  document.body.append(element);
  const scorecard = await mount('sx-scorecard', { source: 'exceljs-book', lang: 'en' });
  expect((await loaded).report).toMatchObject({ rows: 3, headerLine: 3, encoding: 'xlsx' });
  expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
});

it.each([
  ['hostile/evaluation.xls', '是 Excel 97–2003 工作簿（.xls），此处无法读取'],
  ['hostile/cut-short.xlsx', '无法作为 Excel 工作簿（.xlsx）读取：文件已损坏或不完整'],
  ['hostile/not-a-workbook.zip', '是 zip 压缩包，不是 Excel 工作簿（.xlsx）'],
])('says in the reader’s language why %s cannot be read', async (file, words) => {
  const name = `refused-${file.replace(/\W/g, '-')}`;
  const element = source(name, { src: `/fixtures/xlsx/${file}` });
  const failed = next<SxDataErrorDetail>(element, SX_DATA_ERROR);
  document.body.append(element);
  const scorecard = await mount('sx-scorecard', { source: name, lang: 'zh-CN' });
  await failed;
  expect(shadowText(scorecard, '[data-state="error"]')).toContain(words);
});
