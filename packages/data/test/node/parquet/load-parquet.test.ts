import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LoadError, type LoadProgress, quoteIdentifier } from '@stratex/data';
import { NativeConnector, nodeEngine } from '@stratex/data/node';
import { SHARED_PARQUET_OUTCOMES } from '../../../../../fixtures/hostile/shared-corpus';

const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../../../../../fixtures/parquet/${name}`, import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));
const totals = (from: string): string =>
  `SELECT sum(amount) AS amount, count(DISTINCT region)::INT AS regions, count(*) FILTER (WHERE is_key_account)::INT AS key_accounts, min(date)::VARCHAR AS first FROM ${from}`;
const corpusFolder = fileURLToPath(
  new URL('../../../../../../shared/corpus/parquet-testing/', import.meta.url),
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
      const loaded = await engine.tables.loadParquetBytes(
        table,
        fixture(`sales_sample.${codec}.parquet`),
      );
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
    const loaded = await engine.tables.loadParquetBytes(
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
      engine.tables.loadParquetBytes('evaluation', fixture('evaluation.zstd.parquet'), {
        file: 'evaluation.parquet',
        columns: ['目标'],
      }),
    ).rejects.toThrow('There is no column "目标" in evaluation.parquet. Did you mean "目标值"?');
  });

  it('says a CSV is not Parquet', async () => {
    await expect(
      engine.tables.loadParquetBytes('not_parquet', new TextEncoder().encode('a,b\n1,2\n'), {
        file: 'x.parquet',
      }),
    ).rejects.toThrow(/x\.parquet could not be read as Parquet: it is not a Parquet file/);
  });
});

const corpusPresent = existsSync(corpusFolder);
const decided = Object.entries(SHARED_PARQUET_OUTCOMES);

/** The rows as text, in the form the committed fingerprints were taken in. */
const fingerprintSql = (table: string, columns: readonly string[]): string => {
  const line = columns
    .map((column) => `coalesce(${quoteIdentifier(column)}::VARCHAR, 'NULL')`)
    .join(`, '|', `);
  return `SELECT md5(string_agg(line, chr(10) ORDER BY line)) AS fingerprint FROM (SELECT concat(${line}) AS line FROM ${quoteIdentifier(table)})`;
};

// Without ../shared/corpus every file below is reported as skipped, by name, never left out.
describe.skipIf(!corpusPresent)(`the hostile Parquet corpus (${decided.length} files)`, () => {
  it('holds exactly the files whose outcome is decided', () => {
    const onDisk = readdirSync(corpusFolder).filter((file) => file.endsWith('.parquet'));
    expect(onDisk.sort()).toEqual(decided.map(([file]) => file).sort());
  });

  for (const [index, [file, outcome]] of decided.entries()) {
    const test = outcome.knownFailure ? it.fails : it;
    const name = outcome.knownFailure
      ? `${file}: known failure, ${outcome.knownFailure}`
      : `${file}: ${outcome.loads ? `loads ${outcome.rows} rows` : 'fails'}, ${outcome.why}`;
    test(name, async () => {
      const bytes = new Uint8Array(readFileSync(`${corpusFolder}${file}`));
      const table = `corpus_${index}`;
      const loading = engine.tables.loadParquetBytes(table, bytes, { file });
      if (outcome.loads) {
        const loaded = await loading;
        expect(loaded.rowCount).toBe(outcome.rows);
        expect(loaded.columns).toEqual(outcome.columns);
        const [row] = await engine.records(fingerprintSql(table, loaded.columns));
        expect(row?.fingerprint, 'the rows, compared with native DuckDB’s reading').toBe(
          outcome.fingerprint,
        );
      } else {
        const error = await loading.then(
          () => undefined,
          (cause: unknown) => cause,
        );
        expect(error).toBeInstanceOf(LoadError);
        const message = (error as LoadError).message;
        expect(message.startsWith(`${file} could not be read as Parquet: `), message).toBe(true);
        expect(message).toContain(outcome.message);
      }
      expect((await engine.records('SELECT 42 AS answer'))[0]?.answer).toBe(42);
    });
  }
});
