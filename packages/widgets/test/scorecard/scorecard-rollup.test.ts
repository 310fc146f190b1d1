import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { formatRate, formatValue } from '@stratex/core';
import { Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { kpiToDateRequest } from '../../src/scorecard/request';
import { dataTable, mount, shadowText } from '../helpers';

/**
 * A scorecard that rolls a daily KPI export up to date declares what it needs: a small
 * export is answered in the page (this page's engine counts every time its database is
 * opened), a large one by the database, to the same figures.
 */
let opened = 0;
const engine = new Engine(async () => {
  opened++;
  return WasmConnector.open();
});
(globalThis as Record<symbol, unknown>)[Symbol.for('stratex.engine')] = engine;
await import('@stratex/widgets/define');
afterAll(() => engine.close());
afterEach(() => {
  document.body.replaceChildren();
});

const template = '/fixtures/template';

async function exportRows(file: string): Promise<string[][]> {
  const text = await (await fetch(`${template}/${file}`)).text();
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

/** A metric's figures to date by plain arithmetic over the export (date, metric, actual, target, unit). */
function expected(rows: string[][], metric: string): { sum: number; mean: number; target: number } {
  const mine = rows.filter((row) => row[1] === metric);
  const sum = mine.reduce((total, row) => total + Number(row[2]), 0);
  return { sum, mean: sum / mine.length, target: Number(mine[0]![3]) };
}

function source(name: string, setup: (element: HTMLElement & { file?: Blob }) => void): void {
  const element = document.createElement('sx-data-source') as HTMLElement & { file?: Blob };
  element.setAttribute('name', name);
  setup(element);
  document.body.append(element);
}

describe('sx-scorecard rollup="kpi-to-date"', () => {
  it('shows each metric of the daily export to date, read in the page with no database', async () => {
    source('daily_kpis', (element) =>
      element.setAttribute('src', `${template}/kpi_daily_2024q3.csv`),
    );
    const scorecard = await mount('sx-scorecard', {
      source: 'daily_kpis',
      rollup: 'kpi-to-date',
      lang: 'zh-CN',
    });
    const rows = await exportRows('kpi_daily_2024q3.csv');
    const revenue = expected(rows, '销售额');
    const contracts = expected(rows, '新签合同');
    const leads = expected(rows, '直播线索');
    const conversion = expected(rows, '线索转化率');
    const rate = (actual: number, target: number): string => formatRate(actual / target, 'zh-CN');
    const conversionMean = Math.round(conversion.mean * 10) / 1000;
    expect(dataTable(scorecard)).toEqual([
      [
        '销售额',
        formatValue(revenue.target, 'money', 'zh-CN'),
        formatValue(revenue.sum, 'money', 'zh-CN'),
        rate(revenue.sum, revenue.target),
        expect.any(String),
      ],
      [
        '新签合同',
        formatValue(contracts.target, 'count', 'zh-CN'),
        formatValue(contracts.sum, 'count', 'zh-CN'),
        rate(contracts.sum, contracts.target),
        expect.any(String),
      ],
      [
        '直播线索',
        formatValue(leads.target, 'count', 'zh-CN'),
        formatValue(leads.sum, 'count', 'zh-CN'),
        rate(leads.sum, leads.target),
        expect.any(String),
      ],
      [
        '线索转化率',
        formatValue(conversion.target / 100, 'percent', 'zh-CN'),
        formatValue(conversionMean, 'percent', 'zh-CN'),
        rate(conversionMean, conversion.target / 100),
        expect.any(String),
      ],
    ]);
    expect(opened).toBe(0);
  });

  it('finds the export’s days for pacing in the page too, with no database', async () => {
    source('daily_kpis_paced', (element) =>
      element.setAttribute('src', `${template}/kpi_daily_2024q3.csv`),
    );
    const scorecard = await mount('sx-scorecard', {
      source: 'daily_kpis_paced',
      rollup: 'kpi-to-date',
      lang: 'en',
      'period-start': '2024-07-01',
      'period-end': '2024-12-31',
    });
    // Through Sep 30, the export's last day: 92 of the 184 days of the half year.
    const revenue = dataTable(scorecard).find((row) => row[0] === '销售额');
    const { target } = expected(await exportRows('kpi_daily_2024q3.csv'), '销售额');
    expect(revenue?.[5]).toBe(formatValue(target / 2, 'money', 'en'));
    expect(opened).toBe(0);
  });

  it('speaks English over the English export', async () => {
    source('daily_kpis_en', (element) =>
      element.setAttribute('src', `${template}/kpi_daily_2024q3.en.csv`),
    );
    const scorecard = await mount('sx-scorecard', {
      source: 'daily_kpis_en',
      rollup: 'kpi-to-date',
      lang: 'en',
    });
    const rows = await exportRows('kpi_daily_2024q3.en.csv');
    const table = dataTable(scorecard);
    expect(table.map((row) => row[0])).toEqual([
      'revenue',
      'campaign leads',
      'new contracts',
      'lead conversion rate',
    ]);
    expect(table[0]![2]).toBe(formatValue(expected(rows, 'revenue').sum, 'money', 'en'));
    expect(shadowText(scorecard, '[part="data-table"] caption')).toBe('Evaluation scorecard');
  });

  it('counts and names a cell it cannot read, and sums the others', async () => {
    const text = await (await fetch(`${template}/kpi_daily_2024q3.csv`)).text();
    const lines = text.trim().split(/\r?\n/);
    // The second revenue row's actual becomes words.
    const broken = lines.map((line, index) =>
      index === 5 ? line.replace(/^([^,]+,销售额,)[^,]+/, '$1见附件') : line,
    );
    source('daily_kpis_broken', (element) => {
      element.file = new File([broken.join('\n')], 'kpi_broken.csv', { type: 'text/csv' });
    });
    const scorecard = await mount('sx-scorecard', {
      source: 'daily_kpis_broken',
      rollup: 'kpi-to-date',
      lang: 'zh-CN',
    });
    const rows = (await exportRows('kpi_daily_2024q3.csv')).filter((_, index) => index !== 4);
    expect(dataTable(scorecard)[0]![2]).toBe(
      formatValue(expected(rows, '销售额').sum, 'money', 'zh-CN'),
    );
    expect(shadowText(scorecard, '.warning')).toContain('见附件');
  });

  it('says which columns an export lacks, in the widget', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      rollup: 'kpi-to-date',
      lang: 'en',
    });
    expect(shadowText(scorecard, '[data-state="error"]')).toContain('date');
  });

  it('gets the same rows from the database as from the page', async () => {
    const inDatabase = new Engine(() => WasmConnector.open(), { inMemoryCsvBytes: 0 });
    try {
      const url = new URL(`${template}/kpi_daily_2024q3.csv`, document.baseURI).href;
      await inDatabase.defineSource('kpis_db', { url }).ready;
      await engine.defineSource('kpis_page', { url }).ready;
      const columns = { metric: '指标', actual: '实际值', target: '目标值', unit: '单位' };
      const fromDatabase = await inDatabase.coordinator.request(
        kpiToDateRequest('kpis_db', columns),
      );
      const fromPage = await engine.coordinator.request(kpiToDateRequest('kpis_page', columns));
      expect(fromDatabase.rows).toEqual(fromPage.rows);
      expect(fromDatabase.rows).toHaveLength(4);
    } finally {
      await inDatabase.close();
    }
  });
});
