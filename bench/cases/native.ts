// duckdb-native: what the hardware does with the same files and the same GROUP BY,
// in Node through @duckdb/node-api, a new in-memory database per run.
import { DuckDBInstance } from '@duckdb/node-api';
import { benchPath } from '../lib/site.ts';
import type { Check } from '../lib/results.ts';

export async function nativeTreemap(
  rows: number,
  format: 'csv' | 'parquet',
  runs: number,
): Promise<{ samples: number[]; check: Check }> {
  const file = benchPath(`../fixtures/generated/sales_${rows}.${format}`).replaceAll("'", "''");
  const from = format === 'csv' ? `read_csv('${file}', header = true)` : `read_parquet('${file}')`;
  const sql = `SELECT region, product_line, SUM(target_share)::DOUBLE AS target, SUM(amount)::DOUBLE AS actual FROM ${from} GROUP BY ALL`;
  const samples: number[] = [];
  let check: Check = { groups: 0, target: 0, actual: 0 };
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql);
    const cells = reader.getRowObjectsJS() as { target: number; actual: number }[];
    const ms = performance.now() - start;
    connection.closeSync();
    instance.closeSync();
    if (run === 0) continue;
    samples.push(ms);
    check = {
      groups: cells.length,
      target: cells.reduce((sum, cell) => sum + cell.target, 0),
      actual: cells.reduce((sum, cell) => sum + cell.actual, 0),
    };
  }
  return { samples, check };
}
