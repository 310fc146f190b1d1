import { afterEach, expect, it } from 'vitest';
import '@stratex/widgets/define';
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
