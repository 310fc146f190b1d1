import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { SX_WHAT_IF, type SxWhatIfDetail } from '../../src/base/events';
import { encodeGbk } from '../../src/base/gbk';
import { pageTargetOverrides } from '../../src/base/target-overrides';
import type { SxTargetTreemap } from '../../src/target-treemap/target-treemap';
import { dataTable, mount, shadowText } from '../helpers';

const template = '/fixtures/template';
const published: string[] = [];

afterEach(() => {
  document.body.replaceChildren();
  for (const key of published.splice(0)) pageTargetOverrides().publish(key, null, null);
});

function dataSource(name: string, src: string): void {
  const element = document.createElement('sx-data-source');
  element.setAttribute('name', name);
  element.setAttribute('src', src);
  document.body.append(element);
}

async function whatIfMap(
  source: string,
  attributes: Record<string, string> = {},
): Promise<SxTargetTreemap> {
  published.push(source);
  const element = await mount('sx-target-treemap', {
    source,
    levels: '区域,产品线',
    lang: 'zh-CN',
    'what-if': '',
    ...attributes,
  });
  element.style.width = '640px';
  await settled(element);
  return element;
}

async function settled(element: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await (element as SxTargetTreemap).updateComplete;
  }
}

const panel = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

function tileNamed(element: Element, name: string): SVGGElement {
  const root = panel(element);
  const label = Array.from(root.querySelectorAll<SVGGElement>('g.label')).find(
    (g) => g.querySelector('.name')?.textContent === name,
  );
  const tile = root.querySelector<SVGGElement>(
    `g.tile[data-index="${label?.dataset.index ?? -1}"]`,
  );
  if (!tile) throw new Error(`no tile named ${name}`);
  return tile;
}

/** Focuses a tile (as arrow keys do) and types its new target, difference from `from`. */
async function setTarget(
  element: SxTargetTreemap,
  tile: string,
  text: string,
  from: 'siblings' | 'reserve' | 'total' = 'siblings',
): Promise<void> {
  tileNamed(element, tile).focus();
  await settled(element);
  const root = panel(element);
  root.querySelector<HTMLInputElement>(`input[name="from"][value="${from}"]`)?.click();
  const input = root.querySelector<HTMLInputElement>('input[name="target"]');
  if (!input) throw new Error('no target input');
  await userEvent.clear(input);
  await userEvent.type(input, text);
  await userEvent.keyboard('{Enter}');
  await settled(element);
}

const targets = (element: Element): Record<string, string> =>
  Object.fromEntries(dataTable(element).map((row) => [row[0] ?? '', row[1] ?? '']));

const changes = (element: Element): string[] =>
  Array.from(
    panel(element).querySelectorAll('.what-if-changes tbody tr'),
    (row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );

async function button(element: SxTargetTreemap, name: string): Promise<void> {
  const found = Array.from(panel(element).querySelectorAll('.what-if button')).find(
    (b) => b.textContent?.trim() === name,
  );
  (found as HTMLButtonElement | undefined)?.click();
  await settled(element);
}

describe('sx-target-treemap what-if mode', () => {
  it('moves a target by typing, from the siblings in proportion, keeping 500万; undo and reset', async () => {
    dataSource('whatif_regions', `${template}/region_targets.csv`);
    const element = await whatIfMap('whatif_regions');
    const events: SxWhatIfDetail[] = [];
    element.addEventListener(SX_WHAT_IF, (event) =>
      events.push((event as CustomEvent<SxWhatIfDetail>).detail),
    );
    expect(targets(element)['华东']).toBe('150万');
    await setTarget(element, '华东', '165万');
    expect(targets(element)).toEqual({
      华东: '165万',
      // 15万 taken from 350万 in proportion: 华北 110万 gives 4.714…万.
      华北: '105.3万',
      华南: '95.71万',
      华中: '76.57万',
      西南: '57.43万',
    });
    expect(shadowText(element, 'header')).toContain('500万');
    expect(events.at(-1)?.changes.find((change) => change.path.join() === '华东')).toEqual({
      path: ['华东'],
      before: 1_500_000,
      after: 1_650_000,
    });
    const total = events
      .at(-1)
      ?.changes.filter((c) => c.path.length === 1)
      .reduce((s, c) => s + c.after - c.before, 0);
    expect(total).toBeCloseTo(0, 6);
    // Every moved tile says before → after; its achievement and colour follow.
    expect(tileNamed(element, '华东').getAttribute('aria-label')).toContain('150万 → 165万');
    expect(dataTable(element)[0]?.[3]).toBe('102%');
    expect(changes(element)).toContain('华东 150万 → 165万');
    await button(element, '撤销');
    expect(targets(element)['华东']).toBe('150万');
    await setTarget(element, '华南', '120万');
    // 华南 took 20万 from the others (华中 80万 → 76万); 华中 then raised to 90万 raises the total.
    await setTarget(element, '华中', '90万', 'total');
    expect(shadowText(element, 'header')).toContain('514万');
    await button(element, '重置');
    expect(targets(element)).toMatchObject({ 华东: '150万', 华南: '100万', 华中: '80万' });
    expect(changes(element)).toEqual([]);
    expect(events.at(-1)?.changes).toEqual([]);
  });

  it('draws on the reserve the page sets and refuses what cannot hold, in zh-CN and en', async () => {
    dataSource('whatif_reserve', `${template}/region_targets.csv`);
    const element = await whatIfMap('whatif_reserve', { 'what-if-reserve': '10%' });
    await setTarget(element, '西南', '80万', 'reserve');
    expect(shadowText(element, '.what-if-reserve')).toBe('预备金：50万 → 30万');
    expect(shadowText(element, 'header')).toContain('520万');
    await setTarget(element, '华中', '120万', 'reserve');
    expect(shadowText(element, '[part="what-if-refusal"]')).toBe(
      '华中：预备金仅剩 30万，不足以支持这次调整。',
    );
    expect(targets(element)['华中']).toBe('80万');
    await setTarget(element, '华中', '-5', 'siblings');
    expect(shadowText(element, '[part="what-if-refusal"]')).toBe('华中：目标不能为负数。');
    await setTarget(element, '华中', '600万', 'siblings');
    expect(shadowText(element, '[part="what-if-refusal"]')).toBe(
      '华中：同级其他板块合计只有 440万，不足以让出这么多。',
    );
    element.setAttribute('lang', 'en');
    await settled(element);
    expect(shadowText(element, '[part="what-if-refusal"]')).toBe(
      '华中: the other tiles at this level hold only 4.4M in all, not enough to give up that much.',
    );
    await setTarget(element, '华中', 'lots', 'siblings');
    expect(shadowText(element, '[part="what-if-refusal"]')).toBe(
      '华中: the new target is not a number.',
    );
  });

  it('makes the scorecard’s weighted score and the alerts on the same source recompute at once', async () => {
    const csv = [
      '区域,日期,目标值,实际值,权重',
      '华东,2024-08-15,150万,90万,0.5',
      '华南,2024-08-15,100万,60万,0.3',
      '西南,2024-08-15,50万,30万,0.2',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    dataSource('whatif_shared', url);
    const element = await whatIfMap('whatif_shared', { levels: '区域' });
    const scorecard = await mount('sx-scorecard', {
      source: 'whatif_shared',
      lang: 'zh-CN',
      'dimension-column': '区域',
    });
    const alerts = await mount('sx-variance-alerts', {
      source: 'whatif_shared',
      lang: 'zh-CN',
      'metric-column': '区域',
      'period-start': '2024-07-01',
      'period-end': '2024-09-30',
      'as-of': '2024-08-15',
    });
    const overall = (): string => shadowText(scorecard, '[part~="overall"], .overall');
    const beforeScore = overall();
    const beforeAlerts = dataTable(alerts);
    expect(dataTable(scorecard).map((row) => row[1])).toEqual(['150万', '100万', '50万']);
    await setTarget(element, '华东', '200万', 'siblings');
    await scorecard.updateComplete;
    await alerts.updateComplete;
    // The scorecard's hidden data table catches up once the edits pause.
    await scorecard.tableComplete;
    expect(dataTable(scorecard).map((row) => row[1])).toEqual(['200万', '66.67万', '33.33万']);
    expect(overall()).not.toBe(beforeScore);
    expect(dataTable(alerts)).not.toEqual(beforeAlerts);
    expect(JSON.stringify(dataTable(alerts))).toContain('华东');
    await button(element, '重置');
    await scorecard.updateComplete;
    await alerts.updateComplete;
    expect(overall()).toBe(beforeScore);
    expect(dataTable(alerts)).toEqual(beforeAlerts);
    URL.revokeObjectURL(url);
  });
});

describe('export of the new target table', () => {
  it('writes GBK byte for byte as Excel does (the template’s GBK targets file)', async () => {
    const bytes = new Uint8Array(await (await fetch(`${template}/targets.gbk.csv`)).arrayBuffer());
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text).toContain('华东');
    const encoded = encodeGbk(text);
    expect(encoded.unwritable).toBe(0);
    expect(encoded.bytes).toEqual(bytes);
  });

  it('saves the same columns in UTF-8 with a BOM, and loading it again gives the edited figures', async () => {
    dataSource('whatif_export', `${template}/region_targets.csv`);
    const element = await whatIfMap('whatif_export');
    await setTarget(element, '华东', '165万');
    const file = await element.whatIfFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    // The decoder takes the byte-order mark off.
    expect(text.split('\r\n')[0]).toBe('区域,产品线,客户类型,目标值,实际值');
    expect(text.split('\r\n')).toContain('华东,工业传感器,大客户,390500,359000');
    const url = URL.createObjectURL(file);
    const again = await mount('sx-target-treemap', {
      src: url,
      levels: '区域,产品线',
      lang: 'zh-CN',
    });
    expect(Object.fromEntries(dataTable(again).map((row) => [row[0], row[1]]))).toEqual(
      targets(element),
    );
    URL.revokeObjectURL(url);
  });

  it('saves a GBK source as GBK, and loading it again gives the edited figures', async () => {
    const csv =
      '区域,产品线,目标值,实际值\r\n华东,软件,100万元,90万\r\n华东,服务,50万元,60万\r\n华南,软件,200万元,150万\r\n';
    const gbk = encodeGbk(csv).bytes as Uint8Array<ArrayBuffer>;
    expect(new TextDecoder('gbk').decode(gbk)).toBe(csv);
    const url = URL.createObjectURL(new Blob([gbk]));
    dataSource('whatif_gbk', url);
    const element = await whatIfMap('whatif_gbk');
    await setTarget(element, '华南', '150万');
    const file = await element.whatIfFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes[0]).not.toBe(0xef);
    const text = new TextDecoder('gbk').decode(bytes);
    expect(text).toBe(
      '区域,产品线,目标值,实际值\r\n华东,软件,1333333.33,90万\r\n华东,服务,666666.67,60万\r\n华南,软件,1500000,150万\r\n',
    );
    const reloaded = URL.createObjectURL(file);
    const again = await mount('sx-target-treemap', {
      src: reloaded,
      levels: '区域,产品线',
      lang: 'zh-CN',
    });
    expect(dataTable(again)).toEqual([
      expect.arrayContaining(['华东', '200万']),
      expect.arrayContaining(['华南', '150万']),
    ]);
    URL.revokeObjectURL(url);
    URL.revokeObjectURL(reloaded);
  });
});

describe('what-if on the template budget', () => {
  it('draws on the contingency module (预备金) as the reserve and checks it against 10–20 %', async () => {
    dataSource('whatif_budget', `${template}/budget.csv`);
    const element = await whatIfMap('whatif_budget', {
      levels: '模块',
      target: '预算',
      actual: '已花费',
      direction: 'lower',
    });
    expect(targets(element)['预备金']).toBe('4.05万');
    await setTarget(element, '推广策略', '13万', 'reserve');
    expect(targets(element)).toMatchObject({
      推广策略: '13万',
      预备金: '1.05万',
      渠道策略: '15万',
    });
    expect(shadowText(element, 'header')).toContain('31.05万');
    expect(changes(element)).toEqual(['推广策略 10万 → 13万', '预备金 4.05万 → 1.05万']);
    expect(shadowText(element, '.what-if')).toContain('预备金占 3%，低于建议的 10–20%');
    await setTarget(element, '产品策略', '4万', 'reserve');
    expect(shadowText(element, '[part="what-if-refusal"]')).toBe(
      '产品策略：预备金仅剩 1.05万，不足以支持这次调整。',
    );
  });
});
