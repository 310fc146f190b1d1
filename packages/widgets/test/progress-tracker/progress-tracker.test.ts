import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { pageSelection } from '../../src/base/selection';
import { SX_SELECT } from '../../src/base/events';
import type { SxProgressTracker } from '../../src/progress-tracker/progress-tracker';
import { dataTable, mount, shadowText } from '../helpers';

const template = '/fixtures/template';
const asOf = '2024-06-25';
const usedKeys = new Set<string>();
let consoleErrors: unknown[][] = [];
let pageErrors: string[] = [];
const onPageError = (event: ErrorEvent): void => void pageErrors.push(event.message);

beforeEach(() => {
  consoleErrors = [];
  pageErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void consoleErrors.push(args));
  window.addEventListener('error', onPageError);
});

afterEach(() => {
  window.removeEventListener('error', onPageError);
  vi.restoreAllMocks();
  for (const key of usedKeys) pageSelection().toggle(key, null, null);
  usedKeys.clear();
  document.body.replaceChildren();
  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
});

async function tracker(
  attributes: Record<string, string>,
  setup?: (element: SxProgressTracker) => void,
): Promise<SxProgressTracker> {
  usedKeys.add(attributes.source ?? attributes.src ?? '');
  return mount('sx-progress-tracker', { 'as-of': asOf, ...attributes }, setup);
}

const shadow = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const heads = (element: Element): HTMLElement[] =>
  Array.from(shadow(element).querySelectorAll<HTMLElement>('.head'));
const taskNames = (element: Element): string[] => dataTable(element).map((row) => row[0] ?? '');
const frame = (): Promise<unknown> => new Promise((resolve) => requestAnimationFrame(resolve));
const settle = async (element: SxProgressTracker): Promise<void> => {
  await element.updateComplete;
  await frame();
  await frame();
  await element.updateComplete;
};
const words = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const zhRows = [
  [
    '展会物料设计',
    '**',
    '2024年6月1日',
    '2024年6月10日',
    '90%（设计中）',
    '100%',
    '已逾期',
    '-10个百分点',
  ],
  [
    '华东区客户拜访',
    '**',
    '2024年6月1日',
    '2024年6月30日',
    '60%（已拜访18家）',
    '83%',
    '滞后',
    '-23.3个百分点',
  ],
  [
    '直播线索跟进',
    '赵六',
    '2024年6月15日',
    '2024年6月20日',
    '100%（已完成500条）',
    '100%',
    '已完成',
    '±0个百分点',
  ],
];

describe('sx-progress-tracker on the template progress table, as of 25 June 2024', () => {
  it('flags the design overdue, the East China visits lagging and the livestream done', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' });
    expect(dataTable(element)).toEqual(zhRows);
    const rows = Array.from(shadow(element).querySelectorAll('[part~="row"]'));
    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual([
      'overdue',
      'lagging',
      'done',
    ]);
    expect(rows.map((row) => words(row.querySelector('[part="status"]')))).toEqual([
      '✕ 已逾期',
      '! 滞后',
      '✓ 已完成',
    ]);
    expect(shadowText(element, '.as-of-day')).toBe('截至 2024年6月25日');
    const bar = shadow(element).querySelectorAll('svg[part="bar"]')[1];
    expect(bar?.getAttribute('aria-label')).toBe(
      '计划 2024年6月1日 – 2024年6月30日：实际进度 60%, 应达进度 83%',
    );
  });

  it('reads the BOM and GBK exports to the same rows', async () => {
    for (const variant of ['progress.bom.csv', 'progress.gbk.csv']) {
      const element = await tracker({ src: `${template}/${variant}`, lang: 'zh-CN' });
      expect(dataTable(element), variant).toEqual(zhRows);
    }
  });

  it('speaks English on the English export', async () => {
    const element = await tracker({ src: `${template}/progress.en.csv`, lang: 'en' });
    expect(dataTable(element)).toEqual([
      [
        'exhibition material design',
        '**',
        'Jun 1, 2024',
        'Jun 10, 2024',
        '90% (designing)',
        '100%',
        'Overdue',
        '-10 pp',
      ],
      [
        'East China client visits',
        '**',
        'Jun 1, 2024',
        'Jun 30, 2024',
        '60% (18 visited)',
        '83%',
        'Lagging',
        '-23.3 pp',
      ],
      [
        'livestream lead follow-up',
        'Zhao Liu',
        'Jun 15, 2024',
        'Jun 20, 2024',
        '100% (500 done)',
        '100%',
        'Done',
        '±0 pp',
      ],
    ]);
    expect(shadowText(element, '[part="data-table"] caption')).toBe(
      'Progress tracker (As of Jun 25, 2024)',
    );
    expect(shadowText(element, '.filters')).toContain('All statuses');
    expect(
      Array.from(shadow(element).querySelectorAll('.tick'), (tick) => tick.textContent),
    ).toContain('Jun 10');
  });

  it('marks the expected progress and the as-of line where the plan says they are', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' });
    const visits = shadow(element).querySelectorAll('svg[part="bar"]')[1];
    const x = (selector: string): number =>
      Number(visits?.querySelector(selector)?.getAttribute('x1'));
    const plan = visits?.querySelector('.plan');
    const start = Number(plan?.getAttribute('x'));
    const width = Number(plan?.getAttribute('width'));
    expect((x('.expected') - start) / width).toBeCloseTo(25 / 30, 2);
    expect(x('.as-of')).toBeCloseTo(x('.expected'), 1);
    const done = Number(visits?.querySelector('.done')?.getAttribute('width'));
    expect(done / width).toBeCloseTo(0.6, 2);
    expect(
      shadow(element).querySelectorAll('svg[part="bar"]')[0]?.querySelector('.late'),
    ).not.toBeNull();
  });

  it('opens a row with Enter to show note, risk and mitigation, and chooses the task for the page', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' });
    const chosen: unknown[] = [];
    element.addEventListener(SX_SELECT, (event) =>
      chosen.push((event as CustomEvent).detail.selection),
    );
    heads(element)[0]?.focus();
    await userEvent.keyboard('{Enter}');
    await settle(element);
    const detail = shadow(element).querySelector<HTMLElement>('#task-detail-1');
    expect(detail?.hidden).toBe(false);
    expect(heads(element)[0]?.getAttribute('aria-expanded')).toBe('true');
    const text = detail?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('进度说明： 设计中');
    expect(text).toContain('风险点： 设计师请假');
    expect(text).toContain('解决措施： 临时借调其他设计师');
    expect(text).toContain('展会物料设计 已逾期 15 天');
    expect(chosen).toEqual([{ 任务名称: '展会物料设计' }]);
    expect(shadow(element).querySelector('[part~="selected"]')?.getAttribute('data-row')).toBe('1');

    await userEvent.keyboard('{Escape}');
    await settle(element);
    expect(detail?.hidden).toBe(true);
    expect(chosen).toEqual([{ 任务名称: '展会物料设计' }, null]);
    expect(shadow(element).activeElement).toBe(heads(element)[0]);
  });

  it('moves between rows with the arrow keys (one Tab stop) and toggles with Space', async () => {
    const element = await tracker({ src: `${template}/progress.en.csv`, lang: 'en' });
    const tabbable = (): number[] =>
      heads(element).flatMap((head, index) => (head.tabIndex === 0 ? [index] : []));
    expect(tabbable()).toEqual([0]);
    heads(element)[0]?.focus();
    await userEvent.keyboard('{ArrowDown}');
    await settle(element);
    expect(tabbable()).toEqual([1]);
    expect(shadow(element).activeElement).toBe(heads(element)[1]);
    await userEvent.keyboard('{End}');
    await settle(element);
    expect(shadow(element).activeElement).toBe(heads(element)[2]);
    await userEvent.keyboard(' ');
    await settle(element);
    expect(heads(element)[2]?.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard(' ');
    await settle(element);
    expect(heads(element)[2]?.getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{Home}');
    await settle(element);
    expect(shadow(element).activeElement).toBe(heads(element)[0]);
  });

  it('sorts by lag, by planned end and by owner from the keyboard', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' });
    shadow(element).querySelector<HTMLSelectElement>('select.order')?.focus();
    await userEvent.keyboard('{ArrowDown}');
    await settle(element);
    expect(element.sort).toBe('end');
    expect(taskNames(element)).toEqual(['展会物料设计', '直播线索跟进', '华东区客户拜访']);
    await userEvent.keyboard('{ArrowDown}');
    await settle(element);
    expect(element.getAttribute('sort')).toBe('lag');
    expect(taskNames(element)).toEqual(['华东区客户拜访', '展会物料设计', '直播线索跟进']);
    await userEvent.keyboard('{ArrowDown}');
    await settle(element);
    expect(dataTable(element).map((row) => row[1])).toEqual(['**', '**', '赵六']);
  });

  it('filters by status with buttons and by owner with a select, from the keyboard', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' });
    const lagging = shadow(element).querySelector<HTMLButtonElement>(
      '.states [data-state="lagging"]',
    );
    expect(words(lagging)).toBe('! 滞后 1');
    lagging?.focus();
    await userEvent.keyboard('{Enter}');
    await settle(element);
    expect(lagging?.getAttribute('aria-pressed')).toBe('true');
    expect(taskNames(element)).toEqual(['华东区客户拜访']);
    await userEvent.keyboard(' ');
    await settle(element);
    expect(lagging?.getAttribute('aria-pressed')).toBe('false');
    expect(taskNames(element)).toHaveLength(3);

    shadow(element).querySelector<HTMLSelectElement>('select.owner-filter')?.focus();
    await userEvent.keyboard('{ArrowDown}');
    await settle(element);
    expect(taskNames(element)).toEqual(['展会物料设计', '华东区客户拜访']);
    await userEvent.keyboard('{ArrowDown}');
    await settle(element);
    expect(taskNames(element)).toEqual(['直播线索跟进']);
    shadow(element).querySelector<HTMLButtonElement>('.states [data-state="lagging"]')?.click();
    await settle(element);
    expect(taskNames(element)).toEqual([]);
    expect(shadowText(element, '.no-match')).toBe('没有符合筛选条件的任务。');
  });

  it('exports the tasks shown as an SVG picture and the table as CSV', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' });
    const picture = element.toSvg();
    expect(picture).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const text of [
      '执行进度跟踪',
      '截至 2024年6月25日',
      '华东区客户拜访',
      '! 滞后',
      '60% · 应达 83%',
    ])
      expect(picture).toContain(text);
    expect(element.toCsv().split('\r\n')[2]).toBe(
      '华东区客户拜访,**,2024年6月1日,2024年6月30日,60%（已拜访18家）,83%,滞后,-23.3个百分点',
    );
  });

  it('takes the lag threshold in percentage points', async () => {
    const element = await tracker({
      src: `${template}/progress.csv`,
      lang: 'zh-CN',
      'lag-threshold': '25',
    });
    expect(dataTable(element)[1]?.[6]).toBe('按计划');
  });

  it('follows a choice made in another widget on the same source', async () => {
    const source = `${template}/progress.csv`;
    const element = await tracker({ src: source, lang: 'zh-CN' });
    pageSelection().toggle(source, { 负责人: '赵六' }, null);
    await settle(element);
    expect(taskNames(element)).toEqual(['直播线索跟进']);
  });
});

describe('sx-progress-tracker drawing', () => {
  /** The axis and rows as markup: Lit's comment markers gone, numbers to one decimal. */
  const normalised = (element: Element): string =>
    ['.axis-row', '.tasks']
      .map((selector) => shadow(element).querySelector(selector)?.outerHTML ?? '')
      .join('\n')
      .replace(/<!--[^]*?-->/g, '')
      .replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 10) / 10))
      .replace(/\s+/g, ' ')
      .replace(/> </g, '>\n<')
      .replace(/> ?([^<\n]+?) ?</g, '>$1<');

  it('draws the template tasks as committed (zh-CN, 720 px)', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' }, (tracked) => {
      tracked.style.width = '720px';
    });
    await settle(element);
    await expect(normalised(element)).toMatchFileSnapshot(
      './__snapshots__/progress-tracker.zh.html',
    );
  });

  it('draws the English export at phone width (360 px)', async () => {
    const element = await tracker({ src: `${template}/progress.en.csv`, lang: 'en' }, (tracked) => {
      tracked.style.width = '360px';
    });
    await settle(element);
    await expect(normalised(element)).toMatchFileSnapshot(
      './__snapshots__/progress-tracker.en-narrow.html',
    );
  });
});

describe('sx-progress-tracker time axis and states', () => {
  const plan = (start: string, end: string, progress: string) => ({
    task: `${start} – ${end}`,
    owner: 'Li',
    planned_start: start,
    planned_end: end,
    progress,
  });

  it('follows its container from a wall screen down to a phone', async () => {
    const element = await tracker({ src: `${template}/progress.csv`, lang: 'zh-CN' }, (tracked) => {
      tracked.style.width = '1400px';
    });
    await settle(element);
    const ticks = (): number => shadow(element).querySelectorAll('.tick').length;
    const barRow = (): string =>
      getComputedStyle(shadow(element).querySelector('svg[part="bar"]') as Element).gridRowStart;
    const wide = ticks();
    console.log(
      JSON.stringify([
        wide,
        getComputedStyle(shadow(element).querySelector('.track') as Element).width,
        innerWidth,
      ]),
    );
    expect(barRow()).not.toBe('2');
    element.style.width = '360px';
    await settle(element);
    expect(ticks()).toBeLessThan(wide);
    expect(barRow()).toBe('2');
  });

  it('passes axe in light and dark with a row open and the table shown', async () => {
    for (const theme of ['light', 'dark']) {
      const element = await tracker({
        src: `${template}/progress.csv`,
        lang: 'zh-CN',
        'show-table': '',
        theme,
      });
      heads(element)[1]?.click();
      await settle(element);
      const results = await axe.run(element, { resultTypes: ['violations'] });
      expect(
        results.violations.flatMap((violation) =>
          violation.nodes.map(
            (node) => `${theme} ${violation.id} ${node.target.join(' ')} ${node.failureSummary}`,
          ),
        ),
      ).toEqual([]);
      element.remove();
    }
  });

  it('ticks in days for a week and in months for a year', async () => {
    const week = await tracker({ lang: 'zh-CN', 'as-of': '2024-06-12' }, (element) => {
      element.style.width = '1200px';
      element.data = [
        plan('2024-06-10', '2024-06-14', '40%'),
        plan('2024-06-11', '2024-06-16', '0'),
      ];
    });
    await settle(week);
    const labels = (element: Element): string[] =>
      Array.from(shadow(element).querySelectorAll('.tick'), (tick) => tick.textContent ?? '');
    expect(labels(week)).toEqual(expect.arrayContaining(['6月10日', '6月11日', '6月12日']));

    const year = await tracker({ lang: 'en', 'as-of': '2025-05-20' }, (element) => {
      element.style.width = '1400px';
      element.data = [
        plan('2025-01-06', '2025-03-31', '100%'),
        plan('2025-02-01', '2025-12-31', '30%'),
      ];
    });
    await settle(year);
    expect(labels(year)).toEqual(expect.arrayContaining(['2025', 'Mar', 'Jun', 'Dec']));
    for (const label of labels(year)) expect(label).toMatch(/^(\d{4}|[A-Z][a-z]{2})$/);
  });

  it('defaults the as-of day to today', async () => {
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const element = await mount('sx-progress-tracker', { lang: 'en' }, (tracked) => {
      tracked.data = [plan('2024-06-10', '2024-06-14', '40%')];
    });
    usedKeys.add('');
    expect(element.asOfDay).toBe(today);
    expect(dataTable(element)[0]?.[6]).toBe('Overdue');
  });

  it('names the columns a table lacks and the cells it cannot read', async () => {
    const wrong = await tracker({ lang: 'en' }, (element) => {
      element.data = [{ city: 'Hangzhou', visits: '12' }];
    });
    expect(shadowText(wrong, '[data-state="error"]')).toMatch(
      /Missing columns: task, planned_start/,
    );
    const unreadable = await tracker({ lang: 'en' }, (element) => {
      element.data = [plan('soon', '2024-06-30', '50%')];
    });
    expect(dataTable(unreadable)[0]?.[6]).toBe('Cannot judge');
    expect(shadowText(unreadable, '.warning')).toContain('“soon”');
  });

  it('shows its loading and empty states', async () => {
    const element = document.createElement('sx-progress-tracker');
    element.setAttribute('src', `${template}/progress.csv`);
    document.body.append(element);
    usedKeys.add(`${template}/progress.csv`);
    await element.updateComplete;
    expect(shadow(element).querySelector('[data-state="loading"]')).not.toBeNull();
    const empty = await tracker({ lang: 'zh-CN' }, (tracked) => {
      tracked.data = [];
    });
    expect(shadowText(empty, '[data-state="empty"]')).toBe('没有可显示的数据。');
  });
});
