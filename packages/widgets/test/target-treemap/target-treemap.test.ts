import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import '@stratex/widgets/define';
import { SX_DATA_LOAD, SX_SELECT, type SxSelectDetail } from '../../src/base/events';
import { pageSelection } from '../../src/base/selection';
import type { SxTargetTreemap } from '../../src/target-treemap/target-treemap';
import { pageEngine } from '@stratex/data';
import { dataTable, mount, shadowText } from '../helpers';

const template = '/fixtures/template';
const regions = `${template}/region_targets.csv`;
const regionsEn = `${template}/region_targets.en.csv`;
const zhLevels = { levels: '区域,产品线,客户类型', lang: 'zh-CN' };

let consoleErrors: unknown[][] = [];
let selectionKeys: string[] = [];

beforeEach(() => {
  consoleErrors = [];
  selectionKeys = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void consoleErrors.push(args));
});

afterEach(() => {
  document.body.replaceChildren();
  for (const key of selectionKeys) pageSelection().toggle(key, null, null);
  vi.restoreAllMocks();
  expect(consoleErrors).toEqual([]);
});

async function treemap(
  attributes: Record<string, string>,
  width = 640,
  setup?: (element: SxTargetTreemap) => void,
): Promise<SxTargetTreemap> {
  if (attributes.src) selectionKeys.push(attributes.src);
  const element = await mount('sx-target-treemap', attributes, (el) => {
    el.style.width = `${width}px`;
    setup?.(el);
  });
  await settle(element);
  return element;
}

/** Waits until the map has been measured and drawn at its container's width. */
async function settle(element: SxTargetTreemap): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await element.updateComplete;
    const svg = element.shadowRoot?.querySelector('svg[part="map"]');
    const frame = element.shadowRoot?.querySelector('.map-frame');
    if (!svg || !frame) return;
    if (Number(svg.getAttribute('width')) === Math.floor(frame.getBoundingClientRect().width))
      return;
  }
}

const tiles = (element: Element): SVGGElement[] =>
  Array.from(element.shadowRoot?.querySelectorAll<SVGGElement>('g.tile') ?? []);

const labels = (element: Element): SVGGElement[] =>
  Array.from(element.shadowRoot?.querySelectorAll<SVGGElement>('g.label') ?? []);

function labelNamed(element: Element, name: string): SVGGElement {
  const label = labels(element).find((g) => g.querySelector('.name')?.textContent === name);
  if (!label) throw new Error(`no tile labelled ${name}`);
  return label;
}

function tileNamed(element: Element, name: string): SVGGElement {
  const index = labelNamed(element, name).dataset.index;
  const tile = tiles(element).find((g) => g.dataset.index === index);
  if (!tile) throw new Error(`no tile named ${name}`);
  return tile;
}

/** The name on the label of the tile that has keyboard focus. */
function focusedName(element: Element): string | null | undefined {
  const index = (element.shadowRoot?.activeElement as SVGGElement | null)?.dataset.index;
  return labels(element)
    .find((g) => g.dataset.index === index)
    ?.querySelector('.name')?.textContent;
}

const cells = (element: Element, selector: string): string[] =>
  Array.from(
    element.shadowRoot?.querySelectorAll(`${selector} th, ${selector} td`) ?? [],
    (cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );

/** A tile's share of the map, measured from the drawn rectangle. */
function areaShare(element: Element, tile: SVGGElement): number {
  const svg = element.shadowRoot?.querySelector('svg[part="map"]');
  const rect = tile.querySelector('rect.frame');
  const size = (el: Element | null | undefined, a: string): number => Number(el?.getAttribute(a));
  return (size(rect, 'width') * size(rect, 'height')) / (size(svg, 'width') * size(svg, 'height'));
}

const trail = (element: Element): string =>
  Array.from(
    element.shadowRoot?.querySelectorAll('nav[part="breadcrumb"] li') ?? [],
    (li) => li.textContent?.trim() ?? '',
  ).join(' › ');

async function rendered(element: SxTargetTreemap): Promise<void> {
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

describe('sx-target-treemap on the template region targets', () => {
  it('gives East China 150万 of 500万 — 30 % of the map — at 112 %', async () => {
    const element = await treemap({ src: regions, ...zhLevels });
    expect(dataTable(element)).toEqual([
      ['华东', '150万', '168万', '112%', '+18万', '30%', '✓ 达标'],
      ['华北', '110万', '115万', '105%', '+5万', '22%', '✓ 达标'],
      ['华南', '100万', '121万', '121%', '+21万', '20%', '✓ 达标'],
      ['华中', '80万', '82万', '103%', '+2万', '16%', '✓ 达标'],
      ['西南', '60万', '54万', '90%', '-6万', '12%', '! 有风险'],
    ]);
    expect(cells(element, '[part="data-table"] tfoot')).toEqual([
      '全部',
      '500万',
      '540万',
      '108%',
      '+40万',
      '—',
      '✓ 达标',
    ]);
    const east = tileNamed(element, '华东');
    expect(areaShare(element, east)).toBeCloseTo(0.3, 3);
    expect(labelNamed(element, '华东').querySelector('.figure')?.textContent).toBe('✓ 112%');
    expect(east.getAttribute('aria-label')).toContain('目标值：150万');
    expect(shadowText(element, 'nav[part="breadcrumb"] .level')).toBe('按区域');
  });

  it('says the same in English from the English export', async () => {
    const element = await treemap({
      src: regionsEn,
      lang: 'en',
      levels: 'region, product_line, customer_type',
    });
    const rows = dataTable(element);
    expect(rows[0]).toEqual(['East China', '1.5M', '1.68M', '112%', '+180K', '30%', '✓ On track']);
    expect(rows[4]).toEqual(['Southwest China', '600K', '540K', '90%', '-60K', '12%', '! At risk']);
    expect(areaShare(element, tileNamed(element, 'East China'))).toBeCloseTo(0.3, 3);
    expect(shadowText(element, '[part="data-table"] caption')).toBe('Target breakdown: All');
  });

  it('drills into East China by click and comes back by the breadcrumb', async () => {
    const element = await treemap({ src: regions, ...zhLevels });
    tileNamed(element, '华东').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await rendered(element);
    expect(trail(element)).toBe('全部 › 华东');
    expect(dataTable(element).map((row) => row.slice(0, 2))).toEqual([
      ['工业传感器', '70.1万'],
      ['数据平台', '48万'],
      ['运维服务', '31.9万'],
    ]);
    expect(cells(element, '[part="data-table"] tfoot').slice(0, 4)).toEqual([
      '华东',
      '150万',
      '168万',
      '112%',
    ]);
    const shares = tiles(element).map((tile) => areaShare(element, tile));
    expect(shares.map((share) => Math.round(share * 1000))).toEqual([467, 320, 213]);
    element.shadowRoot?.querySelector<HTMLButtonElement>('nav button')?.click();
    await rendered(element);
    expect(trail(element)).toBe('全部');
    expect(dataTable(element)).toHaveLength(5);
  });

  it('works by keyboard alone: Tab in, arrows, Enter drills, Escape goes up', async () => {
    const element = await treemap({ src: regions, ...zhLevels });
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    before.focus();
    await userEvent.keyboard('{Tab}');
    await rendered(element);
    expect(focusedName(element)).toBe('华东');
    expect(tiles(element).filter((tile) => tile.tabIndex === 0)).toHaveLength(1);
    expect(shadowText(element, '[role="tooltip"]')).toContain('150万');
    await userEvent.keyboard('{ArrowRight}');
    await rendered(element);
    const moved = focusedName(element);
    expect(moved).not.toBe('华东');
    await userEvent.keyboard('{ArrowLeft}');
    await rendered(element);
    expect(focusedName(element)).toBe('华东');
    await userEvent.keyboard('{Enter}');
    await rendered(element);
    expect(trail(element)).toBe('全部 › 华东');
    expect(focusedName(element)).toBe('工业传感器');
    await userEvent.keyboard('{Escape}');
    await rendered(element);
    expect(trail(element)).toBe('全部');
    expect(focusedName(element)).toBe('华东');
    await userEvent.keyboard('{Enter}');
    await rendered(element);
    await userEvent.keyboard('{Backspace}');
    await rendered(element);
    expect(trail(element)).toBe('全部');
  });

  it('fires sx-select with {区域: 华东}, highlights it, and clears when chosen again', async () => {
    const details: SxSelectDetail[] = [];
    document.addEventListener(SX_SELECT, (event) =>
      details.push((event as CustomEvent<SxSelectDetail>).detail),
    );
    const element = await treemap({ src: regions, ...zhLevels });
    const follower = await treemap({ src: regions, levels: '产品线', lang: 'zh-CN' });
    tileNamed(element, '华东').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await rendered(element);
    await rendered(follower);
    expect(details.at(-1)).toEqual({ source: regions, selection: { 区域: '华东' } });
    expect(cells(follower, '[part="data-table"] tfoot').slice(0, 3)).toEqual([
      '全部',
      '150万',
      '168万',
    ]);
    await userEvent.keyboard('{Escape}');
    await rendered(element);
    expect(tileNamed(element, '华东').getAttribute('aria-pressed')).toBe('true');
    expect(tileNamed(element, '华北').hasAttribute('data-dimmed')).toBe(true);
    tileNamed(element, '华东').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await rendered(element);
    await rendered(follower);
    expect(details.at(-1)).toEqual({ source: regions, selection: null });
    expect(trail(element)).toBe('全部');
    expect(tileNamed(element, '华东').getAttribute('aria-pressed')).toBe('false');
    expect(cells(follower, '[part="data-table"] tfoot').slice(0, 3)).toEqual([
      '全部',
      '500万',
      '540万',
    ]);
  });

  it('names the split that does not add up to a stated total', async () => {
    const element = await treemap(
      { lang: 'zh-CN', levels: '区域', 'total-target': '500万' },
      640,
      (el) => {
        el.data = [
          { 区域: '华东', 目标值: '150万', 实际值: '168万' },
          { 区域: '华北', 目标值: '330万', 实际值: '320万' },
        ];
      },
    );
    expect(shadowText(element, '[part="warning"]')).toBe('⚠ 区域目标合计 480万，比 500万 少 20万');
    const english = await treemap(
      { lang: 'en', levels: 'region', 'total-target': '5000000' },
      640,
      (el) => {
        el.data = [
          { region: 'East', target: '1500000', actual: '1680000' },
          { region: 'North', target: '3300000', actual: '3200000' },
        ];
      },
    );
    expect(shadowText(english, '[part="warning"]')).toBe(
      '⚠ region targets sum to 4.8M, 200K short of 5M',
    );
  });

  it('marks a tile whose own breakdown does not add up to its subtotal row', async () => {
    const element = await treemap({ lang: 'zh-CN', levels: '区域,产品线' }, 640, (el) => {
      el.data = [
        { 区域: '华东', 产品线: '', 目标值: '150万', 实际值: '' },
        { 区域: '华东', 产品线: '软件', 目标值: '100万', 实际值: '110万' },
        { 区域: '华东', 产品线: '服务', 目标值: '40万', 实际值: '45万' },
        { 区域: '华北', 产品线: '软件', 目标值: '100万', 实际值: '90万' },
      ];
    });
    expect(labelNamed(element, '华东').querySelector('.figure')?.textContent).toContain('⚠');
    tileNamed(element, '华东').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await rendered(element);
    expect(shadowText(element, '[part="warning"]')).toBe(
      '⚠ 华东：产品线目标合计 140万，比 150万 少 10万',
    );
  });
});

describe('sx-target-treemap as the budget view', () => {
  it('draws the budget by module with spend as the rate and over-spend as negative', async () => {
    const element = await treemap({
      src: `${template}/budget.csv`,
      lang: 'zh-CN',
      levels: '模块,动作',
      target: '预算',
      actual: '已花费',
      direction: 'lower',
    });
    expect(dataTable(element)).toEqual([
      ['渠道策略', '15万', '6.2万', '41%', '+8.8万', '48%', '✓ 达标'],
      ['推广策略', '10万', '8万', '80%', '+2万', '32%', '✓ 达标'],
      ['预备金', '4.05万', '6,000', '15%', '+3.45万', '13%', '✓ 达标'],
      ['产品策略', '2万', '1.86万', '93%', '+1,400', '6%', '✓ 达标'],
    ]);
    expect(shadowText(element, 'h2')).toBe('预算分配');
    expect(cells(element, '[part="data-table"] thead')).toEqual([
      '模块',
      '预算',
      '已花费',
      '使用率',
      '剩余',
      '占比',
      '状态',
    ]);
    expect(tiles(element)).toHaveLength(4);
  });

  it('shows spending over budget as a negative remainder, off track', async () => {
    const element = await treemap(
      {
        lang: 'en',
        levels: 'module',
        'target-column': 'budget',
        'actual-column': 'spent',
        direction: 'lower',
      },
      640,
      (el) => {
        el.data = [
          { module: 'promotion', budget: '100000', spent: '130000' },
          { module: 'channel', budget: '150000', spent: '62000' },
        ];
      },
    );
    expect(dataTable(element)[1]).toEqual([
      'promotion',
      '100K',
      '130K',
      '130%',
      '-30K',
      '40%',
      '✕ Off track',
    ]);
    expect(tileNamed(element, 'promotion').dataset.status).toBe('off-track');
  });
});

describe('sx-target-treemap states and rendering', () => {
  it('renders a normalised SVG that matches the committed snapshot', async () => {
    const element = await treemap({ src: regions, ...zhLevels });
    const svg = element.shadowRoot?.querySelector('svg[part="map"]')?.outerHTML ?? '';
    const normalised = svg
      .replace(/<!--[^>]*-->/g, '')
      .replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n))))
      .replace(/>\s+</g, '>\n<')
      .replace(/\s+(?=[a-z-]+=)/g, ' ');
    await expect(normalised).toMatchFileSnapshot('./__snapshots__/target-treemap.zh.svg');
  });

  it('fits labels inside their tiles on a 360 px phone and passes axe', async () => {
    const element = await treemap({ src: regions, ...zhLevels }, 360);
    const svg = element.shadowRoot?.querySelector('svg[part="map"]');
    expect(Number(svg?.getAttribute('width'))).toBeLessThanOrEqual(330);
    expect(labels(element).length).toBeGreaterThan(0);
    for (const label of labels(element)) {
      const tile = tiles(element).find((g) => g.dataset.index === label.dataset.index);
      const frame = tile?.querySelector('rect.frame')?.getBoundingClientRect();
      for (const text of label.querySelectorAll('text')) {
        const box = text.getBoundingClientRect();
        expect(box.right).toBeLessThanOrEqual((frame?.right ?? 0) + 0.5);
        expect(box.bottom).toBeLessThanOrEqual((frame?.bottom ?? 0) + 0.5);
      }
    }
    const results = await axe.run(element, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('names each breakdown trail by its levels, so two treemaps of one source are told apart', async () => {
    const byRegion = await treemap({ src: regions, ...zhLevels });
    const byProduct = await treemap({ src: regions, lang: 'zh-CN', levels: '产品线,区域' });
    const trailOf = (element: Element): string | null | undefined =>
      element.shadowRoot?.querySelector('nav[part="breadcrumb"]')?.getAttribute('aria-label');
    expect(trailOf(byRegion)).toBe('分解层级：区域 › 产品线 › 客户类型');
    expect(trailOf(byProduct)).toBe('分解层级：产品线 › 区域');
    const results = await axe.run(document.body, {
      runOnly: { type: 'rule', values: ['landmark-unique'] },
    });
    expect(results.violations.map((v) => v.nodes.map((n) => n.html))).toEqual([]);
  });

  it('says which level column is missing', async () => {
    const element = await treemap({ src: regions, lang: 'zh-CN', levels: '区域,城市' });
    expect(shadowText(element, '[data-state="error"]')).toContain('缺少列：城市');
  });

  it('shows a designed error for a missing file', async () => {
    const element = await treemap({
      src: `${template}/no-such-targets.csv`,
      lang: 'en',
      levels: 'region',
    });
    expect(shadowText(element, '[data-state="error"]')).toContain('no-such-targets.csv');
  });

  it('shows the empty state for no rows', async () => {
    const element = await treemap({ lang: 'en', levels: 'region' }, 640, (el) => (el.data = []));
    expect(shadowText(element, '[data-state="empty"]')).toBe('No rows to show.');
  });
});

describe('sx-target-treemap on the generated sales facts', () => {
  const generatedLevels = {
    lang: 'zh-CN',
    levels: 'region,product_line,customer_type',
    target: 'target_share',
    actual: 'amount',
  };

  it('sums 100k rows in the engine: East China is 30 % of 5亿', async () => {
    const element = await treemap({
      ...generatedLevels,
      src: '/fixtures/generated/sales_100000.csv',
    });
    const rows = dataTable(element);
    expect(rows[0]?.slice(0, 2)).toEqual(['华东', '1.5亿']);
    expect(rows[0]?.[5]).toBe('30%');
    expect(cells(element, '[part="data-table"] tfoot').slice(0, 2)).toEqual(['全部', '5亿']);
    expect(areaShare(element, tileNamed(element, '华东'))).toBeCloseTo(0.3, 3);
  });

  it('re-queries the summed rows when another widget filters on a column they lack', async () => {
    const src = '/fixtures/generated/sales_100000.csv';
    const element = await treemap({ ...generatedLevels, src });
    const reloaded = (): Promise<void> =>
      new Promise((resolve) =>
        element.addEventListener(SX_DATA_LOAD, () => resolve(), { once: true }),
      );
    const other = document.createElement('div');
    let loaded = reloaded();
    pageSelection().toggle(src, { channel: '直销' }, other);
    await loaded;
    await settle(element);
    const direct = cells(element, '[part="data-table"] tfoot')[1];
    expect(direct).not.toBe('5亿');
    expect(direct).toMatch(/亿|万/);
    loaded = reloaded();
    pageSelection().toggle(src, null, other);
    await loaded;
    await settle(element);
    expect(cells(element, '[part="data-table"] tfoot')[1]).toBe('5亿');
  });

  it('filters a treemap on the same source by a drill in another, with the figures of the raw rows', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'drill_sales');
    source.setAttribute('src', '/fixtures/generated/sales_100000.csv');
    document.body.append(source);
    selectionKeys.push('drill_sales');
    const figures = { lang: 'zh-CN', target: 'target_share', actual: 'amount' };
    const regionMap = await treemap({
      ...figures,
      source: 'drill_sales',
      levels: 'region,product_line',
    });
    const channelMap = await treemap({ ...figures, source: 'drill_sales', levels: 'channel' });
    const whole = dataTable(channelMap);
    expect(whole.length).toBeGreaterThan(2);
    const sent = vi.spyOn(pageEngine(), 'records');
    for (const region of ['华东', '西南', '华东']) {
      const reloaded = new Promise((resolve) =>
        channelMap.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
      );
      tileNamed(regionMap, region).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await reloaded;
      await settle(channelMap);
      // The same figures, read by the page author's own SQL over every row.
      const reference = await treemap({
        ...figures,
        levels: 'channel',
        query: `SELECT channel, target_share, amount FROM drill_sales WHERE region = '${region}'`,
      });
      expect(dataTable(channelMap)).toEqual(dataTable(reference));
      expect(dataTable(channelMap)).not.toEqual(whole);
      reference.remove();
      // Back to the top, so that the next region can be chosen.
      regionMap.shadowRoot
        ?.querySelector('[part="breadcrumb"] button')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await settle(regionMap);
    }
    // Past the first choice, the channel figures came from a pre-aggregate, not the rows.
    const fromPreAggregate = sent.mock.calls.filter(([sql]) => /FROM "sx_cube_\d+"/.test(sql));
    expect(fromPreAggregate.length).toBeGreaterThanOrEqual(2);
  });

  it('answers the first drill from a pre-aggregate built while the page was idle', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'idle_sales');
    source.setAttribute('src', '/fixtures/generated/sales_100000.csv');
    document.body.append(source);
    selectionKeys.push('idle_sales');
    const figures = { lang: 'zh-CN', target: 'target_share', actual: 'amount' };
    const regionMap = await treemap({ ...figures, source: 'idle_sales', levels: 'region' });
    const channelMap = await treemap({ ...figures, source: 'idle_sales', levels: 'channel' });
    const whole = dataTable(channelMap);
    // Once both views are drawn and the page is idle, the drill's pre-aggregate is built.
    await pageEngine().coordinator.prepared();
    const sent = vi.spyOn(pageEngine(), 'records');
    const reloaded = new Promise((resolve) =>
      channelMap.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
    );
    tileNamed(regionMap, '华南').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await reloaded;
    await settle(channelMap);
    const statements = sent.mock.calls.map(([sql]) => sql);
    // One small query over a pre-aggregate: nothing built, no raw rows read.
    expect(statements.filter((sql) => /FROM "sx_cube_\d+"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /CREATE|FROM "sx_idle_sales/.test(sql))).toEqual([]);
    sent.mockRestore();
    const reference = await treemap({
      ...figures,
      levels: 'channel',
      query: `SELECT channel, target_share, amount FROM idle_sales WHERE region = '华南'`,
    });
    expect(dataTable(channelMap)).toEqual(dataTable(reference));
    expect(dataTable(channelMap)).not.toEqual(whole);
    reference.remove();
  });

  it(
    'drills the 1M-row facts two levels down and back up by keyboard',
    { timeout: 180_000 },
    async () => {
      const element = await treemap({
        src: '/fixtures/generated/sales_1000000.csv',
        lang: 'en',
        levels: 'region,product_line,customer_type',
        target: 'target_share',
        actual: 'amount',
      });
      expect(dataTable(element)[0]?.[5]).toBe('30%');
      tileNamed(element, '华东').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await rendered(element);
      tiles(element)[0]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await rendered(element);
      await userEvent.keyboard('{Escape}');
      await rendered(element);
      expect(trail(element)).toBe('All › 华东');
      expect(dataTable(element).length).toBeGreaterThan(0);
    },
  );
});
