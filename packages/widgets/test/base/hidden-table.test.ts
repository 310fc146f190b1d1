import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { mount } from '../helpers';

const template = '/fixtures/template';

const widgets = [
  ['sx-scorecard', { src: `${template}/evaluation.csv` }],
  ['sx-target-treemap', { src: `${template}/region_targets.csv`, levels: '区域,产品线' }],
  ['sx-progress-tracker', { src: `${template}/progress.csv`, 'as-of': '2024-06-25' }],
  ['sx-variance-alerts', { src: `${template}/kpi_daily_2024q3.csv`, 'as-of': '2024-08-15' }],
] as const;

afterEach(() => {
  document.body.replaceChildren();
});

/** The box the data table's caption takes on the page, and whether it is clipped away. */
function caption(element: Element): { width: number; height: number; clipPath: string } {
  const found = element.shadowRoot?.querySelector('[part="data-table"] caption');
  if (!found) throw new Error(`${element.localName} has no data table caption`);
  const { width, height } = found.getBoundingClientRect();
  return { width, height, clipPath: getComputedStyle(found).clipPath };
}

describe('the accessible data table, hidden unless asked', () => {
  // Firefox draws a caption outside its table's box: clipping the table alone left it showing.
  it.each(widgets)('%s hides its caption as well as its table', async (tag, attributes) => {
    const hidden = caption(await mount(tag, { lang: 'zh-CN', ...attributes }));
    expect(hidden.width).toBeLessThanOrEqual(1);
    expect(hidden.height).toBeLessThanOrEqual(1);
    expect(hidden.clipPath).toBe('inset(50%)');
  });

  it.each(widgets)('%s shows its caption with show-table', async (tag, attributes) => {
    const shown = caption(await mount(tag, { lang: 'zh-CN', 'show-table': '', ...attributes }));
    expect(shown.height).toBeGreaterThan(1);
    expect(shown.clipPath).toBe('none');
  });
});
