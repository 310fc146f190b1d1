import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { SX_DATA_LOAD, SX_WHAT_IF, type SxWhatIfDetail } from '../../src/base/events';
import { pageSelection } from '../../src/base/selection';
import { pageTargetOverrides } from '../../src/base/target-overrides';
import { readLinkedView, writeLinkedView } from '../../src/base/view-link';
import type { SxTargetTreemap } from '../../src/target-treemap/target-treemap';
import { dataTable, mount, shadowText } from '../helpers';

const regions = '/fixtures/template/region_targets.csv';
const start = `${location.pathname}${location.search}`;
const keys: string[] = [];

beforeEach(() => history.replaceState(null, '', start));

afterEach(() => {
  document.body.replaceChildren();
  for (const key of keys.splice(0)) {
    pageTargetOverrides().publish(key, null, null);
    pageSelection().toggle(key, null, null);
  }
  history.replaceState(null, '', start);
});

async function settled(element: Element): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await (element as SxTargetTreemap).updateComplete;
  }
}

async function whatIfMap(attributes: Record<string, string>): Promise<SxTargetTreemap> {
  keys.push(attributes.source ?? attributes.src ?? '');
  const element = await mount('sx-target-treemap', {
    levels: '区域,产品线',
    lang: 'zh-CN',
    'what-if': '',
    ...attributes,
  });
  element.style.width = '640px';
  await settled(element);
  return element;
}

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

function tileNamed(element: Element, name: string): SVGGElement {
  const label = Array.from(root(element).querySelectorAll<SVGGElement>('g.label')).find(
    (g) => g.querySelector('.name')?.textContent === name,
  );
  const tile = root(element).querySelector<SVGGElement>(
    `g.tile[data-index="${label?.dataset.index ?? -1}"]`,
  );
  if (!tile) throw new Error(`no tile named ${name}`);
  return tile;
}

async function setTarget(
  element: SxTargetTreemap,
  tile: string,
  text: string,
  from: 'siblings' | 'reserve' | 'total' = 'siblings',
): Promise<void> {
  tileNamed(element, tile).focus();
  await settled(element);
  root(element).querySelector<HTMLInputElement>(`input[name="from"][value="${from}"]`)?.click();
  const input = root(element).querySelector<HTMLInputElement>('input[name="target"]');
  if (!input) throw new Error('no target input');
  await userEvent.clear(input);
  await userEvent.type(input, text);
  await userEvent.keyboard('{Enter}');
  await settled(element);
}

const targets = (element: Element): Record<string, string> =>
  Object.fromEntries(dataTable(element).map((row) => [row[0] ?? '', row[1] ?? '']));

const notice = (element: Element): string => shadowText(element, '[part="what-if-notice"]');

describe('what-if edits in the address (link-view)', () => {
  it('keeps the edits in the fragment, and a reload reopens them', async () => {
    const map = await whatIfMap({ src: regions, 'link-view': 'map' });
    await setTarget(map, '华东', '165万');
    await setTarget(map, '西南', '70万', 'total');
    expect(readLinkedView(location.hash, 'map')).toMatchObject({
      edits: [
        ['s', 1_650_000, '华东'],
        ['t', 700_000, '西南'],
      ],
    });
    const edited = targets(map);
    expect(edited).toMatchObject({ 华东: '165万', 西南: '70万' });

    // A reload: the same address, a fresh element, no what-if on the page yet.
    document.body.replaceChildren();
    pageTargetOverrides().publish(regions, null, null);
    const reopened = await whatIfMap({ src: regions, 'link-view': 'map' });
    expect(targets(reopened)).toEqual(edited);
    expect(shadowText(reopened, 'header')).toContain('512.6万');
    expect(notice(reopened)).toBe('');

    // Undone back to nothing, the address forgets the edits.
    for (const name of ['撤销', '撤销']) {
      const undo = Array.from(root(reopened).querySelectorAll('.what-if button')).find(
        (b) => b.textContent?.trim() === name,
      ) as HTMLButtonElement;
      undo.click();
      await settled(reopened);
    }
    expect(readLinkedView(location.hash, 'map')).toBeUndefined();
  });

  it('leaves out the edits the data no longer holds, with a notice in zh-CN and en', async () => {
    const link = writeLinkedView('', 'map', {
      edits: [
        ['s', 900_000, '火星'],
        ['s', 1_650_000, '华东'],
      ],
    });
    history.replaceState(null, '', `${start}${link}`);
    const map = await whatIfMap({ src: regions, 'link-view': 'map' });
    expect(targets(map)['华东']).toBe('165万');
    expect(notice(map)).toBe(
      '链接中有 1 项模拟调整已不适用于当前数据，已略去。 火星：数据中已没有这个板块。',
    );
    expect(readLinkedView(location.hash, 'map')).toEqual({ edits: [['s', 1_650_000, '华东']] });

    document.body.replaceChildren();
    pageTargetOverrides().publish(regions, null, null);
    history.replaceState(null, '', `${start}${link}`);
    const english = await whatIfMap({ src: regions, 'link-view': 'map', lang: 'en' });
    expect(notice(english)).toBe(
      '1 of the what-if edits in this link no longer fit the data and were left out. 火星: this tile is no longer in the data.',
    );
  });

  it('says so when the edits in the address cannot be read', async () => {
    const link = writeLinkedView('', 'map', { edits: [['x', 'lots']] });
    history.replaceState(null, '', `${start}${link}`);
    const map = await whatIfMap({ src: regions, 'link-view': 'map' });
    expect(shadowText(map, '[part~="notice"]')).toContain('无法读取链接中的视图');
    expect(targets(map)['华东']).toBe('150万');
  });
});

describe('a refresh under the what-if', () => {
  it('keeps the edits that still fit and says which it set aside and whose plan moved', async () => {
    const csv = (rows: string[]): string =>
      URL.createObjectURL(new Blob([['区域,目标值,实际值', ...rows].join('\n')]));
    const first = csv(['华东,150万,90万', '华南,100万,60万', '西南,50万,30万']);
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'whatif_refresh');
    source.setAttribute('src', first);
    document.body.append(source);
    const map = await whatIfMap({ source: 'whatif_refresh', levels: '区域' });
    await setTarget(map, '华东', '200万');
    await setTarget(map, '西南', '40万', 'total');
    const events: SxWhatIfDetail[] = [];
    map.addEventListener(SX_WHAT_IF, (event) =>
      events.push((event as CustomEvent<SxWhatIfDetail>).detail),
    );

    // The same figures again: the edits hold as they were, and nothing is said.
    const again = csv(['华东,150万,90万', '华南,100万,60万', '西南,50万,30万']);
    const reloaded = new Promise((resolve) =>
      map.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
    );
    const edited = targets(map);
    source.setAttribute('src', again);
    await reloaded;
    await settled(map);
    expect(targets(map)).toEqual(edited);
    expect(notice(map)).toBe('');
    expect(events).toEqual([]);

    // The file changes: 西南 is gone and 华东's planned target is now 160万.
    const second = csv(['华东,160万,95万', '华南,100万,60万']);
    const reread = new Promise((resolve) =>
      map.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
    );
    source.setAttribute('src', second);
    await reread;
    await settled(map);
    expect(targets(map)).toEqual({ 华东: '200万', 华南: '60万' });
    expect(notice(map)).toBe(
      [
        '数据已刷新：1 项模拟调整已不适用于新数据，已撤下。 西南：数据中已没有这个板块。',
        '数据已刷新：以下调整所依据的原目标已变化，调整已按新数据保留。 华东：原目标 150万 → 160万',
      ].join(' '),
    );
    expect(events.at(-1)?.edits).toEqual([{ path: ['华东'], target: 2_000_000, from: 'siblings' }]);

    map.setAttribute('lang', 'en');
    await settled(map);
    expect(notice(map)).toContain(
      'The data was refreshed: 1 of the what-if edits no longer fit it and were set aside. 西南: this tile is no longer in the data.',
    );
    expect(notice(map)).toContain('华东: planned 1.5M → 1.6M');
    // The next edit clears the notice.
    await setTarget(map, '华南', '50万');
    expect(notice(map)).toBe('');
    for (const url of [first, again, second]) URL.revokeObjectURL(url);
  });
});

describe('dragging a target', () => {
  it('sets the focused tile’s target with real pointer events on the slider, and by arrow keys', async () => {
    const map = await whatIfMap({ src: regions });
    tileNamed(map, '华东').focus();
    await settled(map);
    const slider = root(map).querySelector<HTMLInputElement>('input[name="target-drag"]');
    if (!slider) throw new Error('no slider');
    // From nothing up to all the siblings hold beside its own: 500万.
    expect(slider.max).toBe('5000000');
    expect(slider.value).toBe('1500000');
    const pointers: boolean[] = [];
    slider.addEventListener('pointerdown', (event) => pointers.push(event.isTrusted));
    const box = slider.getBoundingClientRect();
    await userEvent.dragAndDrop(slider, slider, {
      sourcePosition: { x: box.width * 0.3, y: box.height / 2 },
      targetPosition: { x: box.width * 0.5, y: box.height / 2 },
    });
    await settled(map);
    expect(pointers).toEqual([true]);
    const dragged = Number(slider.value);
    expect(dragged).toBeGreaterThan(2_000_000);
    expect(dragged).toBeLessThan(3_000_000);
    const table = dataTable(map);
    const east = table.find((row) => row[0] === '华东');
    expect(east?.[1]).toBe(`${dragged / 10_000}万`);
    // The parent's total is kept: the siblings gave the difference.
    expect(shadowText(map, 'header')).toContain('500万');

    // The keyboard moves it by a step (1万 on a 500万 range).
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    await settled(map);
    expect(targets(map)['华东']).toBe(`${dragged / 10_000 + 1}万`);
  });
});
