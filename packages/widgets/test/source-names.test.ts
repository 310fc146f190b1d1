import { afterEach, describe, expect, it, vi } from 'vitest';
import '@stratex/widgets/define';
import { dataTable, mount, shadowText } from './helpers';

const template = '/fixtures/template';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('a widget whose source names no sx-data-source on the page', () => {
  // With the clock stopped, an answer that waits for a timer never comes: the widget must
  // find the name undeclared without waiting for the registry to give up.
  it('says so at once, in Chinese, naming the source', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const scorecard = await mount('sx-scorecard', { source: 'nowhere_declared', lang: 'zh-CN' });
    expect(scorecard.state).toBe('error');
    expect(shadowText(scorecard, '[data-state="error"]')).toContain(
      '页面上没有这个名称的数据源（sx-data-source）：nowhere_declared',
    );
  });

  it('says so at once, in English, and a widget on a declared source beside it still fills', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lost = await mount('sx-target-treemap', {
      source: 'regoins',
      levels: '区域',
      target: '目标值',
      actual: '实际值',
      lang: 'en',
    });
    expect(shadowText(lost, '[data-state="error"]')).toContain(
      'No sx-data-source on this page has the name: regoins',
    );
    vi.useRealTimers();
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation_beside');
    source.setAttribute('src', `${template}/evaluation.csv`);
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', { source: 'evaluation_beside', lang: 'en' });
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(lost.state).toBe('error');
  });

  it('waits for a declared source that is given its file later', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation_later');
    document.body.append(source);
    const settled = mount('sx-scorecard', { source: 'evaluation_later', lang: 'zh-CN' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    source.setAttribute('src', `${template}/evaluation.csv`);
    const scorecard = await settled;
    expect(scorecard.state).toBe('ready');
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
  });
});
