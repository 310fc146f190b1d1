import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { dataTable, mount } from '../helpers';

afterEach(() => document.body.replaceChildren());

describe('a widget’s lang attribute set after it drew (as frameworks do)', () => {
  it('redraws the same figures in the new language, without reading the file again', async () => {
    const scorecard = await mount('sx-scorecard', {
      src: '/fixtures/template/evaluation.csv',
      lang: 'zh-CN',
    });
    expect(dataTable(scorecard).map((row) => row[4])).toEqual(['达标', '未达标', '有风险']);
    let reloads = 0;
    scorecard.addEventListener('sx-data-load', () => reloads++);
    scorecard.setAttribute('lang', 'en');
    await scorecard.updateComplete;
    expect(dataTable(scorecard).map((row) => row[4])).toEqual(['On track', 'Off track', 'At risk']);
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(reloads).toBe(0);
  });
});
