import { describe, expect, it } from 'vitest';
import { findLayout } from '../../../src/csv/layout';
import { HONEST_CASES } from './honest-cases';

const encoder = new TextEncoder();
const bytesOf = (file: string): Uint8Array =>
  encoder.encode(HONEST_CASES.find((entry) => entry.file === file)?.text ?? '');

describe('findLayout', () => {
  it('lets quotes decide the separator: a comma inside every quoted value does not outvote the tabs', () => {
    const layout = findLayout(bytesOf('quoted-tabs.tsv'));
    expect(String.fromCharCode(layout?.delimiter ?? 0)).toBe('\t');
    expect(layout?.header).toEqual(['Name', 'Place, country']);
  });

  it('tells key,value title lines from the header by the shape of the rows below', () => {
    const layout = findLayout(bytesOf('key-value-titles.csv'));
    expect(layout?.header).toEqual(['区域', '目标值', '实际值']);
    expect(layout?.headerLine).toBe(5);
    expect(layout?.aboveHeader).toEqual([1, 2, 3, 4]);
  });

  it('never takes a row of data for a title, however the rows below are shaped', () => {
    const layout = findLayout(encoder.encode('10,100,1000\n10,100,1000,10000\n10\n10,100\n'));
    expect(layout?.aboveHeader).toEqual([]);
    expect(layout?.width).toBe(3);
  });

  it('reads a first row of the same kinds as the rows below as data, not as a header', () => {
    const layout = findLayout(bytesOf('headerless-people.csv'));
    expect(layout?.header).toBeNull();
    expect(layout?.dataStart).toBe(0);
    expect(layout?.width).toBe(3);
  });

  it('keeps a header of words over words, and of years over amounts', () => {
    expect(findLayout(encoder.encode('名称,城市\n张三,北京\n'))?.header).toEqual(['名称', '城市']);
    const years = findLayout(
      encoder.encode('区域,2023,2024\n华东,150万元,168万元\n华北,110万元,115万元\n'),
    );
    expect(years?.header).toEqual(['区域', '2023', '2024']);
  });

  it('measures a header cell before it is cut to a column name', () => {
    const layout = findLayout(encoder.encode(`${'长'.repeat(300)},b\n1,2\n`));
    expect(layout?.longestHeaderCell).toBe(300);
    expect(layout?.header?.[0]).toHaveLength(200);
  });
});
