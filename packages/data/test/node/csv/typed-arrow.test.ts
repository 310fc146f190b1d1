import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbDialect } from '@stratex/data';
import { BlockingConnector } from '@stratex/data/node';
import { hostileAndTemplateCsvs } from '../csv-files';
import { insertInChunks } from '../../../src/arrow/batch-chunks';
import { type CsvDatabase, loadCsv } from '../../../src/csv/load-csv';
import { prepareCsv, scanPrepared } from '../../../src/csv/prepare';
import { splitColumns, textTableBatch } from '../../../src/csv/text-columns';
import { typedColumnsBatch } from '../../../src/csv/typed-columns';

// A cold page makes the typed table in JS, from the Arrow columns of the checked rows, where
// every cell is one DuckDB's own cast reads; an open database makes it with SQL from the text
// table. Here one file is loaded both ways: the reports, the column types and every cell
// of both tables must be the same.
const connector = await BlockingConnector.open();
afterAll(() => connector.close());
/** The typed tables the database was handed as Arrow. */
const typedByArrow = new Set<string>();
const db: CsvDatabase = {
  dialect: duckdbDialect,
  query: (sql) => connector.query(sql),
  registerFile: (name, bytes) => connector.registerFile(name, bytes),
  dropFile: (name) => connector.dropFile(name),
  insertArrow: async (table, ipc, append) => {
    await connector.insertArrow(table, ipc, { append: append === true });
    if (table.endsWith('_typed')) typedByArrow.add(table);
  },
};
/** The database still starting when the rows are read: the loader takes the Arrow way. */
const starting = (): Promise<CsvDatabase> =>
  new Promise((resolve) => setTimeout(() => resolve(db), 20));
const open = (): Promise<CsvDatabase> => Promise.resolve(db);

let loads = 0;
const encoder = new TextEncoder();
const csv = (...lines: string[]): Uint8Array => encoder.encode(`${lines.join('\n')}\n`);

async function tableText(table: string): Promise<{ types: string; rows: string }> {
  const types = await connector.query(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`,
  );
  // Every cell as the database writes it: decimals, doubles and days exactly as held.
  const rows = await connector.query(`SELECT COLUMNS(*)::VARCHAR FROM "${table}"`);
  return { types: JSON.stringify(types.toArray()), rows: JSON.stringify(rows.toArray()) };
}

/** Loads `bytes` both ways; says whether the typed table came in as Arrow. */
async function bothWays(
  file: string,
  bytes: Uint8Array,
  encoding: 'auto' | 'utf-8' | 'gbk' = 'auto',
): Promise<'arrow' | 'sql' | 'not a table'> {
  const n = ++loads;
  const request = (table: string) => ({ table, file, encoding, maxBytes: 1 << 30 });
  const cold = await loadCsv(starting, bytes, request(`cold_${n}`)).catch(() => undefined);
  const warm = await loadCsv(open, bytes, request(`warm_${n}`)).catch(() => undefined);
  expect(cold === undefined, file).toBe(warm === undefined);
  if (!cold || !warm) return 'not a table';
  expect({ ...cold, typedTable: '' }, file).toEqual({ ...warm, typedTable: '' });
  for (const suffix of ['', '_typed']) {
    const [a, b] = [`cold_${n}${suffix}`, `warm_${n}${suffix}`];
    const [coldTable, warmTable] = [await tableText(a), await tableText(b)];
    expect(coldTable.types, `${file} ${suffix}`).toBe(warmTable.types);
    expect(coldTable.rows, `${file} ${suffix}`).toBe(warmTable.rows);
    await connector.query(`DROP TABLE IF EXISTS "${a}"; DROP TABLE IF EXISTS "${b}"`);
  }
  return typedByArrow.has(`cold_${n}_typed`) ? 'arrow' : 'sql';
}

describe('the typed table made in JS', () => {
  it('is the one the SQL makes, on figures, days and text of every shape it takes', async () => {
    const figures = csv(
      'money,fine,whole,measure,day,note',
      '1843.90,0.125,12,0.123456,2024-02-29,华南',
      '-7.25,-0.5,-3,1,1900-02-28,',
      '-0,,0,2.5,,"a, quoted ""note"""',
      ',12.0,9007199254740993,-0.000001,0001-01-01,x',
      '0.00,3.333,45,3,9999-12-31,=x',
      '1e3x,1,1,1,2024-01-01,y',
    );
    // The last row's first cell is no plain number: the first file without it, then with it.
    const plain = encoder.encode(
      new TextDecoder().decode(figures).split('\n').slice(0, -2).join('\n') + '\n',
    );
    expect(await bothWays('plain.csv', plain)).toBe('arrow');
    expect(await bothWays('not-plain.csv', figures)).toBe('sql');
  });

  it('leaves to the SQL what it does not read: a day not in the calendar, Excel text, huge money', async () => {
    const days = ['2023-02-28', '2023-03-01', '2023-03-02', '2023-03-03', '2023-03-04'];
    const feb29 = csv('day,n', ...days.map((day, n) => `${day},${n}`), '2023-02-29,5');
    expect(await bothWays('feb29.csv', feb29)).toBe('sql');
    expect(await bothWays('forced.csv', csv('code,n', '="00123",1', 'abc,2'))).toBe('sql');
    expect(await bothWays('huge.csv', csv('n,t', '123456789012345678.5,a', '1.25,b'))).toBe('sql');
  });

  it('is the one the SQL makes, on every hostile file and template table', async () => {
    const outcomes: string[] = [];
    for (const [file, bytes, encoding] of hostileAndTemplateCsvs()) {
      outcomes.push(await bothWays(file, bytes, encoding));
    }
    expect(outcomes.filter((outcome) => outcome === 'arrow').length).toBeGreaterThan(10);
  }, 300_000);

  const facts = new URL('../../../../../fixtures/generated/sales_100000.csv', import.meta.url);
  it.skipIf(!existsSync(facts))(
    'is the one the SQL makes, on the 100k-row generated facts',
    async () => {
      expect(await bothWays('sales_100000.csv', new Uint8Array(readFileSync(facts)))).toBe('arrow');
    },
    300_000,
  );

  it('holds the same rows handed over in chunks of a few rows as in one', async () => {
    const figures = csv(
      'money,day,note',
      ...Array.from(
        { length: 40 },
        (_, k) =>
          `${k % 9 === 0 ? '' : (k * 37.25 - 300).toFixed(2)},2024-03-${String((k % 28) + 1).padStart(2, '0')},${k % 5 === 0 ? '' : `"note ""${k}"", é"`}`,
      ),
    );
    const file = 'chunks.csv';
    const prepared = await prepareCsv(figures, {
      table: 't',
      file,
      encoding: 'auto',
      maxBytes: 1 << 30,
    });
    const scanned = scanPrepared(prepared, file);
    const names = prepared.rows.names;
    const split = splitColumns(scanned.text, names.length, scanned.rows, prepared.layout.delimiter);
    if (!split) throw new Error('the rows did not split');
    const planned = [
      { name: 'money', kind: 'number' as const },
      { name: 'day', kind: 'date' as const },
      { name: 'note', kind: 'text' as const },
    ];
    const typed = await typedColumnsBatch(split, planned, scanned.rows, scanned.lines);
    if (!typed) throw new Error('the rows were not typed');
    const text = await textTableBatch(split, names, scanned.rows);
    for (const [name, batch] of [
      ['text', text],
      ['typed', typed.batch],
    ] as const) {
      const insert = (table: string) => (ipc: Uint8Array, append: boolean) =>
        connector.insertArrow(table, ipc, { append });
      await insertInChunks(insert(`${name}_whole`), batch);
      await insertInChunks(insert(`${name}_chunks`), batch, undefined, 7);
      const [whole, chunks] = [await tableText(`${name}_whole`), await tableText(`${name}_chunks`)];
      expect(chunks).toEqual(whole);
      expect(JSON.parse(whole.rows)).toHaveLength(40);
    }
  });

  const million = new URL('../../../../../fixtures/generated/sales_1000000.csv', import.meta.url);
  it.skipIf(!existsSync(million))(
    "gives native DuckDB's figures on the 1M-row generated facts",
    async () => {
      const loaded = await loadCsv(starting, new Uint8Array(readFileSync(million)), {
        table: 'facts_1m',
        file: 'sales_1000000.csv',
        encoding: 'auto',
        maxBytes: 1 << 30,
      });
      expect(typedByArrow.has('facts_1m_typed')).toBe(true);
      expect(loaded.rowCount).toBe(1_000_000);
      const figures = (from: string): string =>
        `SELECT region, product_line, count(*)::INT AS n, round(sum(target_share)::DOUBLE, 2) AS target, ` +
        `round(sum(amount)::DOUBLE, 2) AS actual, min("date")::VARCHAR AS first, max("date")::VARCHAR AS last ` +
        `FROM ${from} GROUP BY ALL ORDER BY ALL`;
      const ours = (await connector.query(figures('facts_1m_typed'))).toArray().map(String);
      const native = await DuckDBInstance.create(':memory:');
      const connection = await native.connect();
      const file = fileURLToPath(million).replaceAll("'", "''");
      const reader = await connection.runAndReadAll(figures(`read_csv('${file}', header = true)`));
      const theirs = reader.getRowObjectsJS().map((row) => JSON.stringify(row));
      connection.closeSync();
      native.closeSync();
      expect(ours.map((row) => JSON.stringify(JSON.parse(row)))).toEqual(theirs);
      expect(ours).toHaveLength(15);
    },
    300_000,
  );
});
