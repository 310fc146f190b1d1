// line-numbers: what carrying each row's line in the file costs a 1M-row CSV load, with and
// without it in the same run (loads interleaved), and how long a drill-through panel's first
// page takes to come, from a CSV and a Parquet source. DuckDB-WASM in Node (the blocking
// build: the page's engine, one thread), so it runs without the built site.
// Alone: `npx tsx bench/cases/line-numbers.ts [--runs 3] [--rows 1000000]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeEngine } from '../../packages/data/src/node/index.ts';
import { benchPath } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';

export interface LineNumbersResult {
  rows: number;
  runs: number;
  /** Load of the CSV into its text and typed tables, ms, each run. */
  withLines: number[];
  withoutLines: number[];
  /** Median with ÷ median without. */
  ratio: number;
  /** First page of a drill-through (50 rows, count and totals), ms, over the filters tried. */
  drillCsvP95: number;
  drillParquetP95: number;
}

const FILTERS: Record<string, string>[] = [
  { region: '华东' },
  { region: '华南', product_line: '数据平台' },
  { region: '华北', product_line: '工业传感器', customer_type: '大客户' },
  { channel: '线上' },
  { region: '西南', channel: '直销' },
];

export async function lineNumbersCase(
  runs: number,
  log: (line: string) => void,
  rows = 1_000_000,
): Promise<LineNumbersResult> {
  const csv = new Uint8Array(readFileSync(benchPath(`../fixtures/generated/sales_${rows}.csv`)));
  const parquet = new Uint8Array(
    readFileSync(benchPath(`../fixtures/generated/sales_${rows}.parquet`)),
  );
  const engine = nodeEngine({ recover: false, inMemoryCsvBytes: 0 });
  try {
    const withLines: number[] = [];
    const withoutLines: number[] = [];
    // A warm-up load first, then with and without in turn, so both see the same machine.
    for (let run = -1; run < runs; run++) {
      for (const lineNumbers of [true, false]) {
        const table = `bench_lines_${run + 1}_${lineNumbers ? 'with' : 'without'}`;
        const start = performance.now();
        await engine.tables.loadCsvBytes(table, csv, { file: 'sales.csv', lineNumbers });
        const ms = performance.now() - start;
        await engine.tables.dropTable(table);
        await engine.tables.dropTable(`${table}_typed`);
        if (run >= 0) (lineNumbers ? withLines : withoutLines).push(ms);
        log(`line numbers ${lineNumbers ? 'on ' : 'off'}: load ${Math.round(ms)} ms`);
      }
    }
    engine.defineSource('sales_csv', { bytes: csv, label: 'sales.csv' });
    engine.defineSource('sales_parquet', { bytes: parquet, label: 'sales.parquet' });
    const drill = async (source: string): Promise<number> => {
      const samples: number[] = [];
      for (let round = 0; round < 4; round++) {
        for (const filter of FILTERS) {
          const start = performance.now();
          await engine.coordinator.drillThrough({
            source,
            filter,
            measures: [
              { column: 'amount', aggregate: 'sum', digits: 6 },
              { column: 'target_share', aggregate: 'sum', digits: 6 },
            ],
            offset: round * 50,
          });
          samples.push(performance.now() - start);
        }
      }
      return percentile(samples.slice(FILTERS.length), 0.95);
    };
    const drillCsvP95 = await drill('sales_csv');
    const drillParquetP95 = await drill('sales_parquet');
    const ratio = median(withLines) / median(withoutLines);
    log(
      `line numbers: load ${Math.round(median(withLines))} ms with, ${Math.round(median(withoutLines))} ms without (× ${round(ratio, 3)}); ` +
        `drill-through first page p95: CSV ${Math.round(drillCsvP95)} ms, Parquet ${Math.round(drillParquetP95)} ms`,
    );
    return {
      rows,
      runs,
      withLines: withLines.map((ms) => round(ms)),
      withoutLines: withoutLines.map((ms) => round(ms)),
      ratio: round(ratio, 3),
      drillCsvP95: round(drillCsvP95),
      drillParquetP95: round(drillParquetP95),
    };
  } finally {
    await engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, rows: { type: 'string' } } });
  const result = await lineNumbersCase(
    Number(values.runs ?? 3),
    (line) => console.log(line),
    Number(values.rows ?? 1_000_000),
  );
  writeFileSync(benchPath('results/line-numbers.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}
