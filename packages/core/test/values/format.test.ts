import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDayMonth,
  formatGap,
  formatMoment,
  formatRate,
  formatValue,
} from '@stratex/core';

describe('formatValue', () => {
  it('writes money in 万 and 亿 for Chinese readers', () => {
    expect(formatValue(5_400_000, 'money', 'zh-CN')).toBe('540万');
    expect(formatValue(1_500_000, 'money', 'zh-CN')).toBe('150万');
    expect(formatValue(150_000_000, 'money', 'zh-CN')).toBe('1.5亿');
    expect(formatValue(8_000, 'money', 'zh-CN')).toBe('8,000');
    expect(formatValue(-5_400_000, 'money', 'zh-CN')).toBe('-540万');
  });

  it('writes money in K and M for English readers', () => {
    expect(formatValue(5_400_000, 'money', 'en')).toBe('5.4M');
    expect(formatValue(8_000, 'money', 'en')).toBe('8K');
    expect(formatValue(150_000, 'money', 'en')).toBe('150K');
    expect(formatValue(950, 'money', 'en')).toBe('950');
  });

  it('writes percentages, counts and plain numbers', () => {
    expect(formatValue(0.15, 'percent', 'zh-CN')).toBe('15%');
    expect(formatValue(0.155, 'percent', 'en')).toBe('15.5%');
    expect(formatValue(30, 'count', 'zh-CN')).toBe('30');
    expect(formatValue(30, 'count', 'en')).toBe('30');
    expect(formatValue(1_500_000, 'number', 'en')).toBe('1,500,000');
    expect(formatValue(Number.NaN, 'number', 'en')).toBe('—');
  });
});

describe('formatRate', () => {
  it('rounds to whole percent', () => {
    expect(formatRate(1.08, 'zh-CN')).toBe('108%');
    expect(formatRate(0.8, 'en')).toBe('80%');
    expect(formatRate(0.9333, 'en')).toBe('93%');
    expect(formatRate(null, 'zh-CN')).toBe('—');
  });
});

describe('formatGap', () => {
  it('signs the difference and uses points for percentages', () => {
    expect(formatGap(400_000, 'money', 'zh-CN')).toBe('+40万');
    expect(formatGap(-2, 'count', 'en')).toBe('-2');
    expect(formatGap(-0.03, 'percent', 'en')).toBe('-3 pp');
    expect(formatGap(-0.03, 'percent', 'zh-CN')).toBe('-3个百分点');
    expect(formatGap(null, 'money', 'en')).toBe('—');
  });
});

describe('formatDate', () => {
  it('writes dates the local way', () => {
    expect(formatDate('2024-06-10', 'zh-CN')).toBe('2024年6月10日');
    expect(formatDate('2024-06-10', 'en')).toBe('Jun 10, 2024');
    expect(formatDate('2024-02-29', 'en')).toBe('Feb 29, 2024');
    expect(formatDayMonth('2024-08-15', 'zh-CN')).toBe('8月15日');
    expect(formatDayMonth('2024-08-15', 'en')).toBe('Aug 15');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDate('2023-02-29', 'en')).toBe('2023-02-29');
  });
});

describe('formatMoment', () => {
  it('writes a moment to the minute in each language', () => {
    const moment = new Date(2024, 7, 15, 9, 30);
    expect(formatMoment(moment, 'zh-CN')).toMatch(/2024\/8\/15.*09:30/);
    expect(formatMoment(moment, 'en')).toMatch(/8\/15\/24.*9:30/);
  });
});
