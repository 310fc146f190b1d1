import { describe, expect, it } from 'vitest';
import {
  KPI_SERIES_SCHEMA,
  applyUnitLabel,
  headersOf,
  parseCell,
  readKpiSeries,
  resolveColumns,
  unitFromLabel,
} from '@stratex/core';
import type { Lang, TableRecord } from '@stratex/core';

describe('unitFromLabel and applyUnitLabel', () => {
  it.each([
    ['万元', 'money', 1e4],
    ['元', 'money', 1],
    ['亿元', 'money', 1e8],
    ['%', 'percent', 0.01],
    ['家', 'count', 1],
    ['条', 'count', 1],
    ['次/天', 'count', 1],
    ['', 'number', 1],
  ] as const)('%s → %s × %d', (label, unit, scale) =>
    expect(unitFromLabel(label)).toEqual({ unit, scale }),
  );

  it('scales only cells that do not say their own unit', () => {
    expect(applyUnitLabel(parseCell('540'), unitFromLabel('万元'))).toMatchObject({
      value: 5_400_000,
      unit: 'money',
    });
    expect(applyUnitLabel(parseCell('12'), unitFromLabel('%'))).toMatchObject({
      value: 0.12,
      unit: 'percent',
    });
    expect(applyUnitLabel(parseCell('540万'), unitFromLabel('万元'))).toMatchObject({
      value: 5_400_000,
    });
    expect(applyUnitLabel(parseCell('n/a'), unitFromLabel('万元')).kind).toBe('text');
  });
});

const kpis: TableRecord[] = [
  { 日期: '2024-08-08', 指标: '销售额', 实际值: '350', 目标值: '500', 单位: '万元' },
  { 日期: '2024-08-15', 指标: '销售额', 实际值: '400', 目标值: '500', 单位: '万元' },
  { 日期: '2024-08-15', 指标: '线索转化率', 实际值: '12%', 目标值: '15%', 单位: '%' },
  {
    日期: '2024-08-15',
    指标: '单条线索成本',
    实际值: '180',
    目标值: '200',
    单位: '元',
    方向: '越低越好',
  },
  { 日期: '2024-08-20', 指标: '销售额', 实际值: '480', 目标值: '500', 单位: '万元' },
  { 日期: '某天', 指标: '销售额', 实际值: '1', 目标值: '1', 单位: '' },
];

const read = (period?: { start?: string; end?: string }, lang: Lang = 'zh-CN') => {
  const resolution = resolveColumns(headersOf(kpis), KPI_SERIES_SCHEMA);
  return readKpiSeries(kpis, resolution, lang, period);
};

describe('readKpiSeries', () => {
  it('reads one series per metric with the unit column applied', () => {
    const { metrics, dates } = read();
    expect([...metrics.keys()]).toEqual(['销售额', '线索转化率', '单条线索成本']);
    const sales = metrics.get('销售额');
    expect(sales?.unit).toBe('money');
    expect(sales?.target).toEqual({ date: '2024-08-20', value: 5_000_000 });
    expect([...(sales?.days.values() ?? [])]).toEqual([[3_500_000], [4_000_000], [4_800_000]]);
    expect(metrics.get('线索转化率')).toMatchObject({ unit: 'percent', target: { value: 0.15 } });
    expect(metrics.get('单条线索成本')).toMatchObject({ unit: 'money', direction: 'lower' });
    expect(dates).toEqual(['2024-08-08', '2024-08-15', '2024-08-20']);
  });

  it('keeps to the period and lists the rows it could not read, in the widget language', () => {
    const { metrics, unreadable } = read({ end: '2024-08-15' });
    expect(metrics.get('销售额')?.days.size).toBe(2);
    expect(unreadable).toEqual([
      { row: 6, column: '日期', value: '某天', reason: '应为日期，如 2024-08-15' },
    ]);
    expect(read(undefined, 'en').unreadable[0]?.reason).toBe('expected a date such as 2024-08-15');
  });
});
