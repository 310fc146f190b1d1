import { afterEach, expect, it } from 'vitest';
import { pageEngine } from '@stratex/data';
import '@stratex/widgets/define';
import { SX_DATA_LOAD } from '../../src/base/events';
import { dataTable, mount, shadowText } from '../helpers';

afterEach(() => document.body.replaceChildren());

const loadOf = (element: Element): Promise<unknown> =>
  new Promise((resolve) => element.addEventListener(SX_DATA_LOAD, resolve, { once: true }));

it('moves its widgets to the new file when its src changes, and to that file’s refreshes', async () => {
  const text = await (await fetch('/fixtures/template/evaluation.csv')).text();
  const first = URL.createObjectURL(new Blob([text]));
  const second = URL.createObjectURL(new Blob([text.replace('540万元,108%', '550万元,110%')]));
  const source = document.createElement('sx-data-source');
  source.setAttribute('name', 'evaluation-moved');
  source.setAttribute('src', first);
  document.body.append(source);
  const scorecard = await mount('sx-scorecard', { source: 'evaluation-moved', lang: 'en' });
  expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);

  const reread = loadOf(scorecard);
  source.setAttribute('src', second);
  await reread;
  await scorecard.updateComplete;
  expect(dataTable(scorecard).map((row) => row[3])).toEqual(['110%', '80%', '93%']);

  // The new file's refresh fails: its widgets say their figures are stale.
  URL.revokeObjectURL(second);
  await expect(pageEngine().source('evaluation-moved')?.refresh()).rejects.toThrow();
  await scorecard.updateComplete;
  expect(source.getAttribute('state')).toBe('stale');
  expect(shadowText(scorecard, '[part="notice"]')).toContain(
    'The file could not be refreshed; showing the data loaded at',
  );
  URL.revokeObjectURL(first);
});
