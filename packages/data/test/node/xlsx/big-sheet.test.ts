import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadProgress } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import { writeBigSheet, type BigSheetFiles } from '../../../../../fixtures/xlsx/make/big-sheet';
import { readWorkbook } from '../../../src/xlsx/read-workbook';

// A sheet of 20,000 rows that exceljs's streaming writer makes here, beside the CSV it must
// read to: its XML (about 5 MB) is walked as it unpacks, chunk by chunk.
const ROWS = 20_000;
let folder = '';
let files: BigSheetFiles;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'stratex-big-sheet-'));
  files = await writeBigSheet(folder, ROWS);
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

describe('a big sheet', () => {
  it('reads to the CSV of the same rows, byte for byte, telling the rows read as it goes', async () => {
    const heard: LoadProgress[] = [];
    const sheet = await readWorkbook(bytes(files.xlsx), {
      file: 'sales.xlsx',
      maxBytes: 100_000_000,
      onProgress: (progress) => heard.push(progress),
    });
    expect(sheet.sheet).toBe('销售明细');
    expect(Buffer.from(sheet.csv).equals(readFileSync(files.csv))).toBe(true);
    expect(heard.length).toBeGreaterThan(3);
    expect(heard.every((progress) => progress.phase === 'decode')).toBe(true);
    const rows = heard.map((progress) => progress.rowsLoaded ?? -1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows[0]).toBeGreaterThan(0);
    const last = heard.at(-1)!;
    expect(last.rowsLoaded).toBe(ROWS + 1);
    expect(last.bytesRead).toBe(last.totalBytes);
  });

  it('loads as a source whose progress events count the rows, to the same sums as its CSV', async () => {
    const engine = nativeEngine();
    try {
      const source = engine.defineSource('big_book', {
        bytes: bytes(files.xlsx),
        label: 'sales.xlsx',
      });
      const heard: LoadProgress[] = [];
      source.addEventListener('progress', (event) =>
        heard.push((event as CustomEvent<LoadProgress>).detail),
      );
      const loaded = await source.ready;
      expect(loaded.rowCount).toBe(ROWS);
      const counted = heard.filter(
        (progress) => progress.phase === 'decode' && progress.rowsLoaded,
      );
      expect(counted.length).toBeGreaterThan(3);
      expect(counted.at(-1)?.rowsLoaded).toBe(ROWS + 1);
      await engine.defineSource('big_csv', { bytes: bytes(files.csv), label: 'sales.csv' }).ready;
      const sums = (source: string) =>
        engine.coordinator.request({
          kind: 'aggregate',
          source,
          groupBy: ['region'],
          measures: [
            { column: 'amount', aggregate: 'sum', digits: 2 },
            { column: 'target', aggregate: 'sum', digits: 2 },
          ],
          orderBy: [{ column: 'region' }],
        });
      const [book, csv] = await Promise.all([sums('big_book'), sums('big_csv')]);
      expect(book.rows.length).toBeGreaterThan(3);
      expect(book.rows).toEqual(csv.rows);
    } finally {
      await engine.close();
    }
  });
});
