import { afterEach, describe, expect, it, vi } from 'vitest';
import '@stratex/widgets/define';
import type { Cell } from '@stratex/core';
import { type DataRequest, type DataResult, pageEngine } from '@stratex/data';
import { SX_DATA_LOAD } from '../../src/base/events';
import { pageSelection } from '../../src/base/selection';
import { dataTable, mount } from '../helpers';

const template = '/fixtures/template';
let selectionKeys: string[] = [];

afterEach(() => {
  document.body.replaceChildren();
  for (const key of selectionKeys) pageSelection().toggle(key, null, null);
  selectionKeys = [];
  vi.restoreAllMocks();
});

function defineSource(name: string, src: string): void {
  const source = document.createElement('sx-data-source');
  source.setAttribute('name', name);
  source.setAttribute('src', src);
  document.body.append(source);
}

/** Every rows request the page's widgets make, with what came back. */
function watchRows(): { request: DataRequest; result: DataResult }[] {
  const seen: { request: DataRequest; result: DataResult }[] = [];
  const coordinator = pageEngine().coordinator;
  const request = coordinator.request.bind(coordinator);
  vi.spyOn(coordinator, 'request').mockImplementation(async (asked) => {
    const result = await request(asked);
    if (asked.kind === 'rows') seen.push({ request: asked, result });
    return result;
  });
  return seen;
}

const isTyped = (cell: Cell): boolean => cell !== null && typeof cell === 'object';

describe('widgets read cells of the columns they use', () => {
  it('the treemap moves no number or date column it does not read, and draws what the text gives', async () => {
    defineSource('typed_kpis', `${template}/kpi_daily_2024q3.csv`);
    const seen = watchRows();
    const loads: unknown[] = [];
    const typed = await mount(
      'sx-target-treemap',
      { source: 'typed_kpis', levels: '指标', lang: 'zh-CN' },
      (element) =>
        element.addEventListener(SX_DATA_LOAD, (event) =>
          loads.push((event as CustomEvent).detail),
        ),
    );
    // sx-data-load still names every column of the source.
    expect(loads[0]).toMatchObject({ columns: ['日期', '指标', '实际值', '目标值', '单位'] });
    const asked = seen.find((entry) => entry.request.kind === 'rows');
    // The figures it reads, and the text columns a choice elsewhere may filter on; not 日期.
    expect(asked?.request).toEqual({
      kind: 'rows',
      source: 'typed_kpis',
      as: 'cells',
      columns: ['指标', '实际值', '目标值', '单位'],
    });
    expect(asked?.result.plan).toBe('rows-typed');
    const rows = asked?.result.rows as Record<string, Cell>[];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((row) => Object.keys(row).join() === '指标,实际值,目标值,单位')).toBe(true);
    expect(rows.every((row) => isTyped(row['目标值']) && isTyped(row['实际值']))).toBe(true);
    // The page author's SQL hands the widget text, which core reads: the same figures.
    const fromText = await mount('sx-target-treemap', {
      query: 'SELECT * FROM typed_kpis',
      levels: '指标',
      lang: 'zh-CN',
    });
    expect(dataTable(typed).length).toBeGreaterThan(2);
    expect(dataTable(typed)).toEqual(dataTable(fromText));
  });

  it('reads a column it lacks again when another widget filters on it', async () => {
    defineSource('typed_filter', `${template}/kpi_daily_2024q3.csv`);
    selectionKeys.push('typed_filter');
    const seen = watchRows();
    const map = await mount('sx-target-treemap', {
      source: 'typed_filter',
      levels: '指标',
      lang: 'zh-CN',
    });
    const whole = dataTable(map);
    const reloaded = new Promise((resolve) =>
      map.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
    );
    pageSelection().toggle('typed_filter', { 日期: '2024/7/1' }, null);
    await reloaded;
    await map.updateComplete;
    expect(seen.at(-1)?.request).toMatchObject({
      as: 'cells',
      columns: ['日期', '指标', '实际值', '目标值', '单位'],
    });
    const reference = await mount('sx-target-treemap', {
      query: "SELECT * FROM typed_filter WHERE 日期 = '2024/7/1'",
      levels: '指标',
      lang: 'zh-CN',
    });
    expect(dataTable(map)).toEqual(dataTable(reference));
    expect(dataTable(map)).not.toEqual(whole);
  });

  it('the progress tracker gets dates and progress read, with their notes, from the GBK export', async () => {
    defineSource('typed_tasks', `${template}/progress.gbk.csv`);
    const seen = watchRows();
    const tracker = await mount('sx-progress-tracker', {
      source: 'typed_tasks',
      'as-of': '2024-06-18',
      lang: 'zh-CN',
    });
    const rows = seen[0]?.result.rows as Record<string, Cell>[];
    for (const row of rows) {
      expect(row['计划开始时间']).toMatchObject({ kind: 'date' });
      expect(row['计划结束时间']).toMatchObject({ kind: 'date' });
      expect(row['实际进度（%/完成状态）']).toMatchObject({ kind: 'number', unit: 'percent' });
    }
    expect(rows[0]?.['实际进度（%/完成状态）']).toMatchObject({ value: 0.9, note: '设计中' });
    const fromText = await mount('sx-progress-tracker', {
      query: 'SELECT * FROM typed_tasks',
      'as-of': '2024-06-18',
      lang: 'zh-CN',
    });
    expect(dataTable(tracker)).toEqual(dataTable(fromText));
    expect(dataTable(tracker).join()).toContain('设计中');
  });

  it('the scorecard shows text in a number column as unreadable, as from the text', async () => {
    defineSource('typed_hostile', '/fixtures/hostile/files/text-in-numbers.csv');
    const seen = watchRows();
    const attributes = { 'dimension-column': '区域', 'target-column': '目标值', lang: 'en' };
    const typed = await mount('sx-scorecard', {
      ...attributes,
      'actual-column': '目标值',
      source: 'typed_hostile',
    });
    const cells = (seen[0]?.result.rows ?? []).map((row) => row['目标值'] as Cell);
    expect(cells.filter((cell) => !isTyped(cell))).toEqual(['待定', 'TBD']);
    const fromText = await mount('sx-scorecard', {
      ...attributes,
      'actual-column': '目标值',
      query: 'SELECT * FROM typed_hostile',
    });
    expect(typed.shadowRoot?.textContent).toContain('待定');
    expect(typed.shadowRoot?.textContent).toBe(fromText.shadowRoot?.textContent);
  });
});
