import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { SX_SELECT, type SxSelectDetail } from '../../src/base/events';
import type { SxVarianceAlerts } from '../../src/variance-alerts/variance-alerts';
import { dataTable, mount, shadowText } from '../helpers';

const template = '/fixtures/template';
const kpiZh = `${template}/kpi_daily_2024q3.csv`;
const kpiEn = `${template}/kpi_daily_2024q3.en.csv`;

let consoleErrors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  consoleErrors = vi.spyOn(console, 'error');
});

afterEach(() => {
  expect(consoleErrors).not.toHaveBeenCalled();
  consoleErrors.mockRestore();
  document.body.replaceChildren();
});

async function alerts(attributes: Record<string, string>): Promise<SxVarianceAlerts> {
  const element = await mount('sx-variance-alerts', attributes);
  await element.sidesComplete;
  await element.updateComplete;
  return element;
}

const cards = (element: Element): HTMLElement[] =>
  Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[part~="alert"]') ?? []);

describe('sx-variance-alerts on the Q3 daily KPI series at 2024-08-15', () => {
  it('puts lead conversion first, with severities from the default thresholds', async () => {
    const element = await alerts({ src: kpiZh, lang: 'zh-CN', 'as-of': '2024-08-15' });
    expect(dataTable(element).map((row) => [row[0], row[2], row[6]])).toEqual([
      ['线索转化率', '严重', '73.3%'],
      ['新签合同', '预警', '93.3%'],
      ['销售额', '预警', '96.8%'],
      ['直播线索', '正常', '104.8%'],
    ]);
    expect(cards(element).map((card) => card.dataset.severity)).toEqual([
      'critical',
      'warning',
      'warning',
      'on-track',
    ]);
    expect(shadowText(element, '[part="summary"]')).toBe('1 项严重，2 项预警');
    expect(element.shadowRoot?.querySelector('[part="summary"]')?.getAttribute('role')).toBe(
      'status',
    );
  });

  it('states the real figures in its reasons and its table', async () => {
    const element = await alerts({ src: kpiZh, lang: 'zh-CN', 'as-of': '2024-08-15' });
    const rows = dataTable(element);
    expect(rows[0]).toEqual([
      '线索转化率',
      '指标',
      '严重',
      '11.0%',
      '15%',
      '15%',
      '73.3%',
      '线索转化率 仅达进度的 73.3%：11.0% 对比目标 15%',
    ]);
    expect(rows[2]?.slice(3)).toEqual([
      '242万',
      '250万',
      '500万',
      '96.8%',
      '销售额 仅达进度的 96.8%：242万 对比应达 250万',
    ]);
    expect(cards(element)[0]?.textContent).toContain('仅达进度的 73.3%：11.0% 对比目标 15%');
    expect(shadowText(element, '.as-of')).toBe('截至 2024年8月15日 · 时间进度 50%');
  });

  it('reads the English export in English', async () => {
    const element = await alerts({ src: kpiEn, lang: 'en', 'as-of': '2024-08-15' });
    const rows = dataTable(element);
    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ['lead conversion rate', 'critical'],
      ['new contracts', 'warning'],
      ['revenue', 'warning'],
      ['campaign leads', 'on track'],
    ]);
    expect(rows[0]?.[7]).toBe('lead conversion rate 73.3% of pace: 11.0% against 15%');
    expect(rows[2]?.[7]).toBe('revenue 96.8% of pace: 2.42M against 2.5M expected');
    expect(shadowText(element, '[part="summary"]')).toBe('1 critical, 2 warnings');
    expect(shadowText(element, 'caption')).toBe('Variance alerts');
  });

  it('takes its thresholds, period and direction from attributes', async () => {
    const element = await alerts({
      src: kpiEn,
      lang: 'en',
      'as-of': '2024-08-15',
      'warning-below': '0.95',
      'critical-below': '0.9',
    });
    expect(dataTable(element).map((row) => [row[0], row[2]])).toEqual([
      ['lead conversion rate', 'critical'],
      ['new contracts', 'warning'],
      ['revenue', 'on track'],
      ['campaign leads', 'on track'],
    ]);
    const july = await alerts({
      src: kpiEn,
      lang: 'en',
      'as-of': '2024-07-31',
      'period-start': '2024-07-01',
      'period-end': '2024-07-31',
    });
    const revenue = dataTable(july).find((row) => row[0] === 'revenue');
    expect(revenue?.slice(3, 7)).toEqual(['1.542M', '5M', '5M', '30.8%']);
    const lower = await alerts({
      src: kpiEn,
      lang: 'en',
      'as-of': '2024-08-15',
      direction: 'lower',
    });
    expect(dataTable(lower).find((row) => row[0] === 'campaign leads')?.[6]).toBe('95.4%');
  });

  it('limits the list with max-alerts and opens the rest on request', async () => {
    const element = await alerts({
      src: kpiEn,
      lang: 'en',
      'as-of': '2024-08-15',
      'max-alerts': '2',
    });
    expect(cards(element)).toHaveLength(2);
    expect(dataTable(element)).toHaveLength(4);
    const more = element.shadowRoot?.querySelector<HTMLButtonElement>('button.more');
    expect(more?.textContent?.trim()).toBe('Show all (4)');
    more?.click();
    await element.updateComplete;
    expect(cards(element)).toHaveLength(4);
    expect(more?.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('alerts from the progress table and the budget', () => {
  it('raises overdue and lagging tasks in June 2024', async () => {
    const element = await alerts({
      src: kpiZh,
      lang: 'zh-CN',
      'as-of': '2024-06-25',
      'tasks-src': `${template}/progress.csv`,
    });
    const rows = dataTable(element);
    expect(rows.slice(0, 2).map((row) => [row[0], row[1], row[2], row[3], row[4], row[6]])).toEqual(
      [
        ['展会物料设计', '任务', '严重', '90%', '100%', '-10个百分点'],
        ['华东区客户拜访', '任务', '预警', '60%', '83%', '-23.3个百分点'],
      ],
    );
    expect(rows[0]?.[7]).toContain('已逾期 15 天');
    expect(rows.slice(2).every((row) => row[2] === '正常')).toBe(true);
    expect(rows.slice(2)[0]?.[7]).toContain('尚未开始');
  });

  it('takes the tasks from a named source on the page', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'alerts-tasks');
    source.setAttribute('src', `${template}/progress.en.csv`);
    document.body.append(source);
    const element = await alerts({
      src: kpiEn,
      lang: 'en',
      'as-of': '2024-06-18',
      'tasks-source': 'alerts-tasks',
    });
    const tasks = dataTable(element).filter((row) => row[1] === 'Task');
    expect(tasks.map((row) => [row[0], row[2]])).toEqual([
      ['exhibition material design', 'critical'],
    ]);
  });

  it('raises the budget line that is nearly spent from budget.csv', async () => {
    const element = await alerts({
      src: kpiZh,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      'budget-src': `${template}/budget.csv`,
    });
    const budget = dataTable(element).filter((row) => row[1] === '预算');
    expect(budget).toEqual([
      [
        '产品策略',
        '预算',
        '预警',
        '1.86万',
        '—',
        '2万',
        '93%',
        '产品策略 已用预算的 93%：已花费 1.86万，预算 2万，剩余 1,400',
      ],
    ]);
    expect(shadowText(element, '[part="summary"]')).toBe('1 项严重，3 项预警');
  });

  it('raises over-spending and a contingency outside 10–20 %', async () => {
    const csv = [
      'module,action,budget,spent',
      'product,selling points,20000,18600',
      'channel,distributors,150000,171000',
      'promotion,livestreams,100000,80000',
      'contingency,reserve,5000,0',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const element = await alerts({
      src: kpiEn,
      lang: 'en',
      'as-of': '2024-08-15',
      'budget-src': url,
    });
    const budget = dataTable(element).filter((row) => row[1] === 'Budget');
    expect(budget.map((row) => [row[0], row[2], row[7]])).toEqual([
      ['channel', 'critical', 'channel over budget by 21K: 171K spent of 150K'],
      ['product', 'warning', 'product has used 93% of its budget: 18.6K of 20K, 1.4K left'],
      ['contingency', 'warning', 'contingency is 2% of the budget, below the 10–20% guidance'],
    ]);
    URL.revokeObjectURL(url);
  });

  it('says which side table failed and keeps the KPI alerts', async () => {
    const errors: string[] = [];
    document.addEventListener('sx-data-error', (event) =>
      errors.push((event as CustomEvent<{ source: string }>).detail.source),
    );
    const element = document.createElement('sx-variance-alerts');
    element.setAttribute('src', kpiEn);
    element.setAttribute('lang', 'en');
    element.setAttribute('as-of', '2024-08-15');
    element.setAttribute('tasks-src', `${template}/no-such-progress.csv`);
    document.body.append(element);
    await element.updateComplete;
    await element.sidesComplete;
    await vi.waitFor(() => expect(element.state).toBe('ready'), { timeout: 30_000 });
    await element.updateComplete;
    expect(shadowText(element, '.warning[data-side="tasks"]')).toContain('no-such-progress.csv');
    expect(errors).toContain(`${template}/no-such-progress.csv`);
    expect(dataTable(element)).toHaveLength(4);
  });
});

describe('choosing an alert', () => {
  it('works from the keyboard alone: Tab, arrows, Enter, Escape', async () => {
    const element = await alerts({ src: kpiZh, lang: 'zh-CN', 'as-of': '2024-08-15' });
    const chosen: (SxSelectDetail['selection'] | undefined)[] = [];
    element.addEventListener(SX_SELECT, (event) =>
      chosen.push((event as CustomEvent<SxSelectDetail>).detail.selection),
    );
    await userEvent.keyboard('{Tab}');
    expect(element.shadowRoot?.activeElement).toBe(cards(element)[0]);
    await userEvent.keyboard('{ArrowDown}');
    await element.updateComplete;
    expect(element.shadowRoot?.activeElement).toBe(cards(element)[1]);
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(chosen).toEqual([{ 指标: '新签合同' }]);
    expect(cards(element)[1]?.getAttribute('aria-selected')).toBe('true');
    expect(cards(element)[1]?.getAttribute('part')).toBe('alert selected');
    await userEvent.keyboard('{End}');
    await element.updateComplete;
    expect(element.shadowRoot?.activeElement).toBe(cards(element)[3]);
    await userEvent.keyboard('{Escape}');
    await element.updateComplete;
    expect(chosen).toEqual([{ 指标: '新签合同' }, null]);
    expect(cards(element).every((card) => card.getAttribute('aria-selected') === 'false')).toBe(
      true,
    );
  });

  it('filters another widget on the same source to the chosen metric', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'alerts-kpis');
    source.setAttribute('src', kpiZh);
    document.body.append(source);
    const first = await alerts({ source: 'alerts-kpis', lang: 'zh-CN', 'as-of': '2024-08-15' });
    const second = await alerts({ source: 'alerts-kpis', lang: 'zh-CN', 'as-of': '2024-08-15' });
    cards(first)[2]?.click();
    await first.updateComplete;
    await second.updateComplete;
    expect(dataTable(second).map((row) => row[0])).toEqual(['销售额']);
    expect(dataTable(first)).toHaveLength(4);
    cards(first)[2]?.click();
    await second.updateComplete;
    expect(dataTable(second)).toHaveLength(4);
  });
});

describe('states', () => {
  it('names a missing file', async () => {
    const element = await alerts({ src: `${template}/no-such-kpis.csv`, lang: 'en' });
    expect(shadowText(element, '[data-state="error"]')).toContain('no-such-kpis.csv');
  });

  it('says which columns are missing, and shows an empty state for no rows', async () => {
    const wrong = await mount('sx-variance-alerts', { lang: 'en' }, (element) => {
      element.data = [{ city: 'Hangzhou', visits: '12' }];
    });
    expect(shadowText(wrong, '[data-state="error"]')).toMatch(
      /Missing columns: date, metric, actual/,
    );
    const empty = await mount('sx-variance-alerts', { lang: 'en' }, (element) => {
      element.data = [];
    });
    expect(empty.shadowRoot?.querySelector('[data-state="empty"]')).not.toBeNull();
  });
});

describe('the sparkline', () => {
  it('draws revenue against its pace line (normalised SVG snapshot)', async () => {
    const element = await alerts({ src: kpiZh, lang: 'zh-CN', 'as-of': '2024-08-15' });
    const revenue = cards(element).find((card) => card.textContent?.includes('销售额'));
    const svg = revenue?.querySelector('svg[part="sparkline"]');
    expect(svg?.getAttribute('aria-label')).toBe('销售额 累计值与进度线');
    const normalised = (svg?.outerHTML ?? '')
      .replace(/<!--[^]*?-->/g, '')
      .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
      .replace(/>\s+</g, '>\n<')
      .trim();
    await expect(`${normalised}\n`).toMatchFileSnapshot(
      './__snapshots__/variance-alerts-sparkline.svg',
    );
  });
});

describe('exports', () => {
  it('saves the table as CSV and the alerts as a picture', async () => {
    const element = await alerts({ src: kpiEn, lang: 'en', 'as-of': '2024-08-15' });
    const csv = element.toCsv();
    expect(csv).toContain('lead conversion rate,KPI,critical,11.0%,15%,15%,73.3%');
    const svg = element.toSvg();
    expect(svg).toContain('lead conversion rate');
    expect(svg).toContain('1 critical, 2 warnings');
    expect(svg.match(/<path/g)).toHaveLength(8);
  });
});

describe('accessibility', () => {
  it('passes axe in light and dark, with tasks and budget alerts loaded', async () => {
    for (const theme of ['light', 'dark']) {
      const element = await alerts({
        src: kpiZh,
        lang: 'zh-CN',
        'as-of': '2024-08-15',
        theme,
        'tasks-src': `${template}/progress.csv`,
        'budget-src': `${template}/budget.csv`,
      });
      expect(dataTable(element).filter((row) => row[1] === '任务')).toHaveLength(2);
      const results = await axe.run(element, { resultTypes: ['violations'] });
      expect(
        results.violations.map((violation) => violation.id),
        theme,
      ).toEqual([]);
      element.remove();
    }
  });
});
