import { describe, expect, it } from 'vitest';
import { resolveFormat } from '../../../src/refresh/source-format';
import { workbook } from '../xlsx/workbook-files';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('the format of an export', () => {
  it('knows a workbook by its first bytes whatever its name, and an .xls by its own', () => {
    expect(resolveFormat('auto', 'export.csv', workbook('evaluation.xlsx'))).toBe('xlsx');
    expect(resolveFormat('auto', 'export', workbook('hostile/evaluation.xls'))).toBe('xlsx');
    expect(resolveFormat('auto', 'archive.zip', workbook('hostile/not-a-workbook.zip'))).toBe(
      'xlsx',
    );
  });

  it('takes an .xlsx name without bytes as a workbook, and text only named .xls as text', () => {
    expect(resolveFormat('auto', '/exports/效果评估.xlsx')).toBe('xlsx');
    expect(resolveFormat('auto', 'report.xls', text('区域\t实际值\r\n华东\t160\r\n'))).toBe('csv');
  });

  it('does as asked', () => {
    expect(resolveFormat('xlsx', 'report.csv', text('a,b\r\n'))).toBe('xlsx');
    expect(resolveFormat('csv', 'report.xlsx', workbook('evaluation.xlsx'))).toBe('csv');
  });
});
