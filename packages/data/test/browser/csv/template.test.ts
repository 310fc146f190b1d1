import { loadCsvUrl } from '../../engine-helpers';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine, type LoadedTable, LoadError } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import {
  disagreements,
  quantityColumns,
  TEMPLATE_VARIANTS,
  type TypedSnapshot,
  typedSnapshot,
} from '../../csv-checks';

const engine = new Engine(() => WasmConnector.open());
afterAll(() => engine.close());

async function load(table: string, variant: string): Promise<[LoadedTable, TypedSnapshot]> {
  const name = `${table}.${variant}`;
  const loaded = await loadCsvUrl(
    engine,
    `${table}_${variant.replace(/\W/g, '_')}`,
    `/fixtures/template/${name}`,
  );
  return [loaded, await typedSnapshot(engine, loaded)];
}

describe('template fixtures in Chromium: every variant, the same typed table', () => {
  for (const [table, variants] of Object.entries(TEMPLATE_VARIANTS)) {
    it(`${table}: ${variants.join(', ')}`, async () => {
      const [reference, referenceSnapshot] = await load(table, 'csv');
      expect(reference.rejects?.count).toBe(0);
      expect(reference.file).toBe(`${table}.csv`);
      expect(await disagreements(engine, reference)).toEqual([]);
      for (const variant of variants.slice(1)) {
        const [loaded, snapshot] = await load(table, variant);
        expect(loaded.rowCount, variant).toBe(reference.rowCount);
        expect(snapshot.kinds, variant).toEqual(referenceSnapshot.kinds);
        expect(await disagreements(engine, loaded), variant).toEqual([]);
        if (variant === 'en.csv') {
          expect(quantityColumns(snapshot), variant).toEqual(quantityColumns(referenceSnapshot));
        } else {
          expect(loaded.columnTypes, variant).toEqual(reference.columnTypes);
          expect(snapshot.rows, variant).toEqual(referenceSnapshot.rows);
        }
      }
    });
  }

  it('reads 500万元 as 5,000,000 money, 15% as 0.15, 2024年6月10日 as 2024-06-10', async () => {
    await loadCsvUrl(engine, 'evaluation', '/fixtures/template/evaluation.gbk.csv');
    const rows = await engine.records(
      'SELECT 目标值 AS target, 目标值_unit AS unit FROM evaluation_typed ORDER BY rowid',
    );
    expect(rows.slice(0, 2)).toEqual([
      { target: 5_000_000, unit: 'money' },
      { target: 0.15, unit: 'percent' },
    ]);
    await loadCsvUrl(engine, 'progress', '/fixtures/template/progress.bom.csv');
    const [first] = await engine.records(
      `SELECT strftime(计划结束时间, '%Y-%m-%d') AS finish FROM progress_typed LIMIT 1`,
    );
    expect(first?.finish).toBe('2024-06-10');
  });
});

describe('hostile files in Chromium', () => {
  const file = (name: string): string => `/fixtures/hostile/files/${name}`;

  it('finds the header under a title row and counts what it skipped', async () => {
    const loaded = await loadCsvUrl(engine, 'title', file('title-row.csv'));
    expect(loaded).toMatchObject({
      headerRow: 3,
      rowCount: 1,
      columns: ['区域', '目标值', '实际值'],
    });
  });

  it('counts a row whose quote never closes, with its line', async () => {
    const loaded = await loadCsvUrl(engine, 'unterminated', file('unterminated-quote.csv'));
    expect(loaded.rowCount).toBe(2);
    expect(loaded.rejects?.first[0]).toMatchObject({ line: 2 });
  });

  it('unpacks a gzip export in the page', async () => {
    const loaded = await loadCsvUrl(engine, 'gzip', file('compressed.csv.gz'));
    expect(loaded.rowCount).toBe(2);
  });

  it('refuses a GBK file marked as UTF-8, saying so', async () => {
    const error = await loadCsvUrl(engine, 'claim', file('gbk-claimed-utf8.csv'), {
      encoding: 'utf-8',
    }).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as Error).message).toContain('is marked as UTF-8, but its text is GBK');
  });

  it('stops a download that is over the size limit, naming the size', async () => {
    const error = await loadCsvUrl(engine, 'big', '/fixtures/template/kpi_daily_2024q3.csv', {
      maxBytes: 1024,
    }).catch((cause: unknown) => cause);
    expect((error as Error).message).toMatch(
      /^kpi_daily_2024q3\.csv is (more than )?\d+ KB, more than this browser can load as CSV \(1 KB\)\. Export it as Parquet/,
    );
  });
});
