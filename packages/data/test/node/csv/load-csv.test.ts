import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlockingConnector, nodeEngine } from '@stratex/data/node';
import { agreement, countedEngine } from '../../memory-agreement';
import { sqlString, withDuckDB } from '../../../../../fixtures/scripts/duckdb';
import { HONEST_CASES, ONE_LONG_LINE } from './honest-cases';

// Rows lost or misread in silence, as real exports showed them: the engine's load (DuckDB reads
// the rows), the JS reading of small files, and native DuckDB's `read_csv` on the same bytes.
const database = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
const js = countedEngine(() => BlockingConnector.open());
const folder = mkdtempSync(join(tmpdir(), 'sx-honest-'));
afterAll(async () => {
  await Promise.all([database.close(), js.engine.close()]);
  rmSync(folder, { recursive: true, force: true });
});

const encoder = new TextEncoder();
let tables = 0;

/** Native DuckDB's rows of the file, every cell as text (its own sniffing decides the rest). */
async function duckdbRows(file: string, text: string): Promise<(string | null)[][]> {
  const path = join(folder, file);
  writeFileSync(path, text);
  return withDuckDB(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_csv(${sqlString(path)}, all_varchar = true)`,
    );
    return reader.getRows().map((row) => row.map((cell) => (cell === null ? null : String(cell))));
  });
}

describe('every row of the file is in the table or counted with its reason', () => {
  for (const entry of HONEST_CASES) {
    it(`${entry.file}: ${entry.tests}`, async () => {
      const bytes = encoder.encode(entry.text);
      const table = `honest_${++tables}`;
      const loaded = await database.tables.loadCsvBytes(table, bytes, { file: entry.file });
      const { expected } = entry;
      expect(loaded.rowCount).toBe(expected.rows);
      expect(loaded.columns).toEqual(expected.columns);
      expect(loaded.headerRow).toBe(expected.headerRow);
      if (expected.delimiter) expect(loaded.delimiter).toBe(expected.delimiter);
      const skipped = loaded.skippedRows;
      if (expected.aboveHeader !== undefined)
        expect(skipped?.aboveHeader).toBe(expected.aboveHeader);
      if (expected.repeatedHeader !== undefined) {
        expect(skipped?.repeatedHeader).toBe(expected.repeatedHeader);
      }
      expect(loaded.rejects?.rows).toBe(expected.rejectedRows ?? 0);
      if (expected.note) expect(loaded.notes?.join(' ')).toContain(expected.note);

      // Each non-blank line is the header, a row, or counted: titles, header copies, rejects.
      const filled = entry.text.split(/\r\n/).filter((line) => line.trim() !== '').length;
      const header = loaded.headerRow === null ? 0 : 1;
      const counted =
        (skipped?.aboveHeader ?? 0) + (skipped?.repeatedHeader ?? 0) + (loaded.rejects?.rows ?? 0);
      expect(header + loaded.rowCount + counted).toBe(filled);

      const rows = await database.records(`SELECT * FROM "${table}"`);
      if (expected.firstRow) expect(Object.values(rows[0] ?? {})).toEqual(expected.firstRow);

      const native = await duckdbRows(entry.file, entry.text);
      if ('rows' in entry.duckdb) {
        // Native DuckDB agrees, cell for cell.
        expect(native).toHaveLength(entry.duckdb.rows);
        expect(rows.map((row) => Object.values(row))).toEqual(native);
      } else {
        // Native DuckDB is wrong here, as `duckdb.wrong` says: it keeps more rows than the file has.
        expect(native.length).toBeGreaterThan(loaded.rowCount);
      }
    });
  }

  it('a file of one 2 MB line says it has a header and no rows, and that the name was cut', async () => {
    const loaded = await database.tables.loadCsvBytes(
      'honest_long',
      encoder.encode(ONE_LONG_LINE),
      {
        file: 'one-long-line.csv',
      },
    );
    expect(loaded.rowCount).toBe(0);
    expect(loaded.notes).toEqual([
      `A header cell of ${ONE_LONG_LINE.length} characters was cut to its first 200 to name its column.`,
      'The file has a header (line 1) and no rows below it.',
    ]);
  });
});

describe('the JS reading of small files gives the same report and answers', () => {
  for (const entry of HONEST_CASES) {
    it(entry.file, async () => {
      const found = await agreement(
        js,
        database,
        `honest_source_${++tables}`,
        encoder.encode(entry.text),
        entry.file,
      );
      expect(found.inJs).toBe(true);
      expect(found.differences).toEqual([]);
    });
  }
});
