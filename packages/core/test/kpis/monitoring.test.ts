import { describe, expect, it } from 'vitest';
import { applyUnitLabel, monitorKpis, parseCell, unitFromLabel } from '@stratex/core';

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

const kpis = [
  { 日期: '2024-08-08', 指标: '销售额', 实际值: '350', 目标值: '500', 单位: '万元' },
  { 日期: '2024-08-15', 指标: '销售额', 实际值: '400', 目标值: '500', 单位: '万元' },
  { 日期: '2024-08-15', 指标: '线索转化率', 实际值: '12%', 目标值: '15%', 单位: '%' },
  { 日期: '2024-08-15', 指标: '单条线索成本', 实际值: '180', 目标值: '200', 单位: '元' },
  { 日期: '2024-08-20', 指标: '销售额', 实际值: '480', 目标值: '500', 单位: '万元' },
  { 日期: '某天', 指标: '销售额', 实际值: '1', 目标值: '1', 单位: '' },
];

describe('monitorKpis', () => {
  it('judges the latest reading on or before the as-of date, worst first', () => {
    const { readings, unreadable } = monitorKpis(kpis, {
      asOf: '2024-08-15',
      directions: { 单条线索成本: 'lower' },
    });
    expect(readings.map((r) => [r.metric, r.status, r.achievement.rate])).toEqual([
      ['销售额', 'off-track', 0.8],
      ['线索转化率', 'off-track', 0.8],
      ['单条线索成本', 'on-track', expect.closeTo(1.111, 3)],
    ]);
    expect(readings[0]).toMatchObject({ date: '2024-08-15', actual: 4_000_000, unit: 'money' });
    expect(readings[0]?.previous).toEqual({ date: '2024-08-08', actual: 3_500_000 });
    expect(unreadable).toEqual([
      { row: 6, column: '日期', value: '某天', reason: '应为日期，如 2024-08-15' },
    ]);
  });

  it('judges period totals against pace', () => {
    const { readings } = monitorKpis(kpis.slice(0, 2), {
      asOf: '2024-08-15',
      period: { start: '2024-07-01', end: '2024-09-30' },
      lang: 'en',
    });
    expect(readings[0]).toMatchObject({ expected: 2_500_000, status: 'on-track' });
    expect(readings[0]?.reason).toBe('销售额 160% of pace: 4M of an expected 2.5M by Aug 15');
  });

  it('reports missing columns', () => {
    expect(
      monitorKpis([{ date: '2024-08-15' }], { asOf: '2024-08-15' }).resolution.missing,
    ).toEqual(['metric', 'actual']);
  });
});
