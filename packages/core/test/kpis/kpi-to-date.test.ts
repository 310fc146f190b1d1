import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScorecard, KPI_SERIES_SCHEMA, kpisToDate, resolveColumns } from '@stratex/core';
import type { CellRecord, TableRecord } from '@stratex/core';

function readCsv(name: string): TableRecord[] {
  const url = new URL(`../../../../fixtures/template/${name}`, import.meta.url);
  const [header, ...lines] = readFileSync(url, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? null]));
  });
}

/** The export's own figures for one metric, read with plain arithmetic. */
function figures(rows: readonly TableRecord[], metricColumn: string, metric: string) {
  const mine = rows.filter((row) => row[metricColumn] === metric);
  const actuals = mine.map((row) => Number(row.实际值 ?? row.actual));
  return {
    sum: actuals.reduce((a, b) => a + b, 0),
    mean: actuals.reduce((a, b) => a + b, 0) / actuals.length,
    target: Number(mine[0]!.目标值 ?? mine[0]!.target),
  };
}

function value(cell: CellRecord[string]): number | undefined {
  return typeof cell === 'object' && cell?.kind === 'number' ? cell.value : undefined;
}

const zh = readCsv('kpi_daily_2024q3.csv');
const en = readCsv('kpi_daily_2024q3.en.csv');

describe('kpisToDate', () => {
  it('sums amounts, averages rates and keeps the stated target, money first and rates last', () => {
    const resolution = resolveColumns(Object.keys(zh[0]!), KPI_SERIES_SCHEMA);
    const { rows, unreadable } = kpisToDate(zh, resolution, 'zh-CN');
    expect(unreadable).toEqual([]);
    expect(rows.map((row) => row.指标)).toEqual(['销售额', '新签合同', '直播线索', '线索转化率']);
    const revenue = figures(zh, '指标', '销售额');
    expect(value(rows[0]!.实际值)).toBe(revenue.sum);
    expect(rows[0]!.实际值).toMatchObject({ unit: 'money' });
    expect(value(rows[0]!.目标值)).toBe(5_000_000);
    expect(value(rows[1]!.实际值)).toBe(figures(zh, '指标', '新签合同').sum);
    expect(rows[1]!.实际值).toMatchObject({ unit: 'count' });
    const conversion = figures(zh, '指标', '线索转化率');
    expect(value(rows[3]!.实际值)).toBeCloseTo(Math.round(conversion.mean * 10) / 1000, 10);
    expect(rows[3]!.目标值).toMatchObject({ value: 0.15, unit: 'percent' });
  });

  it('reads rows already summed per metric as it reads the daily rows', () => {
    const resolution = resolveColumns(Object.keys(en[0]!), KPI_SERIES_SCHEMA);
    const metrics = [...new Set(en.map((row) => row.metric!))];
    const summed = metrics.map((metric) => {
      const { sum, mean, target } = figures(en, 'metric', metric);
      const unit = en.find((row) => row.metric === metric)!.unit!;
      return { metric, unit, actual: String(sum), target: String(target), mean: String(mean) };
    });
    const fromSums = kpisToDate(summed, resolution, 'en', 'mean').rows;
    const fromDays = kpisToDate(en, resolution, 'en').rows;
    expect(fromSums).toEqual(fromDays);
    expect(fromDays.map((row) => row.metric)).toEqual([
      'revenue',
      'campaign leads',
      'new contracts',
      'lead conversion rate',
    ]);
  });

  it('says which cells it could not read and sums the others', () => {
    const resolution = resolveColumns(Object.keys(zh[0]!), KPI_SERIES_SCHEMA);
    const rows = zh
      .slice(0, 8)
      .map((row, index) => (index === 4 ? { ...row, 实际值: '见附件' } : row));
    const result = kpisToDate(rows, resolution, 'zh-CN');
    expect(result.unreadable).toEqual([
      expect.objectContaining({ row: 5, column: '实际值', value: '见附件' }),
    ]);
    expect(value(result.rows[0]!.实际值)).toBe(Number(zh[0]!.实际值));
  });

  it('gives the scorecard its rows, with the export’s headers as dimension, target and actual', () => {
    const resolution = resolveColumns(Object.keys(zh[0]!), KPI_SERIES_SCHEMA);
    const { rows } = kpisToDate(zh, resolution, 'zh-CN');
    const scorecard = buildScorecard(rows, {
      lang: 'zh-CN',
      overrides: { dimension: '指标', target: '目标值', actual: '实际值' },
    });
    const revenue = figures(zh, '指标', '销售额');
    expect(scorecard.rows[0]!.dimension).toBe('销售额');
    expect(scorecard.rows[0]!.achievement.rate).toBeCloseTo(revenue.sum / revenue.target, 10);
  });
});
