import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type LoadedTable, LoadError } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';
import { HOSTILE_CASES, type Outcome } from '../../../../../fixtures/hostile/corpus';
import { SHARED_CSV_OUTCOMES } from '../../../../../fixtures/hostile/shared-corpus';
import { disagreements } from '../../csv-checks';

const engine = nodeEngine({ timeoutMs: 30_000 });
afterAll(() => engine.close());

const filesDir = new URL('../../../../../fixtures/hostile/files/', import.meta.url);
const sharedDir = new URL('../../../../../../shared/corpus/duckdb-csv/', import.meta.url);
let loads = 0;

/** Loads bytes and checks the outcome; returns the load for further checks. */
async function expectOutcome(
  file: string,
  bytes: Uint8Array,
  outcome: Outcome,
  encoding?: 'utf-8' | 'gbk',
): Promise<LoadedTable | undefined> {
  const loading = engine.tables.loadCsvBytes(`hostile_${++loads}`, bytes, {
    file,
    ...(encoding ? { encoding } : {}),
  });
  if (!outcome.loads) {
    const error = await loading.then(
      () => undefined,
      (cause: unknown) => cause,
    );
    expect(error, file).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toContain(outcome.message);
    return undefined;
  }
  const loaded = await loading;
  expect(loaded.rowCount, 'rows').toBe(outcome.rows);
  expect(loaded.rejects?.rows ?? 0, 'rejected rows').toBe(outcome.rejectedRows ?? 0);
  if (outcome.rejectedCells !== undefined) {
    expect(loaded.rejects?.cells, 'rejected cells').toBe(outcome.rejectedCells);
  }
  const expected: Partial<LoadedTable> = {};
  if (outcome.headerRow !== undefined) expected.headerRow = outcome.headerRow;
  if (outcome.columns) expected.columns = outcome.columns;
  if (outcome.encoding) expected.encoding = outcome.encoding;
  if (outcome.delimiter) expected.delimiter = outcome.delimiter;
  expect(loaded).toMatchObject(expected);
  expect(loaded.skippedRows).toMatchObject({
    ...(outcome.blank !== undefined ? { blank: outcome.blank } : {}),
    ...(outcome.aboveHeader !== undefined ? { aboveHeader: outcome.aboveHeader } : {}),
    ...(outcome.repeatedHeader !== undefined ? { repeatedHeader: outcome.repeatedHeader } : {}),
  });
  if (outcome.note) expect(loaded.notes?.join(' ')).toContain(outcome.note);
  const [count] = await engine.records(`SELECT count(*)::INT AS n FROM "${loaded.table}"`);
  expect(count?.n, 'rows in the text table').toBe(outcome.rows);
  for (const reject of loaded.rejects?.first ?? []) {
    expect(reject.line).toBeGreaterThan(0);
    expect(reject.reason).toMatch(/^(expected|the row has|a quoted value)/);
  }
  if (loaded.rowCount <= 5_000 && (loaded.columns.length ?? 0) <= 200) {
    expect(await disagreements(engine, loaded)).toEqual([]);
  }
  return loaded;
}

describe('hostile corpus (fixtures/hostile)', () => {
  it('has every small case written to files/ by make-corpus.ts', () => {
    const committed = readdirSync(filesDir).sort();
    const small = HOSTILE_CASES.filter((c) => !c.generated).map((c) => c.file);
    expect(committed).toEqual([...small].sort());
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
  });

  for (const entry of HOSTILE_CASES) {
    it(`${entry.file}: ${entry.tests}`, { timeout: 60_000 }, async () => {
      const bytes = entry.generated
        ? entry.bytes()
        : new Uint8Array(readFileSync(new URL(entry.file, filesDir)));
      await expectOutcome(entry.file, bytes, entry.outcome, entry.encoding);
    });
  }
});

describe('hostile corpus: the details that matter', () => {
  const bytesOf = (file: string): Uint8Array =>
    new Uint8Array(readFileSync(new URL(file, filesDir)));

  it('names the line, column, value and reason of each reject', async () => {
    const loaded = await engine.tables.loadCsvBytes('details_1', bytesOf('quoted-newlines.csv'));
    expect(loaded.rejects?.first).toEqual([
      { line: 6, column: '目标值', value: '待定', reason: 'expected a number, found text' },
    ]);
    const ragged = await engine.tables.loadCsvBytes('details_2', bytesOf('ragged-rows.csv'));
    expect(ragged.rejects?.first.map((r) => [r.line, r.reason])).toEqual([
      [3, 'the row has 2 values but the header has 3 values'],
      [4, 'the row has 4 values but the header has 3 values'],
    ]);
    const open = await engine.tables.loadCsvBytes('details_3', bytesOf('unterminated-quote.csv'));
    expect(open.rejects?.first[0]).toMatchObject({
      line: 2,
      reason: 'a quoted value starts here and is never closed',
    });
  });

  it('keeps columns whose names differ only in case, each with its own values', async () => {
    const loaded = await engine.tables.loadCsvBytes(
      'details_case',
      bytesOf('case-only-headers.csv'),
    );
    expect(loaded.notes).toEqual([
      'Column names that repeat, or differ only in case, would name one column in the database, so they were made unique: REGION → REGION_2, region → region_3.',
    ]);
    const rows = await engine.records(
      'SELECT "Region", "REGION_2", "region_3", "目标值" FROM details_case_typed ORDER BY "目标值"',
    );
    expect(rows).toEqual([
      { Region: '华北', REGION_2: 'North', region_3: 'n', 目标值: 100 },
      { Region: '华南', REGION_2: 'South', region_3: 's', 目标值: 120 },
      { Region: '华东', REGION_2: 'East', region_3: 'e', 目标值: 150 },
    ]);
  });

  it('unwraps ="00123" into the code it protects', async () => {
    await engine.tables.loadCsvBytes('details_codes', bytesOf('excel-text-codes.csv'));
    const rows = await engine.records('SELECT 客户编码 FROM details_codes_typed');
    expect(rows.map((row) => row.客户编码)).toEqual(['00123', '00456', '00789']);
  });

  it('keeps rare characters intact through GB18030', async () => {
    await engine.tables.loadCsvBytes('details_rare', bytesOf('rare-cjk.gb18030.csv'));
    const rows = await engine.records('SELECT 姓名 FROM details_rare');
    expect(rows.map((row) => row.姓名)).toEqual(['𠀀明', '王𪚥😀']);
  });

  it('fails fast, naming the size, when a file is over the limit', async () => {
    const error = await engine.tables
      .loadCsvBytes('too_big', new Uint8Array(3 * 1024 * 1024), {
        file: 'sales.csv',
        maxBytes: 2 * 1024 * 1024,
      })
      .catch((cause: unknown) => cause);
    expect((error as Error).message).toBe(
      'sales.csv is 3 MB, more than this browser can load as CSV (2 MB). Export it as Parquet, ' +
        'which is several times smaller and loads faster, or query it on a server and load only the result.',
    );
  });
});

const sharedFiles = Object.keys(SHARED_CSV_OUTCOMES);

// Without ../shared/corpus every file below is reported as skipped, by name, never left out.
describe.skipIf(!existsSync(sharedDir))(
  `shared corpus (DuckDB test files, ${sharedFiles.length} files)`,
  () => {
    it('holds exactly the files whose outcome is decided', () => {
      const onDisk = readdirSync(sharedDir).filter((file) => file !== 'LICENSE');
      expect(onDisk.sort()).toEqual([...sharedFiles].sort());
    });

    for (const [file, outcome] of Object.entries(SHARED_CSV_OUTCOMES)) {
      it(`${file}: ${outcome.why}`, { timeout: 60_000 }, async () => {
        const bytes = new Uint8Array(readFileSync(new URL(file, sharedDir)));
        await expectOutcome(file, bytes, outcome);
      });
    }
  },
);
