import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatKpiValue, paceKpiSeries } from '@stratex/core';
import type { KpiPacing } from '@stratex/core';

/** The fixture CSVs hold no quoted fields, so a split is a faithful reader. */
function readCsv(name: string): Record<string, string>[] {
  const url = new URL(`../../../../fixtures/template/${name}`, import.meta.url);
  const [header, ...lines] = readFileSync(url, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

const kpis = readCsv('kpi_daily_2024q3.csv');
const byMetric = (list: KpiPacing[], metric: string): KpiPacing | undefined =>
  list.find((kpi) => kpi.metric === metric);

describe('paceKpiSeries on the Q3 daily series at 2024-08-15', () => {
  const report = paceKpiSeries(kpis, { asOf: '2024-08-15', lang: 'zh-CN' });

  it('takes the period from the data: 92 days, 46 elapsed', () => {
    expect(report.period).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    expect(report.elapsed).toMatchObject({ share: 0.5, daysElapsed: 46, daysTotal: 92 });
    expect(report.unreadable).toEqual([]);
  });

  it('sums increments and averages the daily rate, as the README states', () => {
    expect(byMetric(report.kpis, '销售额')).toMatchObject({
      measure: 'total',
      unit: 'money',
      target: 5_000_000,
      toDate: 2_420_000,
      expected: 2_500_000,
      paceRatio: 0.968,
      projected: 4_840_000,
    });
    expect(byMetric(report.kpis, '新签合同')).toMatchObject({ toDate: 14, expected: 15 });
    expect(byMetric(report.kpis, '新签合同')?.paceRatio).toBeCloseTo(0.9333, 4);
    expect(byMetric(report.kpis, '直播线索')).toMatchObject({ toDate: 262, paceRatio: 1.048 });
    const conversion = byMetric(report.kpis, '线索转化率');
    expect(conversion).toMatchObject({ measure: 'average', unit: 'percent', expected: 0.15 });
    expect(conversion?.toDate).toBeCloseTo(0.11, 10);
    expect(conversion?.paceRatio).toBeCloseTo(0.7333, 4);
  });

  it('judges with the default thresholds and puts conversion first', () => {
    expect(report.kpis.map((kpi) => [kpi.metric, kpi.status])).toEqual([
      ['线索转化率', 'off-track'],
      ['新签合同', 'at-risk'],
      ['销售额', 'at-risk'],
      ['直播线索', 'on-track'],
    ]);
  });

  it('explains each verdict with the figures', () => {
    expect(byMetric(report.kpis, '线索转化率')?.reason).toBe(
      '线索转化率 仅达进度的 73.3%：11.0% 对比目标 15%',
    );
    expect(byMetric(report.kpis, '销售额')?.reason).toBe(
      '销售额 仅达进度的 96.8%：242万 对比应达 250万',
    );
    expect(byMetric(report.kpis, '直播线索')?.reason).toBe(
      '直播线索 达到进度的 104.8%：262 对比应达 250',
    );
  });

  it('draws a running total from zero and the pace line to the target', () => {
    const revenue = byMetric(report.kpis, '销售额');
    expect(revenue?.actualLine).toHaveLength(47);
    expect(revenue?.actualLine[0]).toEqual({ day: 0, value: 0 });
    expect(revenue?.actualLine[1]).toEqual({ day: 1, value: 44_000 });
    expect(revenue?.actualLine.at(-1)).toEqual({ day: 46, value: 2_420_000 });
    expect(revenue?.paceLine).toHaveLength(93);
    expect(revenue?.paceLine[46]).toEqual({ day: 46, value: 2_500_000 });
    expect(revenue?.paceLine.at(-1)).toEqual({ day: 92, value: 5_000_000 });
    const conversion = byMetric(report.kpis, '线索转化率');
    expect(conversion?.actualLine[0]).toEqual({ day: 1, value: 0.096 });
    expect(conversion?.paceLine).toEqual([
      { day: 0, value: 0.15 },
      { day: 92, value: 0.15 },
    ]);
  });
});

describe('paceKpiSeries options', () => {
  it('reads the English file to the same figures and words', () => {
    const report = paceKpiSeries(readCsv('kpi_daily_2024q3.en.csv'), {
      asOf: '2024-08-15',
      lang: 'en',
    });
    expect(report.kpis.map((kpi) => kpi.metric)).toEqual([
      'lead conversion rate',
      'new contracts',
      'revenue',
      'campaign leads',
    ]);
    expect(report.kpis[0]?.reason).toBe('lead conversion rate 73.3% of pace: 11.0% against 15%');
    expect(report.kpis[2]?.reason).toBe('revenue 96.8% of pace: 2.42M against 2.5M expected');
  });

  it('takes thresholds: with warning below 95 %, revenue is on track', () => {
    const report = paceKpiSeries(kpis, {
      asOf: '2024-08-15',
      thresholds: { onTrack: 0.95, atRisk: 0.85 },
    });
    expect(report.kpis.find((kpi) => kpi.metric === '销售额')?.status).toBe('on-track');
    expect(report.kpis.find((kpi) => kpi.metric === '新签合同')?.status).toBe('at-risk');
  });

  it('defaults the as-of date to the last day and judges the whole quarter', () => {
    const report = paceKpiSeries(kpis, { lang: 'en' });
    expect(report.asOf).toBe('2024-09-30');
    const revenue = report.kpis.find((kpi) => kpi.metric === '销售额');
    expect(revenue).toMatchObject({ toDate: 5_400_000, paceRatio: 1.08, status: 'on-track' });
    const conversion = report.kpis.find((kpi) => kpi.metric === '线索转化率');
    expect(conversion?.toDate).toBeCloseTo(0.12, 10);
  });

  it('says "of target" once the period is over', () => {
    const report = paceKpiSeries(kpis, { asOf: '2024-10-10', lang: 'zh-CN' });
    expect(report.kpis.find((kpi) => kpi.metric === '新签合同')?.reason).toBe(
      '新签合同 达成率 93.3%：28 对比目标 30',
    );
    expect(report.kpis.find((kpi) => kpi.metric === '新签合同')?.status).toBe('off-track');
  });

  it('inverts the ratio when lower is better, from an option or a direction column', () => {
    const rows = [
      {
        日期: '2024-07-01',
        指标: '获客成本',
        实际值: '60',
        目标值: '100',
        单位: '元',
        方向: '越低越好',
      },
      {
        日期: '2024-07-02',
        指标: '获客成本',
        实际值: '60',
        目标值: '100',
        单位: '元',
        方向: '越低越好',
      },
      {
        日期: '2024-07-04',
        指标: '获客成本',
        实际值: '0',
        目标值: '100',
        单位: '元',
        方向: '越低越好',
      },
    ];
    const [cost] = paceKpiSeries(rows, { asOf: '2024-07-02' }).kpis;
    expect(cost).toMatchObject({ direction: 'lower', toDate: 120, expected: 50 });
    expect(cost?.paceRatio).toBeCloseTo(50 / 120, 10);
    expect(cost?.status).toBe('off-track');
    expect(cost?.reason).toContain('越低越好');
    const noColumn = rows.map(({ 方向: _ignored, ...row }) => row);
    expect(
      paceKpiSeries(noColumn, { asOf: '2024-07-02', direction: 'lower' }).kpis[0],
    ).toMatchObject({
      direction: 'lower',
    });
  });

  it('honours an explicit period and column overrides, and reports unreadable cells', () => {
    const rows = [
      { day: '2024-07-01', name: 'visits', done: '10', goal: '100' },
      { day: 'soon', name: 'visits', done: '5', goal: '100' },
      { day: '2024-07-02', name: 'visits', done: 'many', goal: '100' },
      { day: '2024-06-30', name: 'visits', done: '99', goal: '100' },
    ];
    const report = paceKpiSeries(rows, {
      asOf: '2024-07-05',
      period: { start: '2024-07-01', end: '2024-07-10' },
      overrides: { date: 'day', metric: 'name', actual: 'done', target: 'goal' },
      lang: 'en',
    });
    expect(report.kpis[0]).toMatchObject({ toDate: 10, expected: 50, paceRatio: 0.2 });
    expect(report.unreadable.map((cell) => [cell.row, cell.column, cell.value])).toEqual([
      [2, 'day', 'soon'],
      [3, 'done', 'many'],
    ]);
  });

  it('says which columns are missing', () => {
    const report = paceKpiSeries([{ city: 'Hangzhou' }]);
    expect(report.kpis).toEqual([]);
    expect(report.resolution.missing).toEqual(['date', 'metric', 'actual']);
  });

  it('has no verdict for a metric without a target', () => {
    const [kpi] = paceKpiSeries([{ date: '2024-07-01', metric: 'visits', actual: '3' }], {
      lang: 'en',
    }).kpis;
    expect(kpi).toMatchObject({ status: 'unknown', reason: 'visits has no target', paceLine: [] });
  });
});

describe('formatKpiValue', () => {
  it('keeps one decimal for averaged rates only', () => {
    const rate = { unit: 'percent', measure: 'average' } as const;
    expect(formatKpiValue(0.11, rate, 'zh-CN')).toBe('11.0%');
    expect(formatKpiValue(0.15, { unit: 'percent', measure: 'total' }, 'en')).toBe('15%');
    expect(formatKpiValue(2_420_000, { unit: 'money', measure: 'total' }, 'zh-CN')).toBe('242万');
    expect(formatKpiValue(null, rate, 'en')).toBe('—');
  });
});

describe('paceKpiSeries before the period', () => {
  it('calls nothing behind while nothing is expected yet', () => {
    const report = paceKpiSeries(kpis, { asOf: '2024-06-18', lang: 'en' });
    expect(report.elapsed).toMatchObject({ state: 'not-started', daysElapsed: 0 });
    expect(report.kpis.map((kpi) => [kpi.status, kpi.toDate, kpi.actualLine])).toEqual(
      report.kpis.map(() => ['on-track', null, []]),
    );
    expect(report.kpis.find((kpi) => kpi.metric === '销售额')?.reason).toBe(
      '销售额: the period starts Jul 1',
    );
  });
});

describe('paceKpiSeries over fact rows that each hold a share of the target', () => {
  // Two regions, three days of orders; each row carries its share of the region's quarter target.
  const facts = [
    { date: '2024-07-01', region: '华东', amount: '100', target_share: '300' },
    { date: '2024-07-01', region: '华东', amount: '50', target_share: '300' },
    { date: '2024-07-02', region: '华北', amount: '80', target_share: '400' },
    { date: '2024-07-03', region: '华东', amount: '30', target_share: '400' },
    { date: '2024-07-03', region: '华北', amount: '20', target_share: '100' },
    { date: '2024-07-04', region: '华北', amount: '10', target_share: '500' },
  ];
  const options = {
    asOf: '2024-07-02',
    period: { start: '2024-07-01', end: '2024-07-04' },
    overrides: { metric: 'region', actual: 'amount', target: 'target_share' },
    lang: 'en' as const,
  };

  it('sums the shares into the period target, and the actual to date as before', () => {
    const report = paceKpiSeries(facts, { ...options, targetRows: 'share' });
    expect(byMetric(report.kpis, '华东')).toMatchObject({
      target: 1000,
      toDate: 150,
      expected: 500,
    });
    expect(byMetric(report.kpis, '华北')).toMatchObject({
      target: 1000,
      toDate: 80,
      expected: 500,
    });
  });

  it('keeps the latest row’s target by default', () => {
    const report = paceKpiSeries(facts, options);
    expect(byMetric(report.kpis, '华东')?.target).toBe(400);
    expect(byMetric(report.kpis, '华北')?.target).toBe(500);
  });

  it('counts only the shares within the period', () => {
    const report = paceKpiSeries(facts, {
      ...options,
      period: { start: '2024-07-01', end: '2024-07-03' },
      targetRows: 'share',
    });
    expect(byMetric(report.kpis, '华北')?.target).toBe(500);
  });
});
