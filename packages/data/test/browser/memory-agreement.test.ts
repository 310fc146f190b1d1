import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { benchTasksCsv, drawDecidedCsv, templateTasksCsv } from '../long-csvs';
import { agreement, countedEngine } from '../memory-agreement';

// In Chromium, with the page's own engine (DuckDB-WASM): every small fixture read in JS gives
// the load report the engine gives, and every widget request the same rows.
const js = countedEngine(() => WasmConnector.open());
const database = new Engine(() => WasmConnector.open(), { inMemoryCsvBytes: 0, recover: false });
afterAll(() => Promise.all([js.engine.close(), database.close()]));

const files = Object.keys(
  import.meta.glob(['/fixtures/template/*.csv', '/fixtures/hostile/files/*.{csv,gz}'], {
    query: '?url',
  }),
);
let sources = 0;

describe('small CSVs answered in JS agree with DuckDB-WASM', () => {
  it('finds the fixtures', () => {
    expect(files.filter((file) => file.includes('/template/')).length).toBeGreaterThan(20);
    expect(files.filter((file) => file.includes('/hostile/')).length).toBeGreaterThan(30);
  });

  for (const file of files) {
    it(file, async () => {
      const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
      const label = file.slice(file.lastIndexOf('/') + 1);
      const found = await agreement(js, database, `csv_${++sources}`, bytes, label);
      expect(found.differences).toEqual([]);
      if (file.includes('/template/')) {
        expect(found.inJs).toBe(true);
        // Only sums of text columns (not typed as numbers) need the engine's SQL.
        expect(found.toDatabase.filter(({ plan }) => plan !== 'sum-text')).toEqual([]);
      }
    });
  }
});

describe('long CSVs read in JS agree with DuckDB-WASM', () => {
  it('10,000 tasks as the benchmark and the template write them', async () => {
    for (const [label, bytes] of [
      ['bench-tasks.csv', benchTasksCsv()],
      ['template-tasks.csv', templateTasksCsv()],
    ] as const) {
      const found = await agreement(js, database, `csv_${++sources}`, bytes, label);
      expect(found.differences).toEqual([]);
      expect(found.inJs).toBe(true);
      expect(found.toDatabase.filter(({ plan }) => plan !== 'sum-text')).toEqual([]);
    }
  });

  it('a file whose kinds hang on the planning draw is read by the engine', async () => {
    const found = await agreement(js, database, `csv_${++sources}`, drawDecidedCsv(), 'drawn.csv');
    expect(found.differences).toEqual([]);
    expect(found.inJs).toBe(false);
  });
});
