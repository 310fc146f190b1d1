import { afterEach, describe, expect, it } from 'vitest';
import { formatValue } from '@stratex/core';
import '@stratex/widgets/define';
import { SX_DATA_LOAD } from '../../src/base/events';
import { dataTable, mount } from '../helpers';

/**
 * A page's own calendar and daily weights, and the dates a widget cannot pace by: each said in
 * the widget, in the reader's language, while the rest of the page keeps working.
 */
const template = '/fixtures/template';
const pacingFiles = '/fixtures/pacing';
const q3 = { 'period-start': '2024-07-01', 'period-end': '2024-09-30' };
const kpis = `${template}/kpi_daily_2024q3.csv`;

type Paced = HTMLElement & {
  pacingComplete: Promise<void>;
  updateComplete: Promise<unknown>;
  state: string;
};

afterEach(() => {
  document.body.replaceChildren();
});

/** Mounts a widget and waits for its calendar and weights files as well as its rows. */
async function mountPaced(
  tag: keyof HTMLElementTagNameMap,
  attributes: Record<string, string>,
): Promise<Paced> {
  const element = (await mount(tag, attributes)) as unknown as Paced;
  // A calendar that fails says so with sx-data-error, which may come before the rows have loaded.
  if (element.state === 'loading')
    await new Promise((resolve) => element.addEventListener(SX_DATA_LOAD, resolve, { once: true }));
  await element.pacingComplete;
  await element.updateComplete;
  return element;
}

/** A page's `sx-data-source` holding `text` as a CSV file. */
function inlineSource(name: string, text: string): void {
  const element = document.createElement('sx-data-source') as HTMLElement & { file?: Blob };
  element.setAttribute('name', name);
  element.file = new File([text], `${name}.csv`, { type: 'text/csv' });
  document.body.append(element);
}

const notes = (element: Element): string[] =>
  Array.from(element.shadowRoot?.querySelectorAll('[part="pacing-notes"] .note') ?? [], (note) =>
    (note.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

/** The alerts' expected-to-date of 销售额 (its data table's fifth column). */
const expectedRevenue = (element: Element): string | undefined =>
  dataTable(element).find((row) => row[0] === '销售额')?.[4];

describe('a page’s own calendar', () => {
  it('lays a company’s days over the shipped calendar, by URL, counting the rows it cannot read', async () => {
    const alerts = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      pacing: 'workdays',
      calendar: `${pacingFiles}/company_calendar_2024.csv`,
      ...q3,
    });
    // Q3 2024: 66 working days shipped; the company's Aug 16 off and Sat Sep 14 given back leave 64, 34 of them by Aug 15.
    expect(expectedRevenue(alerts)).toBe(formatValue((5_000_000 * 34) / 64, 'money', 'zh-CN'));
    expect(notes(alerts)).toEqual([
      `日历 ${pacingFiles}/company_calendar_2024.csv：2 行无法读取，已略过（数据第 4，5 行）；其余行照常使用。`,
    ]);
  });

  it('reads a calendar from a named source, in every widget, and says its bad rows in English', async () => {
    inlineSource('company_days', 'date,kind,name\n2024-06-24,holiday,founders day\nsoon,off,bad\n');
    const scorecard = await mountPaced('sx-scorecard', {
      src: kpis,
      rollup: 'kpi-to-date',
      lang: 'en',
      pacing: 'workdays',
      calendar: 'company_days',
      ...q3,
    });
    const tracker = await mountPaced('sx-progress-tracker', {
      src: `${template}/progress.csv`,
      lang: 'en',
      'as-of': '2024-06-25',
      pacing: 'workdays',
      calendar: 'company_days',
    });
    const said =
      'Calendar company_days: rows that could not be read were left out: 1 (data rows 2); the other rows are used.';
    expect(notes(scorecard)).toContain(said);
    expect(notes(tracker)).toEqual([said]);
    // 华东区客户拜访, Jun 1–30: 16 of June's 19 working days by Jun 25 (端午 Jun 10 off); 15 of 18
    // with the company's Monday Jun 24 off.
    const visits = (element: Element): string | undefined =>
      dataTable(element).find((row) => row[0] === '华东区客户拜访')?.[5];
    expect(visits(tracker)).toBe('83%');
    const shipped = await mountPaced('sx-progress-tracker', {
      src: `${template}/progress.csv`,
      lang: 'en',
      'as-of': '2024-06-25',
      pacing: 'workdays',
    });
    expect(visits(shipped)).toBe('84%');
  });

  it('keeps the shipped calendar, and the other widgets, when the calendar file cannot be read', async () => {
    const broken = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'en',
      'as-of': '2024-08-15',
      pacing: 'workdays',
      calendar: '/fixtures/pacing/no_such_calendar.csv',
      ...q3,
    });
    const fine = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      pacing: 'workdays',
      ...q3,
    });
    expect(notes(broken)[0]).toMatch(
      /^Calendar \/fixtures\/pacing\/no_such_calendar\.csv could not be read, so it is not used: /,
    );
    expect(broken.state).toBe('ready');
    // Shipped calendar: 34 of 66 working days by Aug 15.
    expect(expectedRevenue(broken)).toBe(formatValue((5_000_000 * 34) / 66, 'money', 'en'));
    expect(expectedRevenue(fine)).toBe('257.6万');
    expect(notes(fine)).toEqual([]);
  });
});

describe('seasonal pacing', () => {
  it('expects the target times the weights to date over the period’s weights', async () => {
    const text = await (await fetch(`${pacingFiles}/daily_weights_2024q3.csv`)).text();
    const weights = text
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    const sum = (to: string): number =>
      weights
        .filter(([day]) => (day ?? '') <= to)
        .reduce((total, [, weight]) => total + Number(weight), 0);
    const alerts = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      pacing: 'seasonal',
      weights: `${pacingFiles}/daily_weights_2024q3.csv`,
      ...q3,
    });
    expect(expectedRevenue(alerts)).toBe(
      formatValue((5_000_000 * sum('2024-08-15')) / sum('2024-09-30'), 'money', 'zh-CN'),
    );
    expect(notes(alerts)).toEqual([]);
  });

  it('says weights that miss days of the period, and paces by calendar days instead', async () => {
    inlineSource('july_weights', '日期,权重\n2024-07-01,1\n2024-07-02,2\n2024-07-03,abc\n');
    const alerts = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'zh-CN',
      'as-of': '2024-08-15',
      pacing: 'seasonal',
      weights: 'july_weights',
      ...q3,
    });
    expect(expectedRevenue(alerts)).toBe('250万');
    expect(notes(alerts)).toEqual([
      '每日权重只覆盖本期 92 天中的 2 天（2024年7月3日 无权重）；现改按自然日线性计算应达值。',
      '每日权重 july_weights：1 行无法读取，已略过（数据第 3 行）；其余行照常使用。',
    ]);
    const english = await mountPaced('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域',
      lang: 'en',
      period: '2024-Q3',
      'as-of': '2024-08-15',
      pacing: 'seasonal',
    });
    expect(notes(english)).toEqual([
      'pacing="seasonal" needs a weights source; the target is paced by calendar days instead.',
    ]);
  });
});

describe('dates a widget cannot pace by', () => {
  it('says a period not yet started, and judges nothing behind', async () => {
    const alerts = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'zh-CN',
      'as-of': '2024-06-20',
      ...q3,
    });
    expect(notes(alerts)).toEqual([
      '周期自 2024年7月1日 开始，截至 2024年6月20日 尚未开始，暂不评定状态。',
    ]);
    const statuses = dataTable(alerts).map((row) => row[2]);
    expect(statuses).not.toContain('严重');
    expect(statuses).not.toContain('预警');
  });

  it('says a period is over and judges it final: 达标 / 未达标', async () => {
    const treemap = await mountPaced('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域',
      lang: 'zh-CN',
      period: '2024-Q3',
      'as-of': '2024-10-08',
    });
    expect(notes(treemap)).toEqual([
      '周期已于 2024年9月30日 结束，截至 2024年10月8日 为最终结果，按全期目标评定达标或未达标。',
    ]);
    for (const row of dataTable(treemap)) expect(['✓ 达标', '✕ 未达标']).toContain(row.at(-1));
  });

  it('names an unreadable date and a missing one, while a neighbour keeps its figures', async () => {
    const unreadable = await mountPaced('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      lang: 'en',
      'period-start': '2024-07-01',
      'period-end': '2024-09-31',
      'as-of': '2024-08-15',
    });
    const missing = await mountPaced('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      lang: 'zh-CN',
      'period-start': '2024-07-01',
      'period-end': '2024-09-30',
    });
    const neighbour = await mountPaced('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      lang: 'en',
    });
    expect(notes(unreadable)).toEqual([
      'The period-end attribute is not a date such as 2024-08-15 (“2024-09-31”), so the figures are not paced.',
    ]);
    expect(notes(missing)).toEqual(['按进度评定需要 as-of，但未提供；现按全期目标评定。']);
    // Unpaced, the rows keep their words by target: 108 % met, 80 % off track.
    for (const element of [unreadable, neighbour]) {
      expect(element.state).toBe('ready');
      expect(dataTable(element).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    }
    expect(notes(neighbour)).toEqual([]);
  });

  it('says a period with no working day expects nothing before its last day', async () => {
    const alerts = await mountPaced('sx-variance-alerts', {
      src: kpis,
      lang: 'en',
      'as-of': '2024-10-03',
      pacing: 'workdays',
      'period-start': '2024-10-01',
      'period-end': '2024-10-07',
    });
    expect(notes(alerts)).toEqual([
      'The period Oct 1, 2024 – Oct 7, 2024 has no working day on the calendar, so nothing is expected before its last day.',
    ]);
  });
});

describe('China’s calendar across 国庆 2025', () => {
  // 国庆 and 中秋 2025: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked.
  const acrossNationalDay = [
    {
      task: 'dealer follow-up',
      owner: 'Wang',
      planned_start: '2025-09-29',
      planned_end: '2025-10-17',
      progress: '40%',
    },
  ];

  it('paces a task on its working days, and says a pacing it does not know', async () => {
    const byWorkdays = await mount(
      'sx-progress-tracker',
      { lang: 'en', 'as-of': '2025-10-10', pacing: 'workdays' },
      (element) => {
        element.data = acrossNationalDay;
      },
    );
    // Sep 29–30, Oct 9–11, Oct 13–17: 10 working days, 4 of them by Oct 10.
    expect(dataTable(byWorkdays)[0]?.[5]).toBe('40%');
    const misspelt = await mount(
      'sx-progress-tracker',
      { lang: 'zh-CN', 'as-of': '2025-10-10', pacing: 'workday' },
      (element) => {
        element.data = acrossNationalDay;
      },
    );
    // By calendar days: 12 of 19.
    expect(dataTable(misspelt)[0]?.[5]).toBe('63%');
    expect(notes(misspelt)).toEqual([
      'pacing="workday" 不是 linear、workdays 或 seasonal；现按自然日线性计算应达值。',
    ]);
    expect(notes(byWorkdays)).toEqual([]);
  });
});
