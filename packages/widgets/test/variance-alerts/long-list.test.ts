import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { pageEngine, type RecordRow } from '@stratex/data';
import '@stratex/widgets/define';
import type { SxVarianceAlerts } from '../../src/variance-alerts/variance-alerts';
import { dataTable, mount } from '../helpers';

/**
 * Thousands of alerts (every task of a long progress table overdue): the list draws only the
 * alerts in view, the keyboard walks past the drawn ones, and the data table holds them all.
 */
const COUNT = 3_000;
const taskName = (at: number): string => `task ${String(at + 1).padStart(4, '0')}`;

function overdueTasks(): RecordRow[] {
  return Array.from({ length: COUNT }, (_, at) => ({
    task: taskName(at),
    owner: `owner ${at % 17}`,
    planned_start: '2024-05-01',
    planned_end: '2024-06-10',
    progress: `${10 + (at % 50)}%`,
  }));
}

let sources = 0;
async function alerts(): Promise<SxVarianceAlerts> {
  const name = `long_alert_tasks_${++sources}`;
  await pageEngine().defineSource(name, { records: overdueTasks() }).ready;
  const element = await mount('sx-variance-alerts', {
    src: '/fixtures/template/kpi_daily_2024q3.en.csv',
    lang: 'en',
    'as-of': '2024-06-18',
    'tasks-source': name,
  });
  await element.sidesComplete;
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await element.updateComplete;
  return element;
}

const shadow = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const drawn = (element: Element): HTMLElement[] =>
  Array.from(shadow(element).querySelectorAll<HTMLElement>('[part~="alert"]'));
const subject = (item: Element | null | undefined): string =>
  item?.querySelector('.subject strong')?.textContent?.trim() ?? '';

afterEach(() => {
  document.body.replaceChildren();
  window.scrollTo(0, 0);
});

describe('sx-variance-alerts with 3,000 task alerts', () => {
  it('draws a window of alerts, and every alert in the data table', async () => {
    const element = await alerts();
    const tasks = dataTable(element).filter((row) => row[1] === 'Task');
    expect(tasks).toHaveLength(COUNT);
    const total = dataTable(element).length;
    const items = drawn(element);
    expect(items.length).toBeGreaterThan(3);
    expect(items.length).toBeLessThan(150);
    expect(items[0]?.getAttribute('aria-setsize')).toBe(String(total));
    expect(items[0]?.getAttribute('aria-posinset')).toBe('1');
  }, 120_000);

  it('walks the keyboard to the last alert and back past the drawn ones', async () => {
    const element = await alerts();
    const rows = dataTable(element);
    drawn(element)[0]?.focus();
    await userEvent.keyboard('{End}');
    const last = shadow(element).activeElement;
    expect(subject(last)).toBe(rows.at(-1)?.[0]);
    expect(last?.getAttribute('aria-posinset')).toBe(String(rows.length));
    const box = last?.getBoundingClientRect();
    expect((box?.top ?? -1) >= 0 && (box?.top ?? 0) < document.documentElement.clientHeight).toBe(
      true,
    );
    await userEvent.keyboard('{ArrowUp}');
    expect(subject(shadow(element).activeElement)).toBe(rows.at(-2)?.[0]);
    await userEvent.keyboard('{Home}');
    expect(subject(shadow(element).activeElement)).toBe(rows[0]?.[0]);
    expect(drawn(element).length).toBeLessThan(150);
    expect(shadow(element).querySelectorAll('[part~="alert"][tabindex="0"]')).toHaveLength(1);
  }, 120_000);
});
