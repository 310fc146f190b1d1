import { afterEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { pageEngine, type RecordRow } from '@stratex/data';
import '@stratex/widgets/define';
import type { SxProgressTracker } from '../../src/progress-tracker/progress-tracker';
import { dataTable, mount } from '../helpers';

/**
 * 10,000 tasks: the tracker draws only the rows in view (and a margin), keeps the page as long
 * as the whole list, follows scrolling and the keyboard past the drawn rows, prints every row,
 * and its data table still holds every task, for the DOM and for Chromium's accessibility tree.
 */
const COUNT = 10_000;
const taskName = (at: number): string => `任务 ${String(at + 1).padStart(5, '0')}`;

function tenThousandTasks(): RecordRow[] {
  return Array.from({ length: COUNT }, (_, at) => ({
    任务名称: taskName(at),
    负责人: `负责人 ${at % 37}`,
    计划开始时间: '2024-06-01',
    计划结束时间: `2024-06-${String(2 + (at % 28)).padStart(2, '0')}`,
    '实际进度（%/完成状态）': `${(at * 7) % 101}%`,
  }));
}

let sources = 0;
async function tracker(): Promise<SxProgressTracker> {
  const name = `long_tasks_${++sources}`;
  await pageEngine().defineSource(name, { records: tenThousandTasks() }).ready;
  const element = await mount('sx-progress-tracker', {
    source: name,
    lang: 'zh-CN',
    'as-of': '2024-06-18',
  });
  await settle(element);
  return element;
}

const frame = (): Promise<unknown> => new Promise((resolve) => requestAnimationFrame(resolve));
async function settle(element: SxProgressTracker): Promise<void> {
  await element.updateComplete;
  await frame();
  await frame();
  await element.updateComplete;
}

const shadow = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const drawnRows = (element: Element): HTMLElement[] =>
  Array.from(shadow(element).querySelectorAll<HTMLElement>('ol.tasks > li'));
const rowTask = (row: Element | null | undefined): string =>
  row?.querySelector('.task')?.textContent?.trim() ?? '';
const focusedTask = (element: Element): string =>
  rowTask(shadow(element).activeElement?.closest('li'));
const inView = (node: Element): boolean => {
  const box = node.getBoundingClientRect();
  return box.bottom > 0 && box.top < document.documentElement.clientHeight;
};

afterEach(() => {
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

describe('sx-progress-tracker with 10,000 tasks', () => {
  it('draws only a window of rows, each saying its place among all 10,000', async () => {
    const element = await tracker();
    const rows = drawnRows(element);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(200);
    expect(rowTask(rows[0])).toBe(taskName(0));
    expect(rows[0]?.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    // The page is as long as the whole list would be.
    const list = shadow(element).querySelector('ol.tasks') as HTMLElement;
    expect(list.getBoundingClientRect().height).toBeGreaterThan(COUNT * 20);
  }, 120_000);

  it('shows the last task when scrolled to the end, and the first again at the top', async () => {
    const element = await tracker();
    const list = shadow(element).querySelector('ol.tasks') as HTMLElement;
    window.scrollTo(0, list.getBoundingClientRect().bottom + window.scrollY - 200);
    await settle(element);
    const rows = drawnRows(element);
    const last = rows.at(-1);
    expect(rowTask(last)).toBe(taskName(COUNT - 1));
    expect(last?.getAttribute('aria-posinset')).toBe(String(COUNT));
    expect(inView(last as Element)).toBe(true);
    expect(rows.length).toBeLessThan(200);
    window.scrollTo(0, 0);
    await settle(element);
    expect(rowTask(drawnRows(element)[0])).toBe(taskName(0));
  }, 120_000);

  it('walks the keyboard focus past the drawn rows, to the end and back', async () => {
    const element = await tracker();
    const drawnAtFirst = drawnRows(element).length;
    const first = shadow(element).querySelector<HTMLElement>('.head[tabindex="0"]');
    first?.focus();
    expect(focusedTask(element)).toBe(taskName(0));
    const steps = drawnAtFirst + 20;
    for (let step = 0; step < steps; step++) await userEvent.keyboard('{ArrowDown}');
    expect(focusedTask(element)).toBe(taskName(steps));
    expect(inView(shadow(element).activeElement as Element)).toBe(true);
    await userEvent.keyboard('{End}');
    expect(focusedTask(element)).toBe(taskName(COUNT - 1));
    expect(inView(shadow(element).activeElement as Element)).toBe(true);
    await userEvent.keyboard('{ArrowUp}');
    expect(focusedTask(element)).toBe(taskName(COUNT - 2));
    await userEvent.keyboard('{Home}');
    expect(focusedTask(element)).toBe(taskName(0));
    expect(drawnRows(element).length).toBeLessThan(200);
    // Only one row takes Tab.
    expect(shadow(element).querySelectorAll('.head[tabindex="0"]')).toHaveLength(1);
  }, 120_000);

  it('gives Tab to a drawn row when the one that had it is scrolled away', async () => {
    const element = await tracker();
    const list = shadow(element).querySelector('ol.tasks') as HTMLElement;
    window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY + (COUNT / 2) * 40);
    await settle(element);
    const takesTab = shadow(element).querySelectorAll<HTMLElement>('.head[tabindex="0"]');
    expect(takesTab).toHaveLength(1);
    takesTab[0]?.focus();
    const focused = drawnRows(element).findIndex((row) =>
      row.contains(shadow(element).activeElement),
    );
    const position = Number(drawnRows(element)[focused]?.getAttribute('aria-posinset'));
    expect(position).toBeGreaterThan(COUNT / 4);
    expect(focusedTask(element)).toBe(taskName(position - 1));
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedTask(element)).toBe(taskName(position));
  }, 120_000);

  it('draws every row for printing, and the window again after', async () => {
    const element = await tracker();
    window.dispatchEvent(new Event('beforeprint'));
    expect(drawnRows(element)).toHaveLength(COUNT);
    expect(rowTask(drawnRows(element).at(-1))).toBe(taskName(COUNT - 1));
    window.dispatchEvent(new Event('afterprint'));
    expect(drawnRows(element).length).toBeLessThan(200);
  }, 120_000);

  it('keeps every task in the data table, as screen readers are given it', async () => {
    const element = await tracker();
    const table = dataTable(element);
    expect(table).toHaveLength(COUNT);
    expect(table[0]?.[0]).toBe(taskName(0));
    expect(table.at(-1)?.[0]).toBe(taskName(COUNT - 1));
    // The table's bodies of rows are laid out, and so reach the accessibility tree, as the page is idle.
    await expect
      .poll(() => shadow(element).querySelectorAll('[part="data-table"] tbody.held').length, {
        timeout: 60_000,
      })
      .toBe(0);
    const headers = await commands.accessibleRowHeaders();
    expect(headers).toHaveLength(COUNT);
    expect(headers[0]).toBe(taskName(0));
    expect(headers.at(-1)).toBe(taskName(COUNT - 1));
  }, 120_000);
});
