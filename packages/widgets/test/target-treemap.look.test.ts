import { afterEach, describe, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { mount } from './helpers';
import { pageSelection } from '../src/base/selection';

afterEach(() => {
  document.body.replaceChildren();
  for (const f of ['region_targets.csv', 'region_targets.en.csv', 'budget.csv', 'budget.en.csv']) pageSelection().toggle(`/fixtures/template/${f}`, null, null);
});
const T = '/fixtures/template';

async function shot(name: string, attrs: Record<string, string>, width: number, act?: (e: HTMLElement) => Promise<void>) {
  await page.viewport(Math.max(width + 40, 400), 1000);
  const el = await mount('sx-target-treemap', attrs, (e) => { e.style.width = `${width}px`; });
  await new Promise((r) => setTimeout(r, 300));
  await act?.(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((r) => setTimeout(r, 150));
  await page.screenshot({ path: `.shots/${name}.png`, element: el });
}
const tile = (el: HTMLElement, i: number) => el.shadowRoot!.querySelectorAll('g.tile')[i] as SVGGElement;

describe('look', () => {
  it('zh wide', () => shot('tm-zh', { src: `${T}/region_targets.csv`, lang: 'zh-CN', levels: '区域,产品线,客户类型' }, 760));
  it('en wide hover', () => shot('tm-en-hover', { src: `${T}/region_targets.en.csv`, lang: 'en', levels: 'region,product_line,customer_type' }, 900, async (el) => {
    await userEvent.hover(tile(el, 4));
  }));
  it('zh dark drilled', () => shot('tm-zh-dark-drill', { src: `${T}/region_targets.csv`, lang: 'zh-CN', levels: '区域,产品线,客户类型', theme: 'dark' }, 760, async (el) => {
    tile(el, 0).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }));
  it('narrow keyboard', () => shot('tm-zh-narrow', { src: `${T}/region_targets.csv`, lang: 'zh-CN', levels: '区域,产品线,客户类型' }, 360, async () => {
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{ArrowRight}');
  }));
  it('narrow plain', () => shot('tm-en-narrow', { src: `${T}/region_targets.en.csv`, lang: 'en', levels: 'region,product_line,customer_type', theme: 'dark' }, 360));
  it('deep level', () => shot('tm-deep', { src: `${T}/region_targets.csv`, lang: 'zh-CN', levels: '区域,产品线,客户类型' }, 760, async (el) => {
    tile(el, 4).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    tile(el, 0).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    (document.activeElement as HTMLElement | null)?.blur();
  }));
  it('budget', () => shot('tm-budget', { src: `${T}/budget.csv`, lang: 'zh-CN', levels: '模块,动作', target: '预算', actual: '已花费', direction: 'lower' }, 760));
  it('budget en pace', () => shot('tm-budget-en', { src: `${T}/budget.en.csv`, lang: 'en', levels: 'module,action', direction: 'lower', 'as-of': '2024-08-15', period: '2024-Q3' }, 760));
  it('total short', () => shot('tm-total', { src: `${T}/region_targets.csv`, lang: 'zh-CN', levels: '区域,产品线', 'total-target': '520万', 'as-of': '2024-08-15', period: '2024-Q3' }, 760));
});
