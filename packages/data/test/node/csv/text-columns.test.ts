import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbDialect } from '@stratex/data';
import { BlockingConnector } from '@stratex/data/node';
import { SHARED_CSV_OUTCOMES } from '../../../../../fixtures/hostile/shared-corpus';
import { hostileAndTemplateCsvs } from '../csv-files';
import { prepareCsv, scanPrepared } from '../../../src/csv/prepare';
import { insertInChunks } from '../../../src/arrow/batch-chunks';
import { splitColumns, textTableBatch } from '../../../src/csv/text-columns';
import { createTextTable } from '../../../src/csv/text-table';

// A cold page hands DuckDB the rows the JS pass checked as Arrow text columns instead of
// CSV. Here both ways make a text table of the same file, and every cell must be the same.
const connector = await BlockingConnector.open();
afterAll(() => connector.close());
const db = {
  dialect: duckdbDialect,
  query: (sql: string) => connector.query(sql),
  registerFile: (name: string, bytes: Uint8Array) => connector.registerFile(name, bytes),
  dropFile: (name: string) => connector.dropFile(name),
  insertArrow: (table: string, ipc: Uint8Array) => connector.insertArrow(table, ipc),
};

const sharedDir = new URL('../../../../../../shared/corpus/duckdb-csv/', import.meta.url);

type Outcome = 'same' | 'left to DuckDB' | 'not a table' | 'no rows';

/** Makes the text table both ways and says whether they hold the same cells. */
async function compare(
  file: string,
  bytes: Uint8Array,
  encoding: 'auto' | 'utf-8' | 'gbk' = 'auto',
): Promise<Outcome> {
  const request = { table: 'unused', file, encoding, maxBytes: 1 << 30 };
  const prepared = await prepareCsv(bytes, request).catch(() => undefined);
  if (!prepared) return 'not a table';
  const scanned = (() => {
    try {
      return scanPrepared(prepared, file);
    } catch {
      return undefined;
    }
  })();
  if (!scanned) return 'not a table';
  if (scanned.rows === 0) return 'no rows';
  const { names } = prepared.rows;
  const owned = scanned.rewritten ? scanned.text : scanned.text.slice();
  const read = await createTextTable(db, 'by_csv', owned, {
    ...prepared.rows,
    longestRow: scanned.longestRow,
  }).then(
    () => true,
    () => false,
  );
  if (!read) return 'not a table';
  const split = splitColumns(scanned.text, names.length, scanned.rows, prepared.layout.delimiter);
  if (!split) return 'left to DuckDB';
  await connector.query('DROP TABLE IF EXISTS by_arrow');
  await insertInChunks(
    (ipc, append) => connector.insertArrow('by_arrow', ipc, { append }),
    await textTableBatch(split, names, scanned.rows),
  );
  const columns = (table: string): string =>
    `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`;
  const [typesCsv, typesArrow] = await Promise.all([
    connector.query(columns('by_csv')),
    connector.query(columns('by_arrow')),
  ]);
  expect(typesArrow.toArray().map(String), file).toEqual(typesCsv.toArray().map(String));
  // Row by row, in order: rows of one and not the other, or the same row elsewhere, count.
  const differing = await connector.query(
    `SELECT count(*)::INT AS n FROM (SELECT row_number() OVER () AS sx_row, * FROM by_csv EXCEPT ALL SELECT row_number() OVER () AS sx_row, * FROM by_arrow)`,
  );
  const rows = await connector.query('SELECT count(*)::INT AS n FROM by_arrow');
  expect(Number(rows.getChild('n')?.get(0)), file).toBe(scanned.rows);
  expect(Number(differing.getChild('n')?.get(0)), file).toBe(0);
  return 'same';
}

describe('text columns handed over as Arrow', () => {
  it('hold the cells read_csv reads, on every hostile file and template table', async () => {
    const files = hostileAndTemplateCsvs();
    const odd = ['a,b,c', '"x ""y"" z",,""', '" 12 ","a,b","line\r\nbreak"', 'é,😀,'].join('\r\n');
    files.push(['odd.csv', new TextEncoder().encode(`${odd}\r\n`)]);
    const outcomes: Outcome[] = [];
    for (const [file, bytes, encoding] of files)
      outcomes.push(await compare(file, bytes, encoding));
    expect(outcomes.filter((outcome) => outcome === 'same').length).toBeGreaterThan(30);
  }, 180_000);

  it.skipIf(!existsSync(sharedDir))(
    'hold the cells read_csv reads, on the shared corpus',
    async () => {
      const outcomes: Outcome[] = [];
      for (const [file, outcome] of Object.entries(SHARED_CSV_OUTCOMES)) {
        if (!outcome.loads) continue;
        outcomes.push(await compare(file, new Uint8Array(readFileSync(new URL(file, sharedDir)))));
      }
      expect(outcomes.filter((outcome) => outcome === 'same').length).toBeGreaterThan(10);
    },
    300_000,
  );
});
