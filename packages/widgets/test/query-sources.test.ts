import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { dataTable, mount } from './helpers';

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
