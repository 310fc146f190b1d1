import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { pageEngine } from '@stratex/data';
import { pageSelection } from '../../src/base/selection';
import type { SxDrillPanel } from '../../src/base/drill-panel';
import { dataTable, mount } from '../helpers';

// The generated 1M-row sales facts, given title rows above the header and rows whose channel
// holds a line break inside quotes: the panel's lines are the file's, its totals the tile's.

afterEach(() => {
  document.body.replaceChildren();
  pageSelection().toggle('facts', null, null);
});

const TITLES = '2024年第三季度销售明细\n导出时间：2024-10-01\n\n';
const BROKEN = '2024-08-15,华东,数据平台,大客户,"线上\n直播",1234.5,1000\n';

/** The facts with three title lines and a quoted line break every 250,000 rows. */
async function titledFacts(): Promise<string> {
  const text = await (await fetch('/fixtures/generated/sales_1000000.csv')).text();
  const parts = [TITLES];
  let from = 0;
  let rows = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (++rows % 250_000 !== 0) continue;
    parts.push(text.slice(from, at + 1), BROKEN);
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function shownRows(panel: SxDrillPanel): { line: number; written: string[] }[] {
  const rows = panel.shadowRoot?.querySelectorAll('table[part="rows"] tbody tr') ?? [];
  return Array.from(rows, (row) => ({
    line: Number(row.querySelector('th')?.textContent),
    written: Array.from(row.querySelectorAll('td .written'), (cell) => cell.textContent ?? ''),
  }));
}

describe('drill-through of 1M rows with title rows and quoted line breaks', () => {
  it('gives each row its line in the file and the tile its own totals', async () => {
    const text = await titledFacts();
    const lines = text.split('\n');
    const engine = pageEngine();
    engine.defineSource('facts', { bytes: new TextEncoder().encode(text), label: 'facts.csv' });
    const treemap = await mount('sx-target-treemap', {
      source: 'facts',
      levels: 'region,product_line',
      target: 'target_share',
      actual: 'amount',
      lang: 'en',
    });
    const opened: number[] = [];
    const open = async (figure: Record<string, string>): Promise<SxDrillPanel> => {
      document.querySelector<SxDrillPanel>('sx-drill-panel')?.close();
      const start = performance.now();
      expect(await treemap.drillThrough(figure)).toBe(true);
      opened.push(performance.now() - start);
      return document.querySelector<SxDrillPanel>('sx-drill-panel')!;
    };

    const east = await open({ region: '华东' });
    const rows = shownRows(east);
    expect(rows).toHaveLength(50);
    for (const row of rows) expect(lines[row.line - 1]).toBe(row.written.join(','));
    const tile = dataTable(treemap).find((row) => row[0] === '华东')!;
    const totals = Array.from(east.shadowRoot!.querySelectorAll('[part="totals"] li'), (li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(totals[0]).toMatch(new RegExp(`^Total target_share: ${tile[1]!.replace('.', '\\.')} `));
    expect(totals[1]).toMatch(new RegExp(`^Total amount: ${tile[2]!.replace('.', '\\.')} `));

    const broken = await open({ region: '华东', channel: '线上\n直播' });
    const found = shownRows(broken);
    expect(found).toHaveLength(4);
    for (const row of found) {
      expect(lines[row.line - 1]).toBe('2024-08-15,华东,数据平台,大客户,"线上');
      expect(lines[row.line]).toBe('直播",1234.5,1000');
      expect(row.written[4]).toBe('线上\n直播');
    }
    // The k-th inserted row follows the 250,000·k lines of the facts before it (header
    // included), the 3 title lines and the k - 1 two-line rows inserted above it.
    expect(found.map((row) => row.line)).toEqual(
      [1, 2, 3, 4].map((k) => 250_000 * k + 3 + 2 * (k - 1) + 1),
    );

    for (const region of ['华南', '华北', '西部', '华中']) await open({ region });
    console.info(
      `drill-through first page, 1M rows: ${opened.map((ms) => Math.round(ms)).join(', ')} ms`,
    );
  });
});
