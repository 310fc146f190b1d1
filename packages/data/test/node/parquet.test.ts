import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type LoadProgress } from '@stratex/data';
import { NativeConnector, nodeEngine } from '@stratex/data/node';

const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../../../../fixtures/parquet/${name}`, import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));
const totals = (from: string): string =>
  `SELECT sum(amount) AS amount, count(DISTINCT region)::INT AS regions, count(*) FILTER (WHERE is_key_account)::INT AS key_accounts, min(date)::VARCHAR AS first FROM ${from}`;
const corpusFolder = fileURLToPath(
  new URL('../../../../../shared/corpus/parquet-testing/', import.meta.url),
);

const engine = nodeEngine({ maxDecodedBytes: 256 * 1024 ** 2 });
const native = await NativeConnector.open();
afterAll(async () => {
  await engine.close();
  await native.close();
});

describe('Parquet without DuckDB’s downloadable reader', () => {
  it.each(['snappy', 'zstd', 'gzip', 'uncompressed'])(
    'loads a %s file with its types',
    async (codec) => {
      const table = `sales_${codec}`;
      const loaded = await engine.loadParquetBytes(table, fixture(`sales_sample.${codec}.parquet`));
      expect(loaded.rowCount).toBe(5000);
      expect(loaded.columns).toEqual([
        'date',
        'region',
        'product_line',
        'amount',
        'is_key_account',
      ]);
      const ours = await engine.records(totals(table));
      const reference = await native.query(
        totals(`read_parquet('${fixturePath(`sales_sample.${codec}.parquet`)}')`),
      );
      expect(ours).toEqual(reference.toArray().map((row: { toJSON(): object }) => row.toJSON()));
      expect(ours[0]).toMatchObject({ regions: 4, key_accounts: 715, first: '2024-07-01' });
    },
  );

  it('reads only the columns asked for, and reports rows per row group', async () => {
    const progress: LoadProgress[] = [];
    const loaded = await engine.loadParquetBytes(
      'sales_two',
      fixture('sales_sample.zstd.parquet'),
      {
        columns: ['region', 'amount'],
        onProgress: (step) => progress.push(step),
      },
    );
    expect(loaded.columns).toEqual(['region', 'amount']);
    expect(progress.map((step) => step.rowsLoaded)).toEqual([2048, 4096, 5000]);
    expect(progress.at(-1)?.totalRows).toBe(5000);
  });

  it('names the nearest column when one asked for is missing', async () => {
    await expect(
      engine.loadParquetBytes('evaluation', fixture('evaluation.zstd.parquet'), {
        file: 'evaluation.parquet',
        columns: ['目标'],
      }),
    ).rejects.toThrow('There is no column "目标" in evaluation.parquet. Did you mean "目标值"?');
  });

  it('says a CSV is not Parquet', async () => {
    await expect(
      engine.loadParquetBytes('not_parquet', new TextEncoder().encode('a,b\n1,2\n'), {
        file: 'x.parquet',
      }),
    ).rejects.toThrow(/x\.parquet could not be read as Parquet: it is not a Parquet file/);
  });
});

describe.skipIf(!existsSync(corpusFolder))('the hostile Parquet corpus', () => {
  const files = existsSync(corpusFolder)
    ? readdirSync(corpusFolder).filter((file) => file.endsWith('.parquet'))
    : [];
  const outcomes: Record<string, string> = {};
  afterAll(() => console.log(JSON.stringify(outcomes, null, 2)));

  it.each(files)('%s loads or fails with a specific message', async (file) => {
    const bytes = new Uint8Array(readFileSync(`${corpusFolder}${file}`));
    const table = `corpus_${files.indexOf(file)}`;
    try {
      const loaded = await engine.loadParquetBytes(table, bytes, { file });
      outcomes[file] = `loaded ${loaded.rowCount} rows × ${loaded.columns.length} columns`;
      expect(loaded.columns.length).toBeGreaterThan(0);
    } catch (cause) {
      const message = (cause as Error).message;
      outcomes[file] = message;
      expect(message).toMatch(
        new RegExp(`^${file.replaceAll('.', '\\.')} could not be read as Parquet: .{12,}`),
      );
    }
    if (file.includes('large_string_map'))
      expect(outcomes[file]).toMatch(/once decompressed, more than/);
    expect((await engine.records('SELECT 42 AS answer'))[0]?.answer).toBe(42);
  });
});
