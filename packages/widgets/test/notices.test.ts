import { afterEach, describe, expect, it } from 'vitest';
import { pageEngine } from '@stratex/data';
import '@stratex/widgets/define';
import { dataTable, mount, shadowText } from './helpers';

afterEach(() => document.body.replaceChildren());

describe('a widget whose source cannot be refreshed', () => {
  it('keeps the last good figures and says since when they are stale', async () => {
    const csv = await (await fetch('/fixtures/template/evaluation.csv')).blob();
    const url = URL.createObjectURL(csv);
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'evaluation-stale');
    source.setAttribute('src', url);
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', { source: 'evaluation-stale', lang: 'en' });
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(scorecard.shadowRoot?.querySelector('[part="notice"]')).toBeNull();

    URL.revokeObjectURL(url);
    await expect(pageEngine().source('evaluation-stale')?.refresh()).rejects.toThrow();
    await scorecard.updateComplete;

    expect(source.getAttribute('state')).toBe('stale');
    expect(shadowText(scorecard, '[part="notice"]')).toContain(
      'The file could not be refreshed; showing the data loaded at',
    );
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
  });
});

describe('one file named by two widgets in different roles', () => {
  it('is loaded once, into one table', async () => {
    const file = `${location.origin}/fixtures/template/progress.csv`;
    const alerts = await mount('sx-variance-alerts', {
      src: '/fixtures/template/kpi_daily_2024q3.csv',
      'as-of': '2024-06-25',
      'tasks-src': file,
      lang: 'en',
    });
    await (alerts as unknown as { sidesComplete: Promise<unknown> }).sidesComplete;
    await mount('sx-progress-tracker', { src: file, 'as-of': '2024-06-25', lang: 'en' });
    // A small file is read in JS: the database gets it when SQL needs it, once.
    await pageEngine().allInDatabase();
    const tables = await pageEngine().records(
      "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%progress%' AND table_name NOT LIKE '%_typed'",
    );
    expect(tables).toHaveLength(1);
  });
});
