import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import { SHARED_CSV_OUTCOMES } from '../../../../../fixtures/hostile/shared-corpus';
import { hostileAndTemplateCsvs } from '../csv-files';
import { plainDateSql, plainNumberSql } from '../../../src/csv/duckdb/cell-sql';
import { prepareCsv, scanPrepared } from '../../../src/csv/prepare';
import { countRawShapes } from '../../../src/csv/raw-shapes';

// The loader counts the text table's cell shapes in JS (filled, plain digits, ISO days) while
// DuckDB reads the rows; those counts decide which columns take DuckDB's own cast. Here the JS
// counts are set against DuckDB's reading of the same rows, file by file.
const engine = nodeEngine({ timeoutMs: 30_000 });
afterAll(() => engine.close());

const sharedDir = new URL('../../../../../../shared/corpus/duckdb-csv/', import.meta.url);
let loads = 0;

/** The shapes of every column, counted by DuckDB over the loaded text table, and in JS. */
async function bothCounts(
  file: string,
  bytes: Uint8Array,
  encoding: 'auto' | 'utf-8' | 'gbk' = 'auto',
): Promise<{ sql: number[][]; js: number[][] } | undefined> {
  const request = { table: `shapes_${++loads}`, file, encoding, maxBytes: 1 << 30 };
  const loaded = await engine.tables
    .loadCsvBytes(request.table, bytes, request)
    .catch(() => undefined);
  if (!loaded || loaded.rowCount === 0) return undefined;
  const prepared = await prepareCsv(bytes, request);
  const scanned = scanPrepared(prepared, file);
  const shapes = countRawShapes(scanned.text, loaded.columns.length, prepared.layout.delimiter);
  // The first columns only: thousands of aggregates at once exhaust DuckDB-WASM's memory.
  const columns = loaded.columns.slice(0, 30);
  const parts = columns.flatMap((name, i) => {
    const cell = `"${name.replaceAll('"', '""')}"`;
    return [
      `count(${cell})::DOUBLE AS n${i}`,
      `count(*) FILTER (WHERE ${cell} IS NOT NULL AND NOT ${plainNumberSql(cell)})::DOUBLE AS o${i}`,
      `count(*) FILTER (WHERE ${cell} IS NOT NULL AND NOT ${plainDateSql(cell)})::DOUBLE AS d${i}`,
    ];
  });
  const [row] = await engine.records(`SELECT ${parts.join(', ')} FROM "${loaded.table}"`);
  await engine.records(`DROP TABLE "${loaded.table}"; DROP TABLE "${loaded.typedTable}"`);
  return {
    sql: columns.map((_, i) => [row?.[`n${i}`], row?.[`o${i}`], row?.[`d${i}`]].map(Number)),
    js: columns.map((_, i) => [
      shapes.filled[i] ?? -1,
      shapes.notPlainNumber[i] ?? -1,
      shapes.notPlainDate[i] ?? -1,
    ]),
  };
}

describe('cell shapes counted in JS, as DuckDB reads the text table', () => {
  it('agree on every hostile file, the template tables and a file of plain and odd cells', async () => {
    const files = hostileAndTemplateCsvs();
    const odd = [
      'n,d,q',
      '1234.5,2024-06-01,"12"',
      '-0,2024-6-1,""',
      '007,20240601,"1,5"',
      '.5,2024-13-01,"a""b"',
      '5.,2024/06/01,"2024-06-01"',
      '-,x,"-3.25"',
      ',,',
      ' 12,2024-06-01 ,"0"',
      '1e5,２０２４-０６-０１,"0.50"',
    ].join('\r\n');
    files.push(['odd-cells.csv', new TextEncoder().encode(`${odd}\r\n`)]);
    let compared = 0;
    for (const [file, bytes, encoding] of files) {
      const counts = await bothCounts(file, bytes, encoding);
      if (!counts) continue;
      compared++;
      expect(counts.js, file).toEqual(counts.sql);
    }
    expect(compared).toBeGreaterThan(30);
  }, 120_000);

  it.skipIf(!existsSync(sharedDir))(
    'agree on the shared corpus of DuckDB test files',
    async () => {
      let compared = 0;
      for (const [file, outcome] of Object.entries(SHARED_CSV_OUTCOMES)) {
        if (!outcome.loads) continue;
        const counts = await bothCounts(
          file,
          new Uint8Array(readFileSync(new URL(file, sharedDir))),
        );
        if (!counts) continue;
        compared++;
        expect(counts.js, file).toEqual(counts.sql);
      }
      expect(compared).toBeGreaterThan(10);
    },
    300_000,
  );
});
