import { parseCell } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import type { LoadError } from '../../../src/fetch-bytes';
import { readWorkbook } from '../../../src/xlsx/read-workbook';
import { TEMPLATE_WORKBOOKS, templateCsv, workbook } from './workbook-files';
import { workbookOf } from './zip-writer';

const read = (name: string, sheet?: string) =>
  readWorkbook(workbook(name), {
    file: name,
    maxBytes: 10_000_000,
    ...(sheet ? { sheet } : {}),
  });
const lines = (csv: Uint8Array): string[] => new TextDecoder().decode(csv).split('\r\n');
/** A CSV line's cells, for lines without quotes. */
const cells = (line: string): string[] => line.split(',');
/** What a cell means: the value `parseCell` reads from it, whichever way it is written. */
const meaning = (cell: string): unknown => {
  const parsed = parseCell(cell);
  return parsed.kind === 'number' ? parsed.value : 'value' in parsed ? parsed.value : cell;
};
const failure = async (work: Promise<unknown>): Promise<LoadError> => {
  try {
    await work;
  } catch (error) {
    return error as LoadError;
  }
  throw new Error('expected the read to fail');
};

describe('a workbook LibreOffice wrote from each template table', () => {
  it.each(TEMPLATE_WORKBOOKS)(
    '%s.xlsx reads to the CSV the table was made from, cell for cell',
    async (name) => {
      const sheet = await read(`${name}.xlsx`);
      expect(sheet.sheet).toBe(name);
      expect(sheet.notes).toEqual([]);
      const got = lines(sheet.csv);
      const want = templateCsv(`${name}.csv`).split('\r\n');
      expect(got.length).toBe(want.length);
      got.forEach((line, index) => {
        const wanted = want[index]!;
        if (line === wanted) return;
        // Dates and thousands are written as the sheet stores them: the same values.
        const unquoted = wanted.replace(/"([^"]*)"/g, (_, inner: string) =>
          inner.replace(/,/g, ''),
        );
        expect(cells(line).map(meaning), `line ${index + 1}`).toEqual(cells(unquoted).map(meaning));
      });
    },
  );

  it('reads the evaluation table to the figures of the template: percent cells as percents', async () => {
    const [header, revenue, conversion, customers] = lines((await read('evaluation.xlsx')).csv);
    expect(header).toBe('评估维度,目标值,实际值,达成率,差异分析,改进建议');
    expect(revenue).toMatch(/^销售额,500万元,540万元,108%,/);
    expect(conversion).toMatch(/^线索转化率,15%,12%,80%,/);
    expect(customers).toMatch(/^新客户数,30家,28家,93%,/);
  });
});

describe('a workbook with titles, formats and formulas', () => {
  it('gives the merged title, blank rows, formats, cached formula values and errors as a CSV would hold them', async () => {
    const sheet = await read('report.xlsx');
    expect(sheet.sheet).toBe('效果评估');
    expect(sheet.notes.join(' ')).toContain('the workbook has 2 sheets ("效果评估", "明细")');
    expect(lines(sheet.csv)).toEqual([
      '2024年第三季度效果评估,,,,,,,',
      ',,,,,,,',
      '评估维度,目标值,实际值,达成率,评估日期,预算,达标,差异分析',
      '销售额,500万元,540万元,108%,2024-09-30,¥150000,1,政策利好，重点客户超额完成',
      '线索转化率,15%,12%,80%,2024-09-30,¥100000,0,直播话术未突出产品核心优势',
      ',,,,,,,',
      '新客户数,30家,28家,93%,2024-09-30,#N/A,0,客户决策周期延长',
      '',
    ]);
  });

  it('reads dates of a workbook that counts from 1904 as the same days', async () => {
    const [plain, from1904] = await Promise.all([read('report.xlsx'), read('report-1904.xlsx')]);
    expect(lines(from1904.csv)).toEqual(lines(plain.csv));
  });

  it('reads the sheet it is asked for by name, and names the sheets when it has none of that name', async () => {
    expect(lines((await read('report.xlsx', '明细')).csv)).toEqual([
      '区域,实际值',
      '华东,160',
      '华南,90',
      '',
    ]);
    const missing = await failure(read('report.xlsx', '汇总'));
    expect(missing.code).toBe('xlsxNoSheet');
    expect(missing.message).toBe(
      'report.xlsx has no sheet named "汇总". Its sheets: "效果评估", "明细".',
    );
  });
});

describe('files that are not a readable workbook', () => {
  it.each([
    [
      'hostile/evaluation.xls',
      'xlsxOldExcel',
      /Excel 97–2003 workbook \(\.xls\).*save it as an Excel workbook \(\.xlsx\) or as "CSV UTF-8"/,
    ],
    ['hostile/cut-short.xlsx', 'xlsxDamaged', /damaged or cut short/],
    ['hostile/not-a-workbook.zip', 'xlsxNotWorkbook', /is a zip archive, not an Excel workbook/],
  ])('%s is refused as %s', async (name, code, words) => {
    const error = await failure(read(name));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(words);
  });

  it('refuses an encrypted workbook (an OLE file holding an encrypted package) with its own message', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) ole[600 + i * 2] = name.charCodeAt(i);
    const error = await failure(readWorkbook(ole, { file: 'locked.xlsx', maxBytes: 1_000_000 }));
    expect(error.code).toBe('xlsxEncrypted');
    expect(error.message).toMatch(/password-protected/);
  });

  it('refuses a workbook whose parts unpack past the limit, as too large', async () => {
    const error = await failure(
      readWorkbook(workbook('kpi_daily_2024q3.xlsx'), { file: 'kpi.xlsx', maxBytes: 20_000 }),
    );
    expect(error.fault).toEqual({ kind: 'too-large' });
  });
});

describe('cells of every kind, written by hand', () => {
  const text = async (bytes: Uint8Array): Promise<string[]> =>
    lines((await readWorkbook(bytes, { file: 'hand.xlsx', maxBytes: 1_000_000 })).csv);

  it('reads inline strings, booleans, errors, formula strings, ISO dates and cells without references', async () => {
    const styles =
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs>';
    const sheet =
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>目标</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>完成</x:t></x:r><x:r><x:t xml:space="preserve">, 日期</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="b"><x:v>1</x:v></x:c><x:c r="B2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C2" t="str"><x:f>A1&amp;"x"</x:f><x:v>a "q"</x:v></x:c></x:row>' +
      '<x:row><x:c s="1"><x:v>45444</x:v></x:c><x:c s="2"><x:v>0.125</x:v></x:c><x:c t="d"><x:v>2024-06-10T00:00:00Z</x:v></x:c></x:row>';
    expect(await text(workbookOf(sheet, { styles }))).toEqual([
      '目标,,"完成, 日期"',
      'TRUE,#DIV/0!,"a ""q"""',
      '2024-06-01,12.5%,2024-06-10',
      '',
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const sheet = '<x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c></x:row>';
    expect(await text(workbookOf(sheet, { styles, date1904: true }))).toEqual(['1904-01-01', '']);
    expect(await text(workbookOf(sheet, { styles }))).toEqual(['1899-12-31', '']);
  });

  it('refuses a lone cell at the far corner of the sheet as too large, before writing its empty rows', async () => {
    const sheet = '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>';
    const error = await failure(
      readWorkbook(workbookOf(sheet), { file: 'corner.xlsx', maxBytes: 1_000_000 }),
    );
    expect(error.code).toBe('csvTooLargeAtLeast');
  });

  it('refuses a sheet whose rows come out of order as damaged, naming the row', async () => {
    const sheet =
      '<x:row r="5"><x:c r="A5"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>2</x:v></x:c></x:row>';
    const error = await failure(
      readWorkbook(workbookOf(sheet), { file: 'shuffled.xlsx', maxBytes: 1_000_000 }),
    );
    expect(error.code).toBe('xlsxDamaged');
    expect(error.detail).toContain('row 3 of xl/worksheets/sheet1.xml comes after a later row');
  });

  it('refuses a workbook without cells as empty', async () => {
    const error = await failure(
      readWorkbook(workbookOf('<x:row r="1"/>'), { file: 'blank.xlsx', maxBytes: 1_000_000 }),
    );
    expect(error.code).toBe('loadEmpty');
  });
});
