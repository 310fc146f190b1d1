import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BlockingConnector, nodeEngine } from '@stratex/data/node';
import { benchTasksCsv, drawDecidedCsv, salesCsv, templateTasksCsv } from '../long-csvs';
import { agreement, countedEngine } from '../memory-agreement';

// The JS reading of small CSVs against DuckDB-WASM (the page's engine, run in Node): every
// fixture, and long files whose kinds no draw of the planning changes, the same load report
// and the same answer to every widget request.
const js = countedEngine(() => BlockingConnector.open());
const database = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
afterAll(() => Promise.all([js.engine.close(), database.close()]));

const root = new URL('../../../../', import.meta.url);
const folders = ['fixtures/template/', 'fixtures/hostile/files/'];
const sharedDir = new URL('../shared/corpus/duckdb-csv/', root);
let sources = 0;

async function agree(
  file: URL | Uint8Array,
  label: string,
): Promise<Awaited<ReturnType<typeof agreement>>> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(readFileSync(file));
  return agreement(js, database, `csv_${++sources}`, bytes, label);
}

describe('small CSVs answered in JS agree with the engine', () => {
  for (const folder of folders) {
    const dir = new URL(folder, root);
    for (const name of readdirSync(dir).filter((file) => /\.csv(\.gz)?$/.test(file))) {
      it(`${folder}${name}`, async () => {
        const found = await agree(new URL(name, dir), name);
        expect(found.differences).toEqual([]);
        if (folder === 'fixtures/template/') {
          expect(found.inJs).toBe(true);
          // Only sums of text columns (not typed as numbers) need the engine's SQL.
          expect(found.toDatabase.filter(({ plan }) => plan !== 'sum-text')).toEqual([]);
        }
        console.log(`${name}: ${found.inJs ? 'JS' : 'engine'} ${JSON.stringify(found.toDatabase)}`);
      });
    }
  }
});

describe('long CSVs are read in JS when no draw of the planning can change their kinds', () => {
  const long = [
    ['10,000 tasks as the benchmark writes them', benchTasksCsv()],
    ['10,000 tasks as the template writes them', templateTasksCsv()],
    ['10,000 sales facts in 万元 and with thousands commas', salesCsv()],
  ] as const;
  for (const [label, bytes] of long) {
    it(label, { timeout: 120_000 }, async () => {
      const found = await agree(bytes, label);
      expect(found.differences).toEqual([]);
      expect(found.inJs).toBe(true);
      expect(found.toDatabase.filter(({ plan }) => plan !== 'sum-text')).toEqual([]);
    });
  }

  it('and left to the engine when the draw decides a kind', { timeout: 120_000 }, async () => {
    const found = await agree(drawDecidedCsv(), 'draw-decided.csv');
    expect(found.differences).toEqual([]);
    expect(found.inJs).toBe(false);
  });
});

describe.skipIf(!existsSync(sharedDir))('the shared corpus (DuckDB test files)', () => {
  const files = existsSync(sharedDir)
    ? readdirSync(sharedDir).filter((file) => file !== 'LICENSE')
    : [];
  for (const name of files) {
    it(name, { timeout: 120_000 }, async () => {
      const found = await agree(new URL(name, sharedDir), name);
      expect(found.differences).toEqual([]);
      console.log(`${name}: ${found.inJs ? 'JS' : 'engine'} ${JSON.stringify(found.toDatabase)}`);
    });
  }
});
