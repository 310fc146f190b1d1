import { describe, expect, it } from 'vitest';
import { fieldText, readRecord } from '../../../src/csv/record';

const encoder = new TextEncoder();
const COMMA = 0x2c;
const TAB = 0x09;
const texts = (fields: Uint8Array[]): string[] => fields.map(fieldText);

describe('readRecord', () => {
  it('reads an opening quote that would close only lines later, mid-value, as text', () => {
    const bytes = encoder.encode('华东,"6寸屏幕\r\n华北,正常\r\n华南,5" 屏幕\r\n');
    const record = readRecord(bytes, 0, COMMA);
    expect(texts(record.fields)).toEqual(['华东', '"6寸屏幕']);
    expect(record.lineBreaks).toBe(1);
    expect(record.strayQuotes).toBe(1);
  });

  it('keeps a quoted value across lines when its closing quote ends the value', () => {
    const record = readRecord(encoder.encode('华东,"第一行\r\n第二行",150万元\r\n'), 0, COMMA);
    expect(texts(record.fields)).toEqual(['华东', '第一行\r\n第二行', '150万元']);
    expect(record.strayQuotes).toBe(0);
    expect(record.oddQuotes).toBe(0);
  });

  it("counts quotes out of place under a separator that is not the file's", () => {
    const line = encoder.encode('"Ann"\t"Paris, FR"\n');
    expect(readRecord(line, 0, COMMA).oddQuotes).toBeGreaterThan(0);
    expect(readRecord(line, 0, TAB).oddQuotes).toBe(0);
  });

  it('reads text after a closing quote on the same line as part of the value, as Excel does', () => {
    const record = readRecord(encoder.encode('华北,"引用"之后\n'), 0, COMMA);
    expect(texts(record.fields)).toEqual(['华北', '引用之后']);
    expect(record.strayQuotes).toBe(0);
  });
});
