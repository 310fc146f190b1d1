import { formatValue } from '@stratex/core';
import { pageEngine } from '@stratex/data';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '@stratex/widgets/define';
import { SX_DATA_LOAD, SX_SELECT } from '../../src/base/events';
import {
  SX_ALERT,
  SX_ALERT_CLEARED,
  type SxAlertClearedDetail,
  type SxAlertDetail,
} from '../../src/variance-alerts/alert-events';
import type { SxVarianceAlerts } from '../../src/variance-alerts/variance-alerts';
import { faultFile, publish } from '../fault-files';
import { dataTable, mount } from '../helpers';

const template = '/fixtures/template';
const period = '2024-07-01/2024-09-30';

let consoleErrors: ReturnType<typeof vi.spyOn>;
let heard: { raised: SxAlertDetail[]; cleared: SxAlertClearedDetail[] };
const onRaised = (event: Event): number =>
  heard.raised.push((event as CustomEvent<SxAlertDetail>).detail);
const onCleared = (event: Event): number =>
  heard.cleared.push((event as CustomEvent<SxAlertClearedDetail>).detail);

beforeEach(() => {
  consoleErrors = vi.spyOn(console, 'error');
  heard = { raised: [], cleared: [] };
  document.addEventListener(SX_ALERT, onRaised);
  document.addEventListener(SX_ALERT_CLEARED, onCleared);
});

afterEach(() => {
  document.removeEventListener(SX_ALERT, onRaised);
  document.removeEventListener(SX_ALERT_CLEARED, onCleared);
  expect(consoleErrors).not.toHaveBeenCalled();
  consoleErrors.mockRestore();
  document.body.replaceChildren();
});

/** The daily series with one metric's daily actuals multiplied by `factor`. */
function scaled(series: string, metric: string, factor: number): string {
  return series
    .split('\n')
    .map((line) => {
      const cells = line.split(',');
      if (cells[1] !== metric) return line;
      cells[2] = String(Math.round(Number(cells[2]) * factor));
      return cells.join(',');
    })
    .join('\n');
}

const loadOf = (element: Element): Promise<unknown> =>
  new Promise((resolve) => element.addEventListener(SX_DATA_LOAD, resolve, { once: true }));

/** The table row of a metric: subject, kind, severity, actual, expected, target, vs plan, reason. */
const rowOf = (element: Element, subject: string): string[] | undefined =>
  dataTable(element).find((row) => row[0] === subject);

describe('sx-alert and sx-alert-cleared on a live source', () => {
  it('fires for every raised alert, then only when a level changes or an alert clears', async () => {
    const series = await (await fetch(`${template}/kpi_daily_2024q3.csv`)).text();
    const key = `alert-events-${crypto.randomUUID()}`;
    await publish(key, series);
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'alert_events_kpis');
    source.setAttribute('src', faultFile(key));
    document.body.append(source);
    // Inside another component's shadow root: the events cross it (bubbling, composed).
    const host = document.createElement('div');
    document.body.append(host);
    const element = document.createElement('sx-variance-alerts');
    for (const [name, value] of Object.entries({
      source: 'alert_events_kpis',
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      'period-start': '2024-07-01',
      'period-end': '2024-09-30',
    }))
      element.setAttribute(name, value);
    const first = loadOf(element);
    host.attachShadow({ mode: 'open' }).append(element);
    await first;
    await element.updateComplete;

    // First load: every alert at a warning or worse, in the list's order, none cleared.
    expect(heard.cleared).toEqual([]);
    expect(heard.raised.map((alert) => [alert.id, alert.level, alert.previous])).toEqual([
      [`kpi:线索转化率@${period}`, 'critical', null],
      [`kpi:新签合同@${period}`, 'warning', null],
      [`kpi:销售额@${period}`, 'warning', null],
    ]);
    for (const alert of heard.raised) {
      const row = rowOf(element, alert.metric);
      expect(alert).toMatchObject({
        source: 'alert_events_kpis',
        kind: 'kpi',
        path: [],
        period,
        asOf: '2024-08-15',
        message: row?.[7],
      });
      expect(formatValue(alert.ratio ?? NaN, 'percent', 'zh-CN')).toBe(row?.[6]);
      expect(row?.[2]).toBe(alert.level === 'critical' ? '严重' : '预警');
    }
    const revenue = heard.raised.find((alert) => alert.metric === '销售额');
    expect(revenue?.unit).toBe('money');
    expect(formatValue(revenue?.value ?? NaN, 'money', 'zh-CN')).toBe('242万');
    expect(formatValue(revenue?.expected ?? NaN, 'money', 'zh-CN')).toBe('250万');
    expect(rowOf(element, '销售额')?.slice(3, 5)).toEqual(['242万', '250万']);
    const contracts = heard.raised.find((alert) => alert.metric === '新签合同');
    expect(contracts?.unit).toBe('count');
    expect(rowOf(element, '新签合同')?.slice(3, 5)).toEqual([
      formatValue(contracts?.value ?? NaN, 'count', 'zh-CN'),
      formatValue(contracts?.expected ?? NaN, 'count', 'zh-CN'),
    ]);

    const live = pageEngine().source('alert_events_kpis');
    const refresh = async (text: string): Promise<void> => {
      await publish(key, text);
      const reread = loadOf(element);
      await live?.refresh();
      await reread;
      await element.updateComplete;
    };

    // The same data again, read anew: nothing to say.
    await refresh(series);
    expect(heard.raised).toHaveLength(3);
    expect(heard.cleared).toEqual([]);

    // Revenue falls to 80 % of its days: the same alert, a level up.
    await refresh(scaled(series, '销售额', 0.8));
    expect(rowOf(element, '销售额')?.[2]).toBe('严重');
    expect(heard.raised).toHaveLength(4);
    const risen = heard.raised[3];
    expect(risen).toMatchObject({
      id: `kpi:销售额@${period}`,
      level: 'critical',
      previous: 'warning',
      message: rowOf(element, '销售额')?.[7],
    });
    expect(formatValue(risen?.ratio ?? NaN, 'percent', 'zh-CN')).toBe(
      rowOf(element, '销售额')?.[6],
    );
    expect(heard.cleared).toEqual([]);

    // Revenue 25 % above its days: back on track, the alert clears.
    await refresh(scaled(series, '销售额', 1.25));
    expect(rowOf(element, '销售额')?.[2]).toBe('正常');
    expect(heard.raised).toHaveLength(4);
    expect(heard.cleared).toEqual([
      {
        id: `kpi:销售额@${period}`,
        source: 'alert_events_kpis',
        kind: 'kpi',
        metric: '销售额',
        path: [],
        period,
      },
    ]);
  }, 120_000);
});

describe('what the events say beside the KPIs', () => {
  const attributes = {
    src: `${template}/kpi_daily_2024q3.en.csv`,
    lang: 'en',
    'as-of': '2024-08-15',
  };

  it('fires again, lower, when a critical alert eases to a warning, in the widget’s language', async () => {
    const rows = (factor: number): Record<string, string>[] => [
      { date: '2024-07-01', metric: 'revenue', actual: String(100 * factor), target: '1000' },
      { date: '2024-07-10', metric: 'revenue', actual: '0', target: '1000' },
    ];
    const element = await mount('sx-variance-alerts', { lang: 'en' }, (widget) => {
      widget.data = rows(1);
    });
    expect(heard.raised.map((alert) => [alert.id, alert.level])).toEqual([
      ['kpi:revenue@2024-07-01/2024-07-10', 'critical'],
    ]);
    expect(heard.raised[0]?.message).toBe(dataTable(element)[0]?.[7]);
    expect(heard.raised[0]?.message).toMatch(/^revenue 10% of pace/);
    const eased = loadOf(element);
    element.data = rows(9.2);
    await eased;
    await element.updateComplete;
    expect(dataTable(element)[0]?.[2]).toBe('warning');
    expect(heard.raised.map((alert) => [alert.level, alert.previous])).toEqual([
      ['critical', null],
      ['warning', 'critical'],
    ]);
    expect(heard.cleared).toEqual([]);
  });

  it('clears what it raised when the series comes back empty, and not when it cannot be read', async () => {
    const rows = [
      { date: '2024-07-01', metric: 'revenue', actual: '100', target: '1000' },
      { date: '2024-07-10', metric: 'revenue', actual: '0', target: '1000' },
    ];
    const element = await mount('sx-variance-alerts', { lang: 'en' }, (widget) => {
      widget.data = rows;
    });
    expect(heard.raised).toHaveLength(1);
    const unreadable = loadOf(element);
    element.data = [{ city: 'Hangzhou', visits: '12' }];
    await unreadable;
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('[data-state="error"]')).not.toBeNull();
    expect(heard.cleared).toEqual([]);
    const emptied = loadOf(element);
    element.data = [];
    await emptied;
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('[data-state="empty"]')).not.toBeNull();
    expect(heard.cleared.map((alert) => alert.id)).toEqual([heard.raised[0]?.id]);
    expect(heard.raised).toHaveLength(1);
  });

  it('names the task and the budget line in the path, once their tables are read', async () => {
    const element = await mount('sx-variance-alerts', {
      ...attributes,
      'as-of': '2024-06-25',
      'tasks-src': `${template}/progress.en.csv`,
      'budget-src': `${template}/budget.en.csv`,
    });
    await element.sidesComplete;
    await element.updateComplete;
    const table = dataTable(element);
    const sides = heard.raised.filter((alert) => alert.kind !== 'kpi');
    expect(sides.map((alert) => [alert.id, alert.level])).toEqual(
      table
        .filter((row) => row[1] !== 'KPI' && ['critical', 'warning'].includes(row[2] ?? ''))
        .map((row) => [
          `${row[1] === 'Task' ? 'task:progress' : 'budget:spent'}/${row[0]}@2024-07-01/2024-09-30`,
          row[2],
        ]),
    );
    expect(sides.find((alert) => alert.kind === 'task')).toMatchObject({
      path: ['exhibition material design'],
      level: 'critical',
      unit: 'percent',
      value: 0.9,
      expected: 1,
    });
    expect(sides.find((alert) => alert.kind === 'budget')?.path).toEqual(['product']);
    expect(heard.cleared).toEqual([]);
  });

  it('says the same through the page’s DuckDB (a query) as from the file read in the page', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'alert_events_both');
    source.setAttribute('src', attributes.src);
    document.body.append(source);
    const settings = { lang: 'en', 'as-of': '2024-08-15', 'period-end': '2024-09-30' };
    await mount('sx-variance-alerts', { source: 'alert_events_both', ...settings });
    await mount('sx-variance-alerts', { query: 'SELECT * FROM alert_events_both', ...settings });
    const from = (origin: string): Omit<SxAlertDetail, 'source'>[] =>
      heard.raised
        .filter((alert) => alert.source === origin)
        .map(({ source: _source, ...alert }) => alert);
    expect(from('alert_events_both')).toHaveLength(3);
    expect(from('query')).toEqual(from('alert_events_both'));
  });

  it('neither fires nor clears while another widget’s choice narrows the series', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'alert_events_shared');
    source.setAttribute('src', attributes.src);
    document.body.append(source);
    const shared = { source: 'alert_events_shared', lang: 'en', 'as-of': '2024-08-15' };
    const chooser = (await mount('sx-variance-alerts', shared)) as SxVarianceAlerts;
    const watcher = (await mount('sx-variance-alerts', shared)) as SxVarianceAlerts;
    const fromWatcher = (): string[] =>
      heard.raised.filter((alert) => alert.source === 'alert_events_shared').map((a) => a.id);
    expect(fromWatcher()).toHaveLength(6);
    const chosen = new Promise((resolve) => chooser.addEventListener(SX_SELECT, resolve));
    chooser.shadowRoot?.querySelector<HTMLElement>('[part~="alert"]')?.click();
    await chosen;
    await watcher.updateComplete;
    expect(dataTable(watcher).map((row) => row[0])).toEqual(['lead conversion rate']);
    expect(fromWatcher()).toHaveLength(6);
    expect(heard.cleared).toEqual([]);
    chooser.shadowRoot?.querySelector<HTMLElement>('[part~="alert"]')?.click();
    await watcher.updateComplete;
    expect(dataTable(watcher)).toHaveLength(4);
    expect(fromWatcher()).toHaveLength(6);
    expect(heard.cleared).toEqual([]);
  });
});
