import { describe, expect, it } from 'vitest';
import { findHeaderRow, looksLikeData, type ShapedRecord } from '../../../src/csv/header-row';

const shaped = (...values: string[]): ShapedRecord => ({
  values,
  filled: values.filter((value) => value !== '').length,
});

describe('findHeaderRow', () => {
  it('passes over title lines, padded or key,value, to the row the body fits', () => {
    const records = [
      shaped('2024年第三季度销售目标', '', ''),
      shaped('Currency', 'CNY'),
      shaped('区域', '目标值', '实际值'),
      shaped('华东', '150万元', '168万元'),
    ];
    expect(findHeaderRow(records, 3)).toEqual({ at: 2, width: 3 });
  });

  it('stops at the first row that cannot be a title: a row of data is never passed over', () => {
    const records = [shaped('a', 'b', 'c', 'd'), shaped('e', 'f'), shaped('g', 'h')];
    expect(findHeaderRow(records, 2)).toEqual({ at: 0, width: 4 });
  });
});

describe('looksLikeData', () => {
  const body = [shaped('Bob', '25', '2024-02-11'), shaped('Carol', '41', '2024-03-20')];

  it('is true for a row of the same kinds as the rows below, words and all', () => {
    expect(looksLikeData(['Alice', '30', '2024-01-05'], body, 3)).toBe(true);
  });

  it('is false for a row with a word over numbers or dates', () => {
    expect(looksLikeData(['name', 'age', 'joined'], body, 3)).toBe(false);
    expect(looksLikeData(['Alice', '30', 'joined'], body, 3)).toBe(false);
  });

  it('is false for years over amounts, and for words over words', () => {
    const amounts = [shaped('华东', '150万元'), shaped('华北', '1500000')];
    expect(looksLikeData(['区域', '2024'], amounts, 2)).toBe(false);
    expect(looksLikeData(['名称', '城市'], [shaped('张三', '北京')], 2)).toBe(false);
  });
});
