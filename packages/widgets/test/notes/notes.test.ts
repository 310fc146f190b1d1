import { afterEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import '@stratex/widgets/define';
import { SX_DATA_ERROR, SX_DATA_LOAD, type SxDataErrorDetail } from '../../src/base/events';
import { pageSelection } from '../../src/base/selection';
import type { SxDataSource } from '../../src/data-source/data-source';
import { dataTable, shadowText } from '../helpers';

const template = '/fixtures/template';

afterEach(() => {
  document.body.replaceChildren();
  pageSelection().toggle(`${template}/region_targets.csv`, null, null);
});

/**
 * A widget with a notes source, once its figures (`sx-data-load`: a notes source that fails
 * says so with `sx-data-error` and may do so first) and its notes have been read.
 */
async function withNotes<K extends 'sx-scorecard' | 'sx-variance-alerts' | 'sx-target-treemap'>(
  tag: K,
  attributes: Record<string, string>,
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const figures = new Promise((resolve) =>
    element.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
  );
  document.body.append(element);
  await figures;
  await element.notesComplete;
  await element.updateComplete;
  return element;
}

/** A named source of the page holding `csv` as a user's file. */
function notesSource(name: string, csv: string): void {
  const element = document.createElement('sx-data-source');
  element.setAttribute('name', name);
  element.file = new File([csv], `${name}.csv`, { type: 'text/csv' });
  document.body.append(element);
}

/** Each `[part~="notes"]` list under `selector`, as the text of its entries. */
function notesUnder(element: Element, selector: string): string[][] {
  const items = element.shadowRoot?.querySelectorAll(selector) ?? [];
  return Array.from(items, (item) =>
    Array.from(item.querySelectorAll('[part~="notes"] li'), (entry) =>
      (entry.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}

describe('sx-scorecard with notes', () => {
  it('shows each metric its own notes, latest first and dated, and the table carries them', async () => {
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      notes: `${template}/notes.csv`,
      lang: 'zh-CN',
    });
    expect(notesUnder(scorecard, '[part~="row"]')).toEqual([
      ['2024年8月12日 销售部 重点客户回款推迟至9月'],
      [
        '2024年8月9日 赵六 话术改版上线，增加客户案例',
        '2024年7月26日 赵六 直播话术未突出产品核心优势，转化偏低',
      ],
      [],
    ]);
    const times = scorecard.shadowRoot?.querySelectorAll('[part~="row"] time') ?? [];
    expect(Array.from(times, (time) => time.getAttribute('datetime'))).toEqual([
      '2024-08-12',
      '2024-08-09',
      '2024-07-26',
    ]);
    const rows = dataTable(scorecard);
    expect(rows.map((row) => row.at(-1))).toEqual([
      '2024年8月12日 销售部：重点客户回款推迟至9月',
      '2024年8月9日 赵六：话术改版上线，增加客户案例；2024年7月26日 赵六：直播话术未突出产品核心优势，转化偏低',
      '',
    ]);
    // The figures are the same as without notes; the evaluation's own analysis stays.
    expect(rows[0]?.slice(0, 5)).toEqual(['销售额', '500万', '540万', '108%', '达标']);
    expect(shadowText(scorecard, '[part~="row"] .notes')).toContain('政策利好');
  });

  it('dates the English notes the English way', async () => {
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.en.csv`,
      notes: `${template}/notes.en.csv`,
      lang: 'en',
    });
    expect(notesUnder(scorecard, '[part~="row"]')[0]).toEqual([
      'Aug 12, 2024 Sales A key account moved its payment to September',
    ]);
    expect(shadowText(scorecard, '[part="data-table"] thead')).toContain('Notes');
  });

  it('shows the latest three of a long list and counts the rest', async () => {
    const lines = ['日期,指标,内容'];
    for (let day = 1; day <= 5; day++) lines.push(`2024/8/${day},销售额,第${day}条`);
    notesSource('many_notes', lines.join('\n'));
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      notes: 'many_notes',
      lang: 'zh-CN',
    });
    expect(notesUnder(scorecard, '[part~="row"]')[0]).toEqual([
      '2024年8月5日 第5条',
      '2024年8月4日 第4条',
      '2024年8月3日 第3条',
      '另有 2 条更早的备注',
    ]);
    expect(dataTable(scorecard)[0]?.at(-1)).toContain('另有 2 条更早的备注');
  });
});

describe('notes that change', () => {
  it('reads them again when the attribute names another source, when it reloads, and drops them when removed', async () => {
    notesSource('first_notes', '日期,指标,内容\n2024/8/1,销售额,第一版');
    notesSource('second_notes', '日期,指标,内容\n2024/8/2,销售额,第二版');
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      notes: 'first_notes',
      lang: 'zh-CN',
    });
    const revenueNotes = (): string[] | undefined => notesUnder(scorecard, '[part~="row"]')[0];
    expect(revenueNotes()).toEqual(['2024年8月1日 第一版']);

    scorecard.setAttribute('notes', 'second_notes');
    await scorecard.updateComplete;
    await scorecard.notesComplete;
    await scorecard.updateComplete;
    expect(revenueNotes()).toEqual(['2024年8月2日 第二版']);

    // The source is given a new file: the notes follow its reload.
    const source = document.querySelector<SxDataSource>('sx-data-source[name="second_notes"]');
    if (!source) throw new Error('no second_notes source');
    const reloaded = new Promise((resolve) =>
      source.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
    );
    source.file = new File(['日期,指标,内容\n2024/8/3,销售额,第三版\n'], 'second_notes.csv', {
      type: 'text/csv',
    });
    await reloaded;
    await scorecard.updateComplete;
    await scorecard.notesComplete;
    await scorecard.updateComplete;
    expect(revenueNotes()).toEqual(['2024年8月3日 第三版']);

    scorecard.removeAttribute('notes');
    await scorecard.updateComplete;
    expect(scorecard.shadowRoot?.querySelector('[part~="notes"]')).toBeNull();
    expect(dataTable(scorecard)[0]).toHaveLength(5);
  });
});

describe('sx-variance-alerts with notes', () => {
  it('shows each KPI alert the notes on its metric, latest first, and the table carries them', async () => {
    const alerts = await withNotes('sx-variance-alerts', {
      src: `${template}/kpi_daily_2024q3.csv`,
      'as-of': '2024-08-15',
      notes: `${template}/notes.csv`,
      lang: 'zh-CN',
    });
    const items = Array.from(alerts.shadowRoot?.querySelectorAll('[part~="alert"]') ?? []);
    const subjects = items.map((item) => item.querySelector('.subject strong')?.textContent);
    const shown = Object.fromEntries(
      notesUnder(alerts, '[part~="alert"]').map((notes, i) => [subjects[i], notes]),
    );
    expect(shown).toEqual({
      销售额: ['2024年8月12日 销售部 重点客户回款推迟至9月'],
      线索转化率: [
        '2024年8月9日 赵六 话术改版上线，增加客户案例',
        '2024年7月26日 赵六 直播话术未突出产品核心优势，转化偏低',
      ],
      新签合同: ['2024年8月14日 销售部 客户决策周期延长，两份合同推迟签署'],
      直播线索: ['2024年7月12日 赵六 7月11日直播带来首批线索'],
    });
    const table = Object.fromEntries(dataTable(alerts).map((row) => [row[0], row.at(-1)]));
    expect(table['新签合同']).toBe('2024年8月14日 销售部：客户决策周期延长，两份合同推迟签署');
    expect(shadowText(alerts, '[part="data-table"] thead')).toContain('备注');
  });

  it('keeps showing the alerts when the notes file is not there', async () => {
    const alerts = await withNotes('sx-variance-alerts', {
      src: `${template}/kpi_daily_2024q3.en.csv`,
      'as-of': '2024-08-15',
      notes: `${template}/no-such-notes.csv`,
      lang: 'en',
    });
    expect(alerts.shadowRoot?.querySelectorAll('[part~="alert"]').length).toBe(4);
    expect(shadowText(alerts, '[data-notes]')).toContain('Notes could not be loaded');
  });
});

describe('sx-target-treemap with notes', () => {
  it("shows a tile's notes in its details and the table, by dimension path", async () => {
    const treemap = await withNotes('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域,产品线,客户类型',
      notes: `${template}/notes.csv`,
      lang: 'zh-CN',
    });
    const table = Object.fromEntries(dataTable(treemap).map((row) => [row[0], row.at(-1)]));
    expect(table).toEqual({
      华东: '2024年8月5日 销售部：两家经销商签约，8月起发货',
      华北: '',
      华南: '',
      华中: '',
      西南: '2024年8月15日 销售部：西南大客户项目延期',
    });
    const east = Array.from(treemap.shadowRoot?.querySelectorAll('g.tile') ?? []).find((tile) =>
      tile.getAttribute('aria-label')?.startsWith('华东'),
    );
    east?.dispatchEvent(new PointerEvent('pointerenter'));
    await treemap.updateComplete;
    expect(notesUnder(treemap, '[part="tooltip"]')).toEqual([
      ['2024年8月5日 销售部 两家经销商签约，8月起发货'],
    ]);
    // Drilled into 华东: its product lines, and its own notes on the totals row.
    east?.dispatchEvent(new MouseEvent('click'));
    await treemap.updateComplete;
    const drilled = Object.fromEntries(dataTable(treemap).map((row) => [row[0], row.at(-1)]));
    expect(drilled['工业传感器']).toBe('2024年8月16日 销售部：暴雨影响上门拜访，改为视频拜访');
    expect(drilled['数据平台']).toBe('');
    const totals = treemap.shadowRoot?.querySelector('[part="data-table"] tfoot tr');
    expect(totals?.lastElementChild?.textContent?.trim()).toBe(
      '2024年8月5日 销售部：两家经销商签约，8月起发货',
    );
  });

  it('passes axe with notes in the details and the table', async () => {
    const widgets = [
      ['sx-target-treemap', { levels: '区域,产品线,客户类型', src: 'region_targets.csv' }],
      ['sx-scorecard', { src: 'evaluation.csv' }],
      ['sx-variance-alerts', { src: 'kpi_daily_2024q3.csv', 'as-of': '2024-08-15' }],
    ] as const;
    for (const [tag, { src, ...attributes }] of widgets) {
      const element = await withNotes(tag, {
        ...attributes,
        src: `${template}/${src}`,
        notes: `${template}/notes.csv`,
        lang: 'zh-CN',
      });
      expect(
        element.shadowRoot?.querySelector('[part~="notes"], [part="data-table"] td'),
      ).not.toBeNull();
      const root = element.shadowRoot?.querySelector('[part="base"]');
      if (!root) throw new Error(`${tag} has no base part`);
      const { violations } = await axe.run(root as HTMLElement);
      expect(
        violations.map((violation) => violation.id),
        tag,
      ).toEqual([]);
      element.remove();
    }
  });
});

describe('a notes source with problems', () => {
  it('counts the rows it cannot read, says why, and uses the rest', async () => {
    notesSource(
      'rough_notes',
      [
        '日期,指标,作者,内容',
        '2024/8/1,销售额,张三,可用的一条',
        ',销售额,张三,没有日期',
        '上周,销售额,张三,日期无法识别',
        '2024/8/2,销售额,张三,',
        '2024/8/3,,张三,没有指标',
      ].join('\n'),
    );
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      notes: 'rough_notes',
      lang: 'zh-CN',
    });
    expect(notesUnder(scorecard, '[part~="row"]')[0]).toEqual(['2024年8月1日 张三 可用的一条']);
    const said = shadowText(scorecard, '[data-notes]');
    expect(said).toContain('备注：4 行无法读取');
    expect(said).toContain('第 2 行：没有日期');
    expect(said).toContain('第 3 行：日期无法识别');
    expect(said).toContain('第 4 行：没有内容');
    expect(said).toContain('第 5 行：既没有指标也没有维度路径');
  });

  it('says a notes file that is not there, and still shows the figures', async () => {
    const errors: SxDataErrorDetail[] = [];
    document.addEventListener(SX_DATA_ERROR, (event) =>
      errors.push((event as CustomEvent<SxDataErrorDetail>).detail),
    );
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.en.csv`,
      notes: `${template}/no-such-notes.csv`,
      lang: 'en',
    });
    expect(scorecard.state).toBe('ready');
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    const said = shadowText(scorecard, '[data-notes]');
    expect(said).toContain('Notes could not be loaded; the figures are shown without them.');
    expect(said).toContain('no-such-notes.csv');
    expect(errors.map((error) => error.source)).toContain(`${template}/no-such-notes.csv`);
  });

  it('names the columns a notes file lacks', async () => {
    notesSource('wrong_notes', '日期,作者\n2024/8/1,张三');
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.en.csv`,
      notes: 'wrong_notes',
      lang: 'en',
    });
    expect(shadowText(scorecard, '[data-notes]')).toBe(
      '⚠ Notes are not shown: the notes file has no column for the text (text), the metric or dimension path (metric, path)',
    );
  });

  it('shows markup in a note as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__notesInjected=1"><b>加粗</b>';
    notesSource(
      'hostile_notes',
      `日期,指标,内容\n2024/8/1,销售额,"${hostile.replaceAll('"', '""')}"`,
    );
    const scorecard = await withNotes('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      notes: 'hostile_notes',
      lang: 'zh-CN',
    });
    const text = scorecard.shadowRoot?.querySelector('[part~="notes"] .note-text');
    expect(text?.textContent).toBe(hostile);
    expect(scorecard.shadowRoot?.querySelector('img, b')).toBeNull();
    expect(dataTable(scorecard)[0]?.at(-1)).toContain(hostile);
    expect((window as { __notesInjected?: number }).__notesInjected).toBeUndefined();
  });
});
