import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { dataTable, mount, shadowText } from '../helpers';

/**
 * The one pace rule, seen in the widgets: mid-quarter, the scorecard of figures to date and the
 * alerts judge the same metric by the same rule and say the same word.
 */
const template = '/fixtures/template';
const q3 = { 'period-start': '2024-07-01', 'period-end': '2024-09-30' };

afterEach(() => {
  document.body.replaceChildren();
});

/** The template's daily KPI export through `lastDay` (its dates written 2024/8/15), as a page's source. */
async function exportThrough(name: string, lastDay: string): Promise<void> {
  const text = await (await fetch(`${template}/kpi_daily_2024q3.csv`)).text();
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const iso = (line: string): string =>
    (line.split(',')[0] ?? '')
      .split('/')
      .map((part, index) => (index === 0 ? part : part.padStart(2, '0')))
      .join('-');
  const kept = lines.filter((line) => iso(line) <= lastDay);
  const element = document.createElement('sx-data-source') as HTMLElement & { file?: Blob };
  element.setAttribute('name', name);
  element.file = new File([[header, ...kept].join('\n')], `${name}.csv`, { type: 'text/csv' });
  document.body.append(element);
}

/** metric → status word, from a widget's data table (the word in column `column`). */
function words(table: string[][], column: number): Record<string, string> {
  return Object.fromEntries(table.map((row) => [row[0] ?? '', row[column] ?? '']));
}

describe('one pace rule in the scorecard and the alerts', () => {
  it('gives each metric the same status on day 46 of 92 of Q3, and no mid-quarter 未达标', async () => {
    await exportThrough('kpis_to_aug15', '2024-08-15');
    const scorecard = await mount('sx-scorecard', {
      source: 'kpis_to_aug15',
      rollup: 'kpi-to-date',
      lang: 'zh-CN',
      ...q3,
    });
    const alerts = await mount('sx-variance-alerts', {
      source: 'kpis_to_aug15',
      lang: 'zh-CN',
      ...q3,
    });
    const card = dataTable(scorecard);
    const fromScorecard = words(card, 4);
    expect(fromScorecard).toEqual(words(dataTable(alerts), 2));
    expect(fromScorecard).toEqual({
      销售额: '预警',
      新签合同: '预警',
      直播线索: '正常',
      线索转化率: '严重',
    });
    // Revenue: half the quarter's target expected by Aug 15; the table says so, and its pace.
    const revenue = card.find((row) => row[0] === '销售额');
    expect(revenue?.[3]).toBe('48%');
    expect(revenue?.[5]).toBe('250万');
    expect(revenue?.[6]).toBe('97%');
    expect(shadowText(scorecard, '[part="row"] .figures')).toContain('截至当日应达 250万');
    expect(Object.values(fromScorecard)).not.toContain('未达标');
    // It says the day and the share of the quarter gone, and marks the expected share on the bullet.
    expect(shadowText(scorecard, 'header .as-of')).toMatch(/^截至 .*8月15日 · 时间进度 50%$/);
    const revenueRow = Array.from(
      scorecard.shadowRoot?.querySelectorAll('[part~="row"]') ?? [],
    ).find((row) => row.querySelector('.dimension')?.textContent === '销售额');
    expect(Number(revenueRow?.querySelector('.expected')?.getAttribute('x1'))).toBeCloseTo(
      (0.5 / 1.2) * 100,
      1,
    );
  });

  it('judges a finished quarter by its target: 达标 / 未达标, in both widgets', async () => {
    await exportThrough('kpis_q3', '2024-09-30');
    const scorecard = await mount('sx-scorecard', {
      source: 'kpis_q3',
      rollup: 'kpi-to-date',
      lang: 'zh-CN',
      'period-start': '2024-07-01',
      'period-end': '2024-08-31',
    });
    const alerts = await mount('sx-variance-alerts', {
      source: 'kpis_q3',
      lang: 'zh-CN',
      'period-start': '2024-07-01',
      'period-end': '2024-08-31',
      'as-of': '2024-09-30',
    });
    const fromScorecard = words(dataTable(scorecard), 4);
    for (const word of Object.values(fromScorecard)) expect(['达标', '未达标']).toContain(word);
    for (const word of Object.values(words(dataTable(alerts), 2)))
      expect(['达标', '未达标']).toContain(word);
  });

  it('keeps an unpaced scorecard’s words by target, as before', async () => {
    await exportThrough('kpis_plain', '2024-08-15');
    const scorecard = await mount('sx-scorecard', {
      source: 'kpis_plain',
      rollup: 'kpi-to-date',
      lang: 'zh-CN',
    });
    expect(words(dataTable(scorecard), 4).销售额).toBe('未达标');
    expect(dataTable(scorecard)[0]).toHaveLength(5);
  });

  it('expects less on China’s working days when the attribute says so', async () => {
    await exportThrough('kpis_workdays', '2024-08-15');
    const linear = await mount('sx-variance-alerts', {
      source: 'kpis_workdays',
      lang: 'zh-CN',
      ...q3,
    });
    const workdays = await mount('sx-variance-alerts', {
      source: 'kpis_workdays',
      lang: 'zh-CN',
      pacing: 'workdays',
      ...q3,
    });
    // Q3 2024: 34 of its 66 working days by Aug 15 (中秋 Sep 16–17 off, Sat Sep 14 worked).
    const expectedOf = (element: Element): string | undefined =>
      dataTable(element).find((row) => row[0] === '销售额')?.[4];
    expect(expectedOf(linear)).toBe('250万');
    expect(expectedOf(workdays)).toBe('257.6万');
  });
});

describe('one pace rule in the treemap', () => {
  const regions = `${template}/region_targets.csv`;
  const statusOf = (table: string[][], region: string): string | undefined =>
    table.find((row) => row[0] === region)?.at(-1);

  it('paces tiles of a running quarter in the same words as the alerts', async () => {
    const treemap = await mount('sx-target-treemap', {
      src: regions,
      levels: '区域',
      lang: 'zh-CN',
      period: '2024-Q3',
      'as-of': '2024-08-15',
    });
    // 西南: 54万 of 60万, against the 30万 due by Aug 15: ahead of pace.
    expect(statusOf(dataTable(treemap), '西南')).toBe('✓ 正常');
    expect(dataTable(treemap).find((row) => row[0] === '华东')).toContain('75万');
  });

  it('judges the tiles of a finished quarter by target: 90 % is 未达标, not at risk', async () => {
    const treemap = await mount('sx-target-treemap', {
      src: regions,
      levels: '区域',
      lang: 'zh-CN',
      period: '2024-Q3',
      'as-of': '2024-10-08',
    });
    expect(statusOf(dataTable(treemap), '西南')).toBe('✕ 未达标');
    expect(statusOf(dataTable(treemap), '华东')).toBe('✓ 达标');
  });
});

describe('one pace rule in the tracker', () => {
  // A task across 国庆 2024: Sep 30 – Oct 15, 30 % done on Oct 9.
  const acrossNationalDay = [
    {
      task: 'follow up after National Day',
      owner: 'Li',
      planned_start: '2024-09-30',
      planned_end: '2024-10-15',
      progress: '30%',
    },
  ];

  it('expects progress on working days with pacing="workdays", the holiday not counted', async () => {
    const byCalendar = await mount(
      'sx-progress-tracker',
      { lang: 'en', 'as-of': '2024-10-09' },
      (element) => {
        element.data = acrossNationalDay;
      },
    );
    // 10 of 16 calendar days: 63 % due, 33 points behind.
    expect(dataTable(byCalendar)[0]?.slice(5, 7)).toEqual(['63%', 'Lagging']);
    const byWorkdays = await mount(
      'sx-progress-tracker',
      { lang: 'en', 'as-of': '2024-10-09', pacing: 'workdays' },
      (element) => {
        element.data = acrossNationalDay;
      },
    );
    // Working days Sep 30, Oct 8–12 (Sat Oct 12 worked), 14, 15: 3 of 8 by Oct 9, 38 % due.
    expect(dataTable(byWorkdays)[0]?.slice(5, 7)).toEqual(['38%', 'On schedule']);
  });
});
