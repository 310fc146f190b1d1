import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import '@stratex/widgets/define';
import { pageEngine } from '@stratex/data';
import { SX_DRILL_THROUGH, type SxDrillThroughDetail } from '../../src/base/events';
import { pageSelection } from '../../src/base/selection';
import type { SxDrillPanel } from '../../src/base/drill-panel';
import type { SxWidget } from '../../src/base/sx-widget';
import { dataTable, mount } from '../helpers';

// The rows behind a figure, opened from each widget in real Chromium: the lines they are on in
// the file (read here from the file itself), the cells as written, totals equal to the figure,
// and the exported slice, loaded again, giving the same rows.

const template = '/fixtures/template';
const selectionKeys: string[] = [];

afterEach(() => {
  document.body.replaceChildren();
  for (const key of selectionKeys.splice(0)) pageSelection().toggle(key, null, null);
});

async function widget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): Promise<HTMLElementTagNameMap[K]> {
  selectionKeys.push(attributes.src ?? attributes.source ?? '');
  const element = await mount(tag, attributes, (el) => (el.style.width = '720px'));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return element;
}

function panel(): SxDrillPanel {
  const found = document.querySelector<SxDrillPanel>('sx-drill-panel');
  if (!found) throw new Error('no drill-through panel is open');
  return found;
}

/**
 * The panel's rows as shown: line (or row) number; each cell as written (a CSV's), the value
 * read when it is shown beside it (without the words only screen readers hear), and all its text.
 */
function shownRows(): {
  line: number;
  written: string[];
  read: (string | null)[];
  text: string[];
}[] {
  const rows = panel().shadowRoot?.querySelectorAll('table[part="rows"] tbody tr') ?? [];
  return Array.from(rows, (row) => {
    const cells = Array.from(row.querySelectorAll('td'));
    const read = (cell: Element): string | null => {
      const shown = cell.querySelector('.read');
      if (!shown) return null;
      const heard = shown.querySelector('.visually-hidden')?.textContent ?? '';
      return (shown.textContent ?? '').slice(heard.length);
    };
    return {
      line: Number(row.querySelector('th')?.textContent?.trim()),
      written: cells.map((cell) => cell.querySelector('.written')?.textContent ?? ''),
      read: cells.map(read),
      text: cells.map((cell) => cell.textContent?.trim() ?? ''),
    };
  });
}

/** The totals as listed. */
function shownTotals(): string[] {
  const items = panel().shadowRoot?.querySelectorAll('[part="totals"] li') ?? [];
  return Array.from(items, (item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

function shownHeaders(): string[] {
  const cells = panel().shadowRoot?.querySelectorAll('table[part="rows"] thead th') ?? [];
  return Array.from(cells, (cell) => cell.textContent?.trim() ?? '');
}

function panelText(selector: string): string {
  return (
    panel().shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

/** The file's physical lines, decoded with `encoding` (1 = first line). */
async function fileLines(url: string, encoding = 'utf-8'): Promise<string[]> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return new TextDecoder(encoding).decode(bytes).split(/\r\n|\n|\r/);
}

/** A number as the panel writes a value read: grouped digits, every decimal. */
const readNumber = (text: string | null | undefined): number =>
  Number((text ?? '').replaceAll(',', ''));

describe('drill-through from a treemap tile', () => {
  it('opens on the focused tile with Enter on its control, lists its lines, and closes back to it', async () => {
    const src = `${template}/region_targets.csv`;
    const treemap = await widget('sx-target-treemap', {
      src,
      levels: '区域,产品线',
      lang: 'zh-CN',
    });
    const heard: SxDrillThroughDetail[] = [];
    treemap.addEventListener(SX_DRILL_THROUGH, (event) =>
      heard.push((event as CustomEvent<SxDrillThroughDetail>).detail),
    );
    const east = Array.from(treemap.shadowRoot!.querySelectorAll<SVGGElement>('g.tile')).find(
      (tile) => tile.getAttribute('aria-label')?.startsWith('华东'),
    )!;
    east.focus();
    await treemap.updateComplete;
    const control = treemap.shadowRoot!.querySelector<HTMLButtonElement>('[part="drill-through"]')!;
    expect(control.getAttribute('aria-label')).toBe('查看华东的明细');
    control.focus();
    await userEvent.keyboard('{Enter}');
    await expect
      .poll(() => document.querySelector('sx-drill-panel')?.shadowRoot?.querySelector('tbody tr'))
      .toBeTruthy();
    expect(heard).toEqual([
      {
        source: expect.any(String),
        filters: { 区域: '华东' },
        metric: ['目标值', '实际值'],
        figure: { label: '华东', values: { 区域: '华东' } },
      },
    ]);
    const dialog = panel().shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(panelText('#title')).toBe('华东的明细');
    expect(panelText('#facts')).toBe('文件：region_targets.csv 筛选条件：区域为华东');
    expect(shownHeaders()).toEqual(['行号', '区域', '产品线', '客户类型', '目标值', '实际值']);
    const rows = shownRows();
    expect(rows).toHaveLength(9);
    const lines = await fileLines(src);
    for (const row of rows) expect(lines[row.line - 1]).toBe(row.written.join(','));
    // The totals are the tile's: 150万 target, 168万 actual.
    const target = rows.reduce((sum, row) => sum + Number(row.written[3]), 0);
    expect(target).toBe(1_500_000);
    expect(shownTotals()).toEqual([
      '目标值合计：150万 (1,500,000)',
      '实际值合计：168万 (1,680,000)',
      '共 9 行',
    ]);
    const results = await axe.run(dialog);
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => document.querySelector('sx-drill-panel')).toBeNull();
    expect(treemap.shadowRoot!.activeElement).toBe(control);
  });

  it('lets the page open its own view: preventDefault keeps the panel shut', async () => {
    const treemap = await widget('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域,产品线',
      lang: 'en',
    });
    treemap.addEventListener(SX_DRILL_THROUGH, (event) => event.preventDefault());
    expect(await treemap.drillThrough({ 区域: '华北' })).toBe(false);
    expect(document.querySelector('sx-drill-panel')).toBeNull();
  });
});

describe('drill-through from a scorecard row, a GBK file', () => {
  it('shows 540万元 as written beside the 5,400,000 read, on its line of the file', async () => {
    const src = `${template}/evaluation.gbk.csv`;
    const scorecard = await widget('sx-scorecard', { src, lang: 'en' });
    expect(await scorecard.drillThrough({ 评估维度: '销售额' })).toBe(true);
    await panel().updateComplete;
    expect(panelText('#title')).toBe('Rows behind 销售额');
    expect(panelText('#facts')).toBe('File: evaluation.gbk.csv Filters: 评估维度 is 销售额');
    const [row] = shownRows();
    const actual = shownHeaders().indexOf('实际值') - 1;
    expect(row!.written[actual]).toBe('540万元');
    expect(readNumber(row!.read[actual])).toBe(5_400_000);
    const line = (await fileLines(src, 'gbk'))[row!.line - 1]!;
    expect(line.startsWith('销售额,500万元,540万元,108%')).toBe(true);
    expect(shownTotals()).toEqual([
      'Total 目标值: 5M (5,000,000)',
      'Total 实际值: 5.4M (5,400,000)',
      'Rows: 1',
    ]);
  });
});

describe('drill-through of a CSV with title rows and quoted line breaks', () => {
  it('counts the titles and the breaks inside quotes in each line, and exports a slice that loads back the same', async () => {
    const text =
      '2024年第三季度区域目标\r\n制表：销售部\r\n\r\n区域,备注,目标值,实际值\r\n' +
      '华东,"第一行\r\n第二行",150万元,168万元\r\n华北,"a ""quoted"" word",110万元,115万元\r\n' +
      '\r\n华东,"x\ny",１５万元,１２万元\r\n';
    const engine = pageEngine();
    engine.defineSource('titled', { bytes: new TextEncoder().encode(text), label: 'titled.csv' });
    const treemap = await widget('sx-target-treemap', {
      source: 'titled',
      levels: '区域',
      target: '目标值',
      actual: '实际值',
      lang: 'zh-CN',
    });
    expect(await treemap.drillThrough({ 区域: '华东' })).toBe(true);
    await panel().updateComplete;
    const rows = shownRows();
    expect(rows.map((row) => row.line)).toEqual([5, 9]);
    const lines = text.split(/\r\n|\n|\r/);
    expect(lines[4]).toBe('华东,"第一行');
    expect(lines[8]).toBe('华东,"x');
    expect(rows.map((row) => row.written[2])).toEqual(['150万元', '１５万元']);
    expect(rows.map((row) => readNumber(row.read[2]))).toEqual([1_500_000, 150_000]);
    expect(shownTotals()[0]).toBe('目标值合计：165万 (1,650,000)');

    const csv = await panel().toCsv();
    expect(csv.startsWith('\uFEFF行号,区域,备注,目标值,实际值\r\n')).toBe(true);
    engine.defineSource('exported', { bytes: new TextEncoder().encode(csv), label: 'slice.csv' });
    const again = await engine.coordinator.drillThrough({ source: 'exported', limit: 100 });
    expect(again.rows.map((row) => row.written)).toEqual(
      rows.map((row) => [String(row.line), ...row.written]),
    );
  });
});

describe('drill-through of a Parquet file', () => {
  it("numbers each row as it is in the file, and totals the tile's figure", async () => {
    const treemap = await widget('sx-target-treemap', {
      src: '/fixtures/parquet/sales_sample.zstd.parquet',
      levels: 'region,product_line',
      target: 'amount',
      lang: 'en',
    });
    expect(await treemap.drillThrough({ region: '华北' })).toBe(true);
    await panel().updateComplete;
    expect(shownHeaders()[0]).toBe('Row');
    const rows = shownRows();
    expect(rows).toHaveLength(50);
    const regions = ['华东', '华南', '华北', '西部'];
    const amount = shownHeaders().indexOf('amount') - 1;
    const region = shownHeaders().indexOf('region') - 1;
    for (const row of rows) {
      // The file's rows are made from their number (fixtures/parquet/README.md).
      const i = row.line - 1;
      expect(row.text[region]).toBe(regions[i % 4]);
      expect(Number(row.text[amount]!.replaceAll(',', ''))).toBe(((i * 37) % 1000) * 12.5 + 100);
    }
    expect(panelText('caption')).toBe('Rows 1–50 of 1250');
    const tile = dataTable(treemap).find((row) => row[0] === '华北')!;
    expect(shownTotals()[0]).toMatch(
      new RegExp(`^Total amount: ${tile[1]!.replace('.', '\\.')} \\(`),
    );
  });
});

describe('paging through the rows behind a figure', () => {
  it('shows the next rows under the same count and totals, and goes back', async () => {
    const treemap = await widget('sx-target-treemap', {
      src: '/fixtures/parquet/sales_sample.zstd.parquet',
      levels: 'region,product_line',
      target: 'amount',
      lang: 'en',
    });
    expect(await treemap.drillThrough({ region: '华北' })).toBe(true);
    await panel().updateComplete;
    const totals = shownTotals();
    const firstPage = shownRows().map((row) => row.line);
    const button = (name: string): HTMLButtonElement =>
      panel().shadowRoot!.querySelector<HTMLButtonElement>(`button.${name}`)!;
    expect(button('previous').disabled).toBe(true);
    button('next').click();
    await expect.poll(() => panelText('caption')).toBe('Rows 51–100 of 1250');
    const secondPage = shownRows().map((row) => row.line);
    expect(secondPage).toHaveLength(50);
    expect(secondPage[0]!).toBeGreaterThan(firstPage.at(-1)!);
    expect(shownTotals()).toEqual(totals);
    expect(panel().shadowRoot!.querySelector('.scroll')!.getAttribute('aria-busy')).toBe('false');
    button('previous').click();
    await expect.poll(() => panelText('caption')).toBe('Rows 1–50 of 1250');
    expect(shownRows().map((row) => row.line)).toEqual(firstPage);
  });
});

describe('drill-through from an alert and a task', () => {
  it('opens the KPI rows behind the focused alert', async () => {
    const alerts = await widget('sx-variance-alerts', {
      src: `${template}/kpi_daily_2024q3.csv`,
      'as-of': '2024-08-15',
      lang: 'zh-CN',
    });
    const control = alerts.shadowRoot!.querySelector<HTMLButtonElement>('[part="drill-through"]')!;
    control.click();
    await expect
      .poll(() => document.querySelector('sx-drill-panel')?.shadowRoot?.querySelector('tbody tr'))
      .toBeTruthy();
    expect(panelText('#facts')).toMatch(/筛选条件：指标为\S+/);
    const rows = shownRows();
    const lines = await fileLines(`${template}/kpi_daily_2024q3.csv`);
    for (const row of rows) expect(lines[row.line - 1]).toBe(row.written.join(','));
  });

  it("keeps an alert's rows and totals to its days up to the as-of date, as its figure counts them", async () => {
    const src = `${template}/kpi_daily_2024q3.csv`;
    const alerts = await widget('sx-variance-alerts', {
      src,
      'as-of': '2024-08-15',
      lang: 'zh-CN',
    });
    const metric = '销售额';
    const heard: SxDrillThroughDetail[] = [];
    alerts.addEventListener(SX_DRILL_THROUGH, (event) =>
      heard.push((event as CustomEvent<SxDrillThroughDetail>).detail),
    );
    expect(await alerts.drillThrough({ 指标: metric })).toBe(true);
    expect(heard[0]?.days).toEqual({ column: '日期', through: '2024-08-15' });
    await panel().updateComplete;
    expect(panelText('#facts')).toBe(
      `文件：kpi_daily_2024q3.csv 筛选条件：指标为${metric}，日期不晚于2024-08-15`,
    );
    const lines = await fileLines(src);
    const dayOf = (line: string): number => {
      const [year, month, day] = line.split(',')[0]!.split('/').map(Number);
      return year! * 10_000 + month! * 100 + day!;
    };
    const ofMetric = lines.filter((line) => line.split(',')[1] === metric);
    const upToAsOf = ofMetric.filter((line) => dayOf(line) <= 20240815);
    const sum = (rows: string[]): number =>
      rows.reduce((total, line) => total + Number(line.split(',')[2]), 0);
    expect(sum(upToAsOf)).toBeLessThan(sum(ofMetric));
    const rows = shownRows();
    for (const row of rows) {
      expect(lines[row.line - 1]).toBe(row.written.join(','));
      expect(dayOf(lines[row.line - 1]!)).toBeLessThanOrEqual(20240815);
    }
    expect(panelText('caption')).toBe(`第 1–${rows.length} 行，共 ${upToAsOf.length} 行`);
    const [total] = shownTotals();
    expect(readNumber(/\(([^)]+)\)/.exec(total!)?.[1] ?? total!.split('：')[1])).toBe(
      sum(upToAsOf),
    );
    // The alert's own figure: its actual to date, as its data table shows it.
    const figure = dataTable(alerts).find((row) => row[0]?.includes(metric))!;
    expect(total).toContain(`：${figure[3]}`);
  });

  it("opens a task's source row", async () => {
    const src = `${template}/progress.csv`;
    const tracker: SxWidget = await widget('sx-progress-tracker', {
      src,
      'as-of': '2024-06-18',
      lang: 'zh-CN',
    });
    const control = tracker.shadowRoot!.querySelector<HTMLButtonElement>('[part="drill-through"]')!;
    control.click();
    await expect
      .poll(() => document.querySelector('sx-drill-panel')?.shadowRoot?.querySelector('tbody tr'))
      .toBeTruthy();
    const [row] = shownRows();
    expect(row!.line).toBe(2);
    expect((await fileLines(src))[1]).toBe(row!.written.join(','));
    expect(shownTotals()).toEqual(['共 1 行']);
  });
});
