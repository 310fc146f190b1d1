import { afterEach, describe, expect, it } from 'vitest';
import { pageEngine, type RecordRow } from '@stratex/data';
import '@stratex/widgets/define';
import { dataTable, mount, shadowText } from './helpers';
import { madeFromData, page, pageErrors } from './hostile-checks';

/**
 * Hostile numbers, dates and sizes through every widget: text in number columns, zero and
 * negative targets, NaN and ±Infinity from Parquet, dates out of order, 10,000 tasks and a
 * treemap of 5,000 leaves. Each renders (saying what it could not read) or says what is
 * wrong; nothing reaches the page as an exception.
 */
type Widget = HTMLElement & { state: string; updateComplete: Promise<unknown> };
type Tag = 'sx-target-treemap' | 'sx-progress-tracker' | 'sx-variance-alerts' | 'sx-scorecard';

afterEach(async () => {
  expect(page.__sxHostileRan).toBeUndefined();
  expect(madeFromData()).toEqual([]);
  expect(pageErrors.splice(0)).toEqual([]);
  const neighbour = await mount('sx-scorecard', { src: '/fixtures/template/evaluation.csv' });
  expect(dataTable(neighbour).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
  document.body.replaceChildren();
});

let sources = 0;
async function widget(
  tag: Tag,
  rows: readonly RecordRow[],
  attributes: Record<string, string> = {},
): Promise<Widget> {
  const name = `values_${++sources}`;
  await pageEngine().defineSource(name, { records: rows }).ready;
  return (await mount(tag, { lang: 'zh-CN', source: name, ...attributes })) as Widget;
}

const text = (element: Element): string => shadowText(element, '[part="base"]');

describe('text in number columns', () => {
  it('the scorecard scores what it can read and counts what it cannot', async () => {
    const scorecard = await widget('sx-scorecard', [
      { dimension: '收入', target: '500万元', actual: '540万元' },
      { dimension: '新客户', target: '三十家', actual: '28家' },
      { dimension: '转化率', target: '15%', actual: 'n/a' },
    ]);
    expect(dataTable(scorecard)).toEqual([
      ['收入', '500万', '540万', '108%', '达标'],
      ['新客户', '三十家', '28', '—', '无法计算'],
      ['转化率', '15%', 'n/a', '—', '无法计算'],
    ]);
    expect(text(scorecard)).toContain('2 个单元格无法读取');
  });

  it('the treemap draws what it can read and counts what it cannot', async () => {
    const treemap = await widget(
      'sx-target-treemap',
      [
        { region: '华东', target: '150万', actual: '160万' },
        { region: '华南', target: 'TBD', actual: '90万' },
        { region: '华北', target: '100万', actual: '—' },
      ],
      { levels: 'region' },
    );
    const rows = dataTable(treemap);
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ['华东', '107%'],
      ['华北', '—'],
      ['华南', '—'],
    ]);
    expect(text(treemap)).toContain('1 项没有正的目标值，已列入表格但未绘制');
    expect(text(treemap)).toContain('2 个单元格无法读取');
  });
});

describe('zero and negative targets', () => {
  it.each<[Tag, Record<string, string>]>([
    ['sx-target-treemap', { levels: 'region' }],
    ['sx-scorecard', {}],
  ])('%s lists them without dividing by them', async (tag, attributes) => {
    const element = await widget(
      tag,
      [
        { region: '华东', dimension: '收入', target: 0, actual: 10 },
        { region: '华南', dimension: '退货', target: -100, actual: 50 },
        { region: '华北', dimension: '新客户', target: 30, actual: 28 },
      ],
      attributes,
    );
    const rows = dataTable(element);
    expect(rows.map((row) => row[0]).sort()).toEqual(
      tag === 'sx-scorecard' ? ['收入', '新客户', '退货'].sort() : ['华东', '华北', '华南'].sort(),
    );
    const zero = rows.find((row) => row[0] === (tag === 'sx-scorecard' ? '收入' : '华东'));
    expect(zero?.[3]).toBe('—');
    const negative = rows.find((row) => row[0] === (tag === 'sx-scorecard' ? '退货' : '华南'));
    expect(negative?.[3]).toBe('—');
    expect(text(element)).not.toMatch(/NaN|Infinity|-50%|250%/);
    if (tag === 'sx-scorecard') {
      expect(text(element)).toContain('退货 目标值为负数，无法计算达成率');
      expect(text(element)).toContain('收入 目标值为 0，无法计算达成率');
      expect(dataTable(element).find((row) => row[0] === '新客户')?.[3]).toBe('93%');
    }
    if (tag === 'sx-target-treemap')
      expect(text(element)).toContain('2 项没有正的目标值，已列入表格但未绘制');
  });
});

describe('NaN and ±Infinity from Parquet', () => {
  it.each<[Tag, Record<string, string>]>([
    ['sx-target-treemap', { levels: '区域' }],
    ['sx-scorecard', {}],
  ])('%s gives them no rate and counts them as unreadable', async (tag, attributes) => {
    const element = (await mount(tag, {
      src: '/fixtures/parquet/nan-infinity.zstd.parquet',
      lang: 'zh-CN',
      ...attributes,
    })) as Widget;
    expect(element.state).toBe('ready');
    const rows = dataTable(element);
    expect(rows).toHaveLength(6);
    // The negative target (−5 against 3) gives no rate either, rather than 260 %.
    expect(rows.map((row) => row[3])).toEqual(['—', '—', '—', '—', '—', '—']);
    expect(text(element)).toContain('4 个单元格无法读取');
    if (tag === 'sx-scorecard') {
      expect(text(element)).toContain('收入 目标值不是数字，无法计算达成率');
      expect(text(element)).toContain('退货率 目标值为负数，无法计算达成率');
    }
  });
});

describe('dates out of order', () => {
  it('the progress tracker shows a task that ends before it starts, and unsorted tasks', async () => {
    const tracker = await widget(
      'sx-progress-tracker',
      [
        {
          task: '后来的任务',
          planned_start: '2024-06-20',
          planned_end: '2024-06-30',
          progress: '10%',
        },
        {
          task: '倒置的任务',
          planned_start: '2024-06-30',
          planned_end: '2024-06-01',
          progress: '50%',
        },
        {
          task: '更早的任务',
          planned_start: '2024-05-01',
          planned_end: '2024-05-10',
          progress: '100%',
        },
        { task: '没有日期', planned_start: '', planned_end: '不详', progress: '20%' },
      ],
      { 'as-of': '2024-06-18' },
    );
    expect(dataTable(tracker).map((row) => [row[0], row[6]])).toEqual([
      ['后来的任务', '按计划'],
      ['倒置的任务', '无法判断'],
      ['更早的任务', '已完成'],
      ['没有日期', '无法判断'],
    ]);
  });

  it('the variance alerts pace KPI days given in any order', async () => {
    const days = ['2024-07-20', '2024-07-01', '2024-08-10', '2024-07-10', '2024-07-10'];
    const alerts = await widget(
      'sx-variance-alerts',
      days.map((date, at) => ({ date, metric: '收入', actual: 100_000 + at, target: 5_000_000 })),
      { 'as-of': '2024-08-15' },
    );
    expect(dataTable(alerts).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['收入', '严重', '500,010'],
    ]);
  });
});

describe('many rows', () => {
  it('the progress tracker takes 10,000 tasks', async () => {
    const tasks = Array.from({ length: 10_000 }, (_, at) => ({
      task: `任务 ${at}`,
      owner: `负责人 ${at % 37}`,
      planned_start: '2024-06-01',
      planned_end: `2024-06-${String(2 + (at % 28)).padStart(2, '0')}`,
      progress: `${at % 101}%`,
    }));
    const tracker = await widget('sx-progress-tracker', tasks, { 'as-of': '2024-06-18' });
    expect(tracker.state).toBe('ready');
    expect(dataTable(tracker)).toHaveLength(10_000);
    expect(text(tracker)).toContain('全部状态 1万');
  }, 120_000);

  it('the treemap takes 5,000 leaves', async () => {
    const leaves = Array.from({ length: 5_000 }, (_, at) => ({
      region: `区域 ${at % 50}`,
      product_line: `产品 ${Math.floor(at / 50)}`,
      target: 1_000 + at,
      actual: 900 + ((at * 7) % 300),
    }));
    const treemap = await widget('sx-target-treemap', leaves, { levels: 'region,product_line' });
    expect(treemap.state).toBe('ready');
    expect(dataTable(treemap)).toHaveLength(50);
    // 5,000 targets of 1,000 + i: 17,497,500 in all.
    expect(text(treemap)).toContain('目标值 1750万');
  }, 120_000);
});
