import { describe, expect, it } from 'vitest';
import {
  EVALUATION_SCHEMA,
  cellNumber,
  headerKey,
  headersOf,
  isBlank,
  isBlankRecord,
  normaliseText,
  parseCell,
  resolveColumns,
  roleText,
  sharedUnit,
  tidy,
  unreadableReason,
} from '@stratex/core';

describe('row and cell helpers', () => {
  it('folds text and headers', () => {
    expect(normaliseText('  １５％（设计中）\u3000')).toBe('15%(设计中)');
    expect(headerKey(' Planned_Start ')).toBe('plannedstart');
    expect(headerKey('实际进度（%/完成状态）')).toBe(headerKey('实际进度(%/完成状态)'));
  });

  it('lists headers across rows in first-seen order', () => {
    expect(headersOf([{ a: '1' }, { b: '2', a: '3' }])).toEqual(['a', 'b']);
  });

  it('recognises blank cells and rows', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank('\u3000')).toBe(true);
    expect(isBlank('0')).toBe(false);
    expect(isBlankRecord({ a: '', b: null, c: ' ' })).toBe(true);
    expect(isBlankRecord({ a: '', b: 'x' })).toBe(false);
  });

  it('reads the text of a role’s cell', () => {
    const resolution = resolveColumns(['评估维度', '目标值', '实际值'], EVALUATION_SCHEMA);
    expect(roleText({ 评估维度: ' 销售额 ', 目标值: '' }, resolution, 'dimension')).toBe('销售额');
    expect(roleText({ 评估维度: '销售额', 目标值: '' }, resolution, 'target')).toBeUndefined();
    expect(roleText({ 评估维度: '销售额' }, resolution, 'suggestion')).toBeUndefined();
  });

  it('takes numbers and units from cells', () => {
    expect(cellNumber(parseCell('30家'))).toBe(30);
    expect(cellNumber(parseCell('三十家'))).toBeNull();
    expect(sharedUnit(parseCell('5000000'), parseCell('540万元'))).toBe('money');
    expect(sharedUnit(parseCell('1'), parseCell(''))).toBe('number');
    expect(tidy(0.1 + 0.2)).toBe(0.3);
  });

  it('says why a cell is not a number', () => {
    expect(unreadableReason(parseCell('2024-06-01'), 'en')).toBe(
      'expected a number such as 500万元, 15% or 30家; this is a date',
    );
    expect(unreadableReason(parseCell('待定'), 'zh-CN')).toBe(
      '应为数字（如 500万元、15%、30家），这是文字',
    );
  });
});
