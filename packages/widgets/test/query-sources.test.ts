import { pageEngine } from '@stratex/data';
import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { SX_DATA_LOAD } from '../src/base/events';
import { faultFile, publish } from './fault-files';
import { dataTable, mount, shadowText } from './helpers';

const template = '/fixtures/template';

afterEach(() => {
  document.body.replaceChildren();
});

describe('a widget query over the page’s named sources', () => {
  it('waits for a source declared just before it instead of failing on a missing table', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation_before');
    source.setAttribute('src', `${template}/evaluation.csv`);
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', {
      query: 'SELECT * FROM evaluation_before',
      lang: 'zh-CN',
    });
    expect(scorecard.shadowRoot?.textContent).not.toContain('Catalog Error');
    expect(dataTable(scorecard)).toEqual([
      ['销售额', '500万', '540万', '108%', '达标'],
      ['线索转化率', '15%', '12%', '80%', '未达标'],
      ['新客户数', '30', '28', '93%', '有风险'],
    ]);
  });

  it('waits for a source whose element comes after it on the page', async () => {
    const settled = mount('sx-scorecard', {
      query: 'SELECT * FROM "Evaluation_After" WHERE 达成率 IS NOT NULL',
      lang: 'zh-CN',
    });
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation_after');
    source.setAttribute('src', `${template}/evaluation.csv`);
    document.body.append(source);
    const scorecard = await settled;
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
  });

  it('says which source failed when a named source cannot be read', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'missing_export');
    source.setAttribute('src', `${template}/no-such-file.csv`);
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', { query: 'SELECT * FROM missing_export' });
    const error = scorecard.shadowRoot?.querySelector('[data-state="error"]')?.textContent ?? '';
    expect(error).toContain('no-such-file.csv');
    expect(error).not.toContain('Catalog Error');
  });
});

describe('a widget query over a source that refreshes', () => {
  it('reads again when the source reloads a changed file, and says when a refresh failed', async () => {
    const key = 'query-refreshed';
    const original = await (await fetch(`${template}/evaluation.csv`)).text();
    await publish(key, original);
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation_refreshed');
    source.setAttribute('src', faultFile(key));
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', {
      query: 'SELECT * FROM "Evaluation_Refreshed"',
      lang: 'zh-CN',
    });
    const achievements = (): string[] => dataTable(scorecard).map((row) => row[3] ?? '');
    expect(achievements()).toEqual(['108%', '80%', '93%']);
    const live = pageEngine().source('evaluation_refreshed');

    // The new version cannot be read: the figures stay, marked as older than the file.
    await publish(key, original, true);
    await expect(live?.refresh()).rejects.toThrow(/broke off/);
    await scorecard.updateComplete;
    expect(shadowText(scorecard, '[part="notice"]')).toContain('文件刷新失败');
    expect(achievements()).toEqual(['108%', '80%', '93%']);

    // The file changes: the query is read again over the new table.
    await publish(key, original.replace('540万元,108%', '600万元,120%'));
    const reloaded = new Promise((resolve) =>
      scorecard.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
    );
    await live?.refresh();
    await reloaded;
    await scorecard.updateComplete;
    expect(achievements()).toEqual(['120%', '80%', '93%']);
    expect(scorecard.shadowRoot?.querySelector('[part="notice"]')).toBeNull();
  }, 120_000);
});
