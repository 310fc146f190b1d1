import { afterEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import type { SxScorecard } from '../../src/scorecard/scorecard';
import { dataTable, mount } from '../helpers';

/**
 * 1,000 dimensions: the scorecard draws only the rows in view (and a margin), follows the
 * keyboard past them, and its data table still holds every row, for the DOM and for
 * Chromium's accessibility tree.
 */
const COUNT = 1_000;
const name = (at: number): string => `维度 ${String(at + 1).padStart(4, '0')}`;

afterEach(() => {
  document.body.replaceChildren();
});

async function longScorecard(): Promise<SxScorecard> {
  const lines = ['评估维度,目标值,实际值'];
  for (let at = 0; at < COUNT; at++) lines.push(`${name(at)},${100 + at},${90 + ((at * 7) % 40)}`);
  const url = URL.createObjectURL(new Blob([lines.join('\n')], { type: 'text/csv' }));
  const element = await mount('sx-scorecard', { src: url, lang: 'zh-CN' });
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await element.updateComplete;
  }
  URL.revokeObjectURL(url);
  return element;
}

const drawn = (element: Element): HTMLElement[] =>
  Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[part~="row"]') ?? []);

describe('a scorecard of 1,000 dimensions', () => {
  it('draws only the rows around the view, numbered among all of them', async () => {
    const element = await longScorecard();
    const rows = drawn(element);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(200);
    expect(rows[0]?.querySelector('.dimension')?.textContent).toBe(name(0));
    expect(rows[0]?.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(element.shadowRoot?.querySelectorAll('[part~="row"][tabindex="0"]')).toHaveLength(1);
  });

  it('follows the keyboard to the last row', async () => {
    const element = await longScorecard();
    drawn(element)[0]?.focus();
    await userEvent.keyboard('{End}');
    await element.updateComplete;
    const focused = element.shadowRoot?.activeElement;
    expect(focused?.querySelector('.dimension')?.textContent).toBe(name(COUNT - 1));
    expect(focused?.getAttribute('aria-posinset')).toBe(String(COUNT));
  });

  it('keeps every dimension in the data table, as screen readers are given it', async () => {
    const element = await longScorecard();
    const table = dataTable(element);
    expect(table).toHaveLength(COUNT);
    expect(table.at(-1)?.[0]).toBe(name(COUNT - 1));
    const headers = (await commands.accessibleRowHeaders()).filter((h) => h.startsWith('维度'));
    expect(headers).toHaveLength(COUNT);
    expect(headers[0]).toBe(name(0));
    expect(headers.at(-1)).toBe(name(COUNT - 1));
  });
});
