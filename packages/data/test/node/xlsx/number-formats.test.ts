import { describe, expect, it } from 'vitest';
import { readFormatCode, readStyles } from '../../../src/xlsx/number-formats';

describe('number format codes', () => {
  it('tells dates and times from numbers, quoted words and brackets aside', () => {
    expect(readFormatCode('yyyy-mm-dd')).toEqual({ kind: 'date', date: true, time: false });
    expect(readFormatCode('yyyy\\年m\\月d\\日')).toEqual({ kind: 'date', date: true, time: false });
    expect(readFormatCode('[$-F800]dddd, mmmm dd, yyyy')).toMatchObject({
      kind: 'date',
      date: true,
    });
    expect(readFormatCode('h:mm:ss')).toEqual({ kind: 'date', date: false, time: true });
    expect(readFormatCode('[h]:mm')).toEqual({ kind: 'date', date: false, time: true });
    expect(readFormatCode('yyyy-mm-dd hh:mm')).toEqual({ kind: 'date', date: true, time: true });
    expect(readFormatCode('0"天"')).toEqual({ kind: 'number', prefix: '', suffix: '天' });
  });

  it('reads percents, and the words and symbols around the digits', () => {
    expect(readFormatCode('0.0%')).toEqual({ kind: 'percent' });
    expect(readFormatCode('0"万元"')).toEqual({ kind: 'number', prefix: '', suffix: '万元' });
    expect(readFormatCode('General"万元"')).toEqual({ kind: 'number', prefix: '', suffix: '万元' });
    expect(readFormatCode('[$¥-804]#,##0.00')).toEqual({ kind: 'number', prefix: '¥', suffix: '' });
    expect(readFormatCode('¥#,##0;[Red]-¥#,##0')).toEqual({
      kind: 'number',
      prefix: '¥',
      suffix: '',
    });
    expect(readFormatCode('#,##0_);(#,##0)')).toEqual({ kind: 'number', prefix: '', suffix: '' });
    expect(readFormatCode('0.00E+00')).toEqual({ kind: 'number', prefix: '', suffix: '' });
  });

  it('takes no sign a format writes for a word: the stored number keeps its own sign', () => {
    // LibreOffice writes a signed thousands format as a conditional one.
    expect(readFormatCode('[<0]\\-#,##0;\\+#,##0')).toEqual({
      kind: 'number',
      prefix: '',
      suffix: '',
    });
    expect(readFormatCode('"+"0"万元";"-"0"万元"')).toEqual({
      kind: 'number',
      prefix: '',
      suffix: '万元',
    });
  });

  it("gives every cell style its format: built-in ids and the workbook's own", () => {
    const styles = readStyles(
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0&quot;万元&quot;"/></numFmts>' +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    );
    expect(styles).toEqual([
      { kind: 'number', prefix: '', suffix: '' },
      { kind: 'percent' },
      { kind: 'date', date: true, time: false },
      { kind: 'number', prefix: '', suffix: '万元' },
    ]);
  });
});
