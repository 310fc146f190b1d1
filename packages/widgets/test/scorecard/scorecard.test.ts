import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { SX_DATA_ERROR } from '../../src/base/events';
import { dataTable, mount, shadowText } from '../helpers';

const template = '/fixtures/template';

afterEach(() => {
  document.body.replaceChildren();
});

describe('sx-scorecard on the template evaluation table', () => {
  it('shows 108 %, 80 %, 93 % with their statuses from the UTF-8 export', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      lang: 'zh-CN',
    });
    expect(dataTable(scorecard)).toEqual([
      ['销售额', '500万', '540万', '108%', '达标'],
      ['线索转化率', '15%', '12%', '80%', '未达标'],
      ['新客户数', '30', '28', '93%', '有风险'],
    ]);
    expect(scorecard.shadowRoot?.querySelectorAll('[part~="row"]')).toHaveLength(3);
  });

  it('reads the BOM and GBK exports to the same figures', async () => {
    const reference = dataTable(
      await mount('sx-scorecard', { src: `${template}/evaluation.csv`, lang: 'zh-CN' }),
    );
    for (const variant of ['evaluation.bom.csv', 'evaluation.gbk.csv']) {
      const scorecard = await mount('sx-scorecard', {
        src: `${template}/${variant}`,
        lang: 'zh-CN',
      });
      expect(dataTable(scorecard), variant).toEqual(reference);
    }
  });

  it('speaks English when the page or the element says so', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: `${template}/evaluation.en.csv`,
      lang: 'en',
    });
    const rows = dataTable(scorecard);
    expect(rows.map((row) => [row[3], row[4]])).toEqual([
      ['108%', 'On track'],
      ['80%', 'Off track'],
      ['93%', 'At risk'],
    ]);
    expect(shadowText(scorecard, '[part="data-table"] caption')).toBe('Evaluation scorecard');
  });

  it('takes rows from .data and counts cells it cannot read instead of dropping them', async () => {
    const scorecard = await mount('sx-scorecard', { lang: 'en' }, (element) => {
      element.data = [
        { dimension: 'revenue', target: '500万元', actual: '540万元' },
        { dimension: 'visits', target: '40', actual: 'about thirty' },
      ];
    });
    const rows = dataTable(scorecard);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.[3]).toBe('108%');
    expect(rows[1]?.[3]).toBe('—');
    expect(shadowText(scorecard, '.warning')).toContain('about thirty');
  });

  it('names a missing file and keeps the other widgets on the page working', async () => {
    const errors: string[] = [];
    document.addEventListener(SX_DATA_ERROR, (event) =>
      errors.push((event as CustomEvent).detail.message),
    );
    const broken = await mount('sx-scorecard', {
      src: `${template}/missing-export.csv`,
      lang: 'en',
    });
    const working = await mount('sx-scorecard', { src: `${template}/evaluation.csv`, lang: 'en' });
    expect(shadowText(broken, '[data-state="error"]')).toContain('missing-export.csv');
    expect(shadowText(broken, '[data-state="error"]')).toContain('404');
    expect(errors.some((message) => message.includes('missing-export.csv'))).toBe(true);
    expect(dataTable(working)).toHaveLength(3);
  });

  it('says which columns are missing when a file is not an evaluation table', async () => {
    const scorecard = await mount('sx-scorecard', { lang: 'en' }, (element) => {
      element.data = [{ city: 'Hangzhou', visits: '12' }];
    });
    expect(shadowText(scorecard, '[data-state="error"]')).toMatch(/Missing columns: .*dimension/);
  });
});

describe('sx-scorecard column attributes', () => {
  it('refuses a misspelt column attribute and names the nearest real column', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      lang: 'en',
      'target-column': '目标',
    });
    const text = shadowText(scorecard, '[data-state="error"]');
    expect(text).toContain('Missing columns: 目标');
    expect(text).toContain('“目标” → did you mean “目标值”');
    expect(text).toContain('Columns in this file: 评估维度, 目标值, 实际值');
  });
});

describe('sx-data-source shared by several widgets', () => {
  it('loads once and feeds every widget that names it', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation-shared');
    source.setAttribute('src', `${template}/evaluation.gbk.csv`);
    document.body.append(source);
    const first = await mount('sx-scorecard', { source: 'evaluation-shared', lang: 'zh-CN' });
    const second = await mount('sx-scorecard', {
      source: 'evaluation-shared',
      lang: 'zh-CN',
      compact: '',
    });
    expect(dataTable(first).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(dataTable(second)).toEqual(dataTable(first));
  });
});

describe('sx-scorecard selection, keyboard and exports', () => {
  it('cross-filters another widget on the same source; choosing again clears', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation-filter');
    source.setAttribute('src', `${template}/evaluation.csv`);
    document.body.append(source);
    const chooser = await mount('sx-scorecard', { source: 'evaluation-filter', lang: 'zh-CN' });
    const follower = await mount('sx-scorecard', { source: 'evaluation-filter', lang: 'zh-CN' });
    const selections: unknown[] = [];
    document.addEventListener('sx-select', (event) =>
      selections.push((event as CustomEvent).detail),
    );

    const rows = chooser.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]') ?? [];
    expect(rows).toHaveLength(3);
    rows[0]?.focus();
    rows[0]?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
    );
    await chooser.updateComplete;
    const focused = chooser.shadowRoot?.activeElement as HTMLElement | null;
    expect(focused?.textContent).toContain('线索转化率');
    focused?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await follower.updateComplete;
    await chooser.updateComplete;

    expect(selections.at(-1)).toEqual({
      source: 'evaluation-filter',
      selection: { 评估维度: '线索转化率' },
    });
    expect(dataTable(follower).map((row) => row[0])).toEqual(['线索转化率']);
    expect(dataTable(chooser)).toHaveLength(3);
    expect(chooser.shadowRoot?.querySelector('[aria-selected="true"]')?.textContent).toContain(
      '线索转化率',
    );

    chooser.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]')[1]?.click();
    await follower.updateComplete;
    expect(selections.at(-1)).toEqual({ source: 'evaluation-filter', selection: null });
    expect(dataTable(follower)).toHaveLength(3);
  });

  it('exports its figures as CSV that Excel reads, and its picture as SVG', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: `${template}/evaluation.csv`,
      lang: 'zh-CN',
      exportable: '',
    });
    const csv = scorecard.toCsv();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('销售额,500万,540万,108%,达标');
    const svg = scorecard.toSvg();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('108%');
    expect(svg).toContain('线索转化率');
    expect(scorecard.shadowRoot?.querySelectorAll('[part~="export-button"]')).toHaveLength(3);
  });
});
