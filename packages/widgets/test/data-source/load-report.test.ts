import { afterAll, afterEach, expect, it } from 'vitest';
import { Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { SX_DATA_LOAD } from '../../src/base/events';
import type { SxSourceLoadDetail } from '../../src/data-source/data-source';

// `sx-data-load` accounts for every line of a CSV: what is in the table and what was left
// out, by reason, for a page to show or log (not only on the element's own report).
const engine = new Engine(() => WasmConnector.open());
(globalThis as Record<symbol, unknown>)[Symbol.for('stratex.engine')] = engine;
await import('@stratex/widgets/define');
afterAll(() => engine.close());
afterEach(() => document.body.replaceChildren());

const lines = (...rows: string[]): string => `${rows.join('\r\n')}\r\n`;

async function loadReport(name: string, text: string): Promise<SxSourceLoadDetail> {
  const element = document.createElement('sx-data-source');
  element.setAttribute('name', name);
  element.file = new File([text], `${name}.csv`, { type: 'text/csv' });
  const loaded = new Promise<SxSourceLoadDetail>((resolve) => {
    element.addEventListener(
      SX_DATA_LOAD,
      (event) => resolve((event as CustomEvent<SxSourceLoadDetail>).detail),
      { once: true },
    );
  });
  document.body.append(element);
  return loaded;
}

it('counts the title lines above the real header, and names the header line', async () => {
  const detail = await loadReport(
    'titled',
    lines(
      'Report,Sales targets',
      'Region,All',
      'Period,2024 Q3',
      '区域,目标值,实际值',
      '华东,150万元,168万元',
      '',
      '华北,110万元,115万元',
      '华南,100万元,90万元',
      '华中,80万元',
    ),
  );
  expect(detail.rowCount).toBe(3);
  expect(detail.report).toEqual({
    rows: 3,
    rejected: { rows: 1, cells: 0 },
    skipped: { titleRows: 3, repeatedHeaders: 0, blankRows: 1 },
    headerLine: 4,
    delimiter: ',',
    encoding: 'utf-8',
    notes: [
      'The header is on line 4; 3 lines above it (lines 1, 2, 3) were passed over as titles or notes.',
    ],
  });
});

it("counts the header copies of a report's pages and says which lines they were", async () => {
  const detail = await loadReport(
    'paged',
    lines(
      '区域,目标值',
      '华东,150万元',
      '华北,110万元',
      '区域,目标值',
      '华南,100万元',
      '华中,80万元',
    ),
  );
  expect(detail.report?.rows).toBe(4);
  expect(detail.report?.skipped).toEqual({ titleRows: 0, repeatedHeaders: 1, blankRows: 0 });
  expect(detail.report?.notes).toEqual([
    '1 line repeating the header further down (line 4) was left out.',
  ]);
});

it('says when the file has no header row, and keeps its first row', async () => {
  const detail = await loadReport(
    'headerless',
    lines('Alice,30,2024-01-05', 'Bob,25,2024-02-11', 'Carol,41,2024-03-20'),
  );
  expect(detail.columns).toEqual(['column_1', 'column_2', 'column_3']);
  expect(detail.report?.rows).toBe(3);
  expect(detail.report?.headerLine).toBeNull();
});
