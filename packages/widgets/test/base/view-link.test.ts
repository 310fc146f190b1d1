import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { pageSelection } from '../../src/base/selection';
import { readLinkedView, writeLinkedView } from '../../src/base/view-link';
import type { SxTargetTreemap } from '../../src/target-treemap/target-treemap';
import { mount, shadowText } from '../helpers';

const regions = '/fixtures/template/region_targets.csv';
const evaluation = '/fixtures/template/evaluation.csv';
const start = `${location.pathname}${location.search}`;

describe('the view kept in a fragment', () => {
  it('keeps the page’s own parts and replaces only its key', () => {
    const first = writeLinkedView('#top', 'map', { path: ['华东'] });
    expect(first.startsWith('#top&sx.map=')).toBe(true);
    const second = writeLinkedView(first, 'card', { selection: { 评估维度: '销售额' } });
    expect(readLinkedView(second, 'map')).toEqual({ path: ['华东'] });
    expect(readLinkedView(second, 'card')).toEqual({ selection: { 评估维度: '销售额' } });
    const cleared = writeLinkedView(second, 'map', {});
    expect(readLinkedView(cleared, 'map')).toBeUndefined();
    expect(cleared.startsWith('#top&sx.card=')).toBe(true);
    expect(writeLinkedView(writeLinkedView('', 'map', { path: ['华东'] }), 'map', {})).toBe('');
  });

  it('says a fragment it cannot read is unreadable, and ignores other keys', () => {
    expect(readLinkedView('#sx.map=%7Bnot-json', 'map')).toBe('unreadable');
    expect(readLinkedView('#sx.map=%5B1%5D', 'map')).toBe('unreadable');
    expect(readLinkedView(`#sx.map=${encodeURIComponent('{"path":[1]}')}`, 'map')).toBe(
      'unreadable',
    );
    expect(readLinkedView('#sx.other=%7B%7D', 'map')).toBeUndefined();
    expect(readLinkedView('#plain', 'map')).toBeUndefined();
  });
});

const selectionKeys = [regions, evaluation];

afterEach(() => {
  document.body.replaceChildren();
  for (const key of selectionKeys) pageSelection().toggle(key, null, null);
  history.replaceState(null, '', start);
});

beforeEach(() => history.replaceState(null, '', start));

async function settled(element: Element & { updateComplete: Promise<boolean> }): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await element.updateComplete;
  }
}

async function treemap(attributes: Record<string, string>): Promise<SxTargetTreemap> {
  const element = await mount('sx-target-treemap', {
    src: regions,
    levels: '区域,产品线,客户类型',
    lang: 'zh-CN',
    ...attributes,
  });
  await settled(element);
  return element;
}

const trail = (element: Element): string => shadowText(element, '[part~="breadcrumb"]');

function tileLabelled(element: Element, name: string): SVGGElement {
  const label = Array.from(element.shadowRoot?.querySelectorAll<SVGGElement>('g.label') ?? []).find(
    (g) => g.querySelector('.name')?.textContent === name,
  );
  const tile = element.shadowRoot?.querySelector<SVGGElement>(
    `g.tile[data-index="${label?.dataset.index}"]`,
  );
  if (!tile) throw new Error(`no tile named ${name}`);
  return tile;
}

describe('link-view on the treemap', () => {
  it('writes the level drilled into, and a new element on the same address reopens it', async () => {
    const map = await treemap({ 'link-view': 'map' });
    await userEvent.click(tileLabelled(map, '华东'));
    await settled(map);
    expect(readLinkedView(location.hash, 'map')).toEqual({
      selection: { 区域: '华东' },
      path: ['华东'],
    });
    const drilled = trail(map);
    expect(drilled).toContain('华东');

    // A reload: the same address, a fresh element.
    document.body.replaceChildren();
    pageSelection().toggle(regions, null, null);
    const reopened = await treemap({ 'link-view': 'map' });
    expect(trail(reopened)).toBe(drilled);
    expect(reopened.shadowRoot?.querySelector('[part~="notice"]')).toBeNull();

    // Back to the top: the address forgets the view.
    await userEvent.keyboard('{Escape}');
    reopened.shadowRoot?.querySelector<SVGGElement>('g.tile')?.focus();
    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Escape}');
    await settled(reopened);
    expect(readLinkedView(location.hash, 'map')).toBeUndefined();
  });

  it('falls back to the top with a notice when the region is gone, in the page language', async () => {
    const gone = writeLinkedView('', 'map', { selection: { 区域: '火星' }, path: ['火星'] });
    history.replaceState(null, '', `${start}${gone}`);
    const map = await treemap({ 'link-view': 'map' });
    expect(shadowText(map, '[part~="notice"]')).toContain('链接中的视图已不适用于当前数据');
    expect(trail(map)).not.toContain('火星');
    expect(map.shadowRoot?.querySelectorAll('g.tile').length).toBeGreaterThan(1);
    // The address now holds the top level; the notice stays until the reader moves on.
    expect(readLinkedView(location.hash, 'map')).toBeUndefined();
    await userEvent.click(tileLabelled(map, '华东'));
    await settled(map);
    expect(map.shadowRoot?.querySelector('[part~="notice"]')).toBeNull();

    // The same link opened in English says so too.
    document.body.replaceChildren();
    history.replaceState(null, '', `${start}${gone}`);
    const english = await treemap({ 'link-view': 'map', lang: 'en' });
    expect(shadowText(english, '[part~="notice"]')).toContain('no longer fits the data');
  });

  it('says so when the view in the address cannot be read', async () => {
    history.replaceState(null, '', `${start}#sx.map=%7Bbroken`);
    const map = await treemap({ 'link-view': 'map' });
    expect(shadowText(map, '[part~="notice"]')).toContain('无法读取链接中的视图');
  });

  it('keys an empty link-view by the element’s id and keeps nothing without the attribute', async () => {
    const plain = await treemap({});
    await userEvent.click(tileLabelled(plain, '华东'));
    await settled(plain);
    expect(location.hash).toBe('');
    document.body.replaceChildren();
    pageSelection().toggle(regions, null, null);

    const keyed = await treemap({ 'link-view': '', id: 'east-map' });
    await userEvent.click(tileLabelled(keyed, '华东'));
    await settled(keyed);
    expect(readLinkedView(location.hash, 'east-map')).toMatchObject({ path: ['华东'] });
  });

  it('reopens after a navigation to a linked address on the same page', async () => {
    const map = await treemap({ 'link-view': 'map' });
    const top = trail(map);
    location.hash = writeLinkedView('', 'map', { selection: { 区域: '华东' }, path: ['华东'] });
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    await settled(map);
    expect(trail(map)).not.toBe(top);
    expect(trail(map)).toContain('华东');
  });
});

describe('link-view on the scorecard', () => {
  it('reopens the chosen row', async () => {
    const linked = writeLinkedView('', 'card', { selection: { 评估维度: '销售额' } });
    history.replaceState(null, '', `${start}${linked}`);
    const card = await mount('sx-scorecard', { src: evaluation, 'link-view': 'card' });
    await settled(card);
    expect(pageSelection().current(evaluation)?.selection).toEqual({ 评估维度: '销售额' });
    expect(card.shadowRoot?.querySelector('[part~="notice"]')).toBeNull();
  });
});
