import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageEngine, type RecordRow } from '@stratex/data';
import '@stratex/widgets/define';
import { hostileAttributes, hostileStrings } from '../../../fixtures/hostile/strings';
import { dataTable, mount, shadowText } from './helpers';
import { SX_DATA_LOAD } from '../src/base/events';
import { madeFromData, normal, page, pageErrors } from './hostile-checks';

/**
 * Hostile data through every widget, not only the loader: markup, script, CSS and SQL in
 * cells and column names, right-to-left and emoji text, a 300-character label, numbers that
 * are text, zero, negative, NaN or infinite, dates out of order, thousands of rows. Each
 * widget renders or says what is wrong; nothing runs, no element is made from data, no
 * exception reaches the page, and a scorecard beside them keeps working.
 */
type Widget = HTMLElement & {
  state: string;
  updateComplete: Promise<unknown>;
  load(): Promise<void>;
};
type Tag = 'sx-target-treemap' | 'sx-progress-tracker' | 'sx-variance-alerts' | 'sx-scorecard';

const labels = hostileStrings.map((entry) => entry.text);

let sentinel: Widget;

beforeAll(async () => {
  sentinel = (await mount('sx-scorecard', {
    src: '/fixtures/template/evaluation.csv',
    lang: 'en',
  })) as Widget;
  await pageEngine().query('CREATE TABLE x AS SELECT 1 AS kept');
});

/** After each group: nothing ran or was made, no error reached the page, the sentinel works. */
async function expectContained(): Promise<void> {
  expect(page.__sxHostileRan).toBeUndefined();
  expect(madeFromData()).toEqual([]);
  expect(pageErrors.splice(0)).toEqual([]);
  await sentinel.load();
  await sentinel.updateComplete;
  expect(dataTable(sentinel).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
  expect(await pageEngine().records('SELECT kept FROM x')).toEqual([{ kept: 1 }]);
}

afterAll(() => {
  for (const element of document.body.querySelectorAll(
    'sx-target-treemap, sx-progress-tracker, sx-variance-alerts, sx-scorecard',
  ))
    element.remove();
});

let sources = 0;
/** Loads rows into the page engine as a new named source (through DuckDB, as a file would be). */
async function source(rows: readonly RecordRow[]): Promise<string> {
  const name = `hostile_${++sources}`;
  await pageEngine().defineSource(name, { records: rows }).ready;
  return name;
}

async function widget(tag: Tag, attributes: Record<string, string>): Promise<Widget> {
  return (await mount(tag, { lang: 'zh-CN', ...attributes })) as Widget;
}

/** The widget's error message, or '' when it rendered. */
const errorText = (element: Element): string => shadowText(element, '[data-state="error"]');

describe(`${hostileStrings.length} hostile strings as cell text`, () => {
  it('label the treemap’s tiles as text', async () => {
    const name = await source(
      labels.map((text, at) => ({ region: text, target: 1000 + at, actual: 900 + at })),
    );
    const treemap = await widget('sx-target-treemap', { source: name, levels: 'region' });
    expect(treemap.state).toBe('ready');
    const shown = dataTable(treemap).map((row) => row[0] ?? '');
    // A row whose only level is blank states the total (rollup.ts), so it is no tile.
    const tiles = labels.map(normal).filter((text) => text !== '');
    expect(shown.sort()).toEqual(tiles.sort());
    await expectContained();
  });

  it('fill every text column of the scorecard as text', async () => {
    const name = await source(
      labels.map((text, at) => ({
        dimension: text,
        target: 100,
        actual: 80 + at,
        variance_analysis: text,
        suggestion: text,
      })),
    );
    const scorecard = await widget('sx-scorecard', { source: name });
    expect(scorecard.state).toBe('ready');
    const shown = dataTable(scorecard).map((row) => row[0] ?? '');
    for (const text of labels) expect(shown).toContain(normal(text));
    expect(scorecard.shadowRoot?.textContent).toContain(labels[0]);
    await expectContained();
  });

  it('name tasks, owners, risks and mitigations in the progress tracker as text', async () => {
    const name = await source(
      labels.map((text) => ({
        task: text,
        owner: text,
        planned_start: '2024-06-01',
        planned_end: '2024-06-30',
        progress: '50%',
        risk: text,
        mitigation: text,
      })),
    );
    const tracker = await widget('sx-progress-tracker', { source: name, 'as-of': '2024-06-18' });
    expect(tracker.state).toBe('ready');
    const shown = dataTable(tracker).map((row) => row[0] ?? '');
    for (const text of labels) expect(shown).toContain(normal(text));
    await expectContained();
  });

  it('name the variance alerts’ metrics and units as text', async () => {
    const rows = labels.flatMap((text) =>
      ['2024-07-01', '2024-07-15', '2024-08-01'].map((date) => ({
        date,
        metric: text,
        actual: 10,
        target: 1000,
        unit: text,
      })),
    );
    const alerts = await widget('sx-variance-alerts', {
      source: await source(rows),
      'as-of': '2024-08-15',
    });
    expect(alerts.state).toBe('ready');
    const text = normal(alerts.shadowRoot?.textContent ?? '');
    for (const label of labels) expect(text).toContain(normal(label));
    await expectContained();
  });
});

describe(`${hostileStrings.length} hostile strings as column names`, () => {
  const columns = Object.fromEntries(labels.map((text, at) => [text, `value ${at}`]));

  it.each<Tag>(['sx-target-treemap', 'sx-progress-tracker', 'sx-variance-alerts', 'sx-scorecard'])(
    '%s says which columns are missing and lists the file’s columns as text',
    async (tag) => {
      const element = await widget(tag, { source: await source([columns]), 'as-of': '2024-08-15' });
      const said = errorText(element);
      for (const text of labels.slice(0, 10)) expect(said).toContain(normal(text));
      expect(said).toMatch(/缺少列|未找到/);
      await expectContained();
    },
  );
});

describe(`${hostileAttributes.length} hostile attribute values`, () => {
  it.each(
    hostileAttributes.map((entry) => [entry.element, entry.attribute, entry.value, entry] as const),
  )(
    '%s %s="%s" renders or says what is wrong, and table x survives',
    async (tag, attribute, value, entry) => {
      const name = await source([
        {
          region: '华东',
          dimension: '收入',
          target: 500,
          actual: 540,
          date: '2024-07-01',
          metric: '收入',
          task: '拜访',
          planned_start: '2024-06-01',
          planned_end: '2024-06-30',
          progress: '50%',
        },
      ]);
      const from: Record<string, string> =
        attribute === 'query' || attribute === 'source' ? {} : { source: name };
      const element = await widget(tag, { 'as-of': '2024-07-15', ...from, [attribute]: value });
      if (entry.says) {
        expect(errorText(element)).toContain(entry.says);
      } else {
        // A side table (tasks-src) may settle first: wait for the widget's own rows.
        if (element.state === 'loading') {
          await new Promise((resolve) =>
            element.addEventListener(SX_DATA_LOAD, resolve, { once: true }),
          );
          await element.updateComplete;
        }
        expect(errorText(element)).toBe('');
        expect(element.state).toBe('ready');
        expect(dataTable(element).length).toBeGreaterThan(0);
      }
      await expectContained();
    },
  );
});
