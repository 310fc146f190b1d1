// line-numbers: what carrying each row's line in the file (the typed twin's `__sx_line`) costs
// a 1M-row CSV load. Loads with and without it alternate in the same run, the order turned
// each round (with, without; without, with; …) so that neither always comes first on a warmer
// or busier machine, after one warm-up load of each. Reported: the medians and the median of
// each round's ratio (target ≤ 1.10). DuckDB-WASM in Node (the blocking build: the page's
// engine, one thread), so it runs without the built site. The drill-through panel's open is
// the `drill` case. Alone: `npx tsx bench/cases/line-numbers.ts [--runs 9] [--rows 1000000]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { nodeEngine } from '../../packages/data/src/node/index.ts';
import { benchPath } from '../lib/site.ts';
import { median, round } from '../lib/stats.ts';

export interface LineNumbersResult {
  rows: number;
  runs: number;
  /** Load of the CSV into its text and typed tables, ms, each round. */
  withLines: number[];
  withoutLines: number[];
  /** Median with ÷ median without. */
  ratio: number;
  /** The median of each round's with ÷ without: steadier on a busy machine. */
  pairedRatio: number;
  /** The machine's load average (1, 5, 15 min) when the case ended. */
  load: number[];
}

export async function lineNumbersCase(
  runs: number,
  log: (line: string) => void,
  rows = 1_000_000,
): Promise<LineNumbersResult> {
  const csv = new Uint8Array(readFileSync(benchPath(`../fixtures/generated/sales_${rows}.csv`)));
  const engine = nodeEngine({ recover: false, inMemoryCsvBytes: 0 });
  try {
    let loads = 0;
    const load = async (lineNumbers: boolean): Promise<number> => {
      const table = `bench_lines_${++loads}`;
      const start = performance.now();
      await engine.tables.loadCsvBytes(table, csv, { file: 'sales.csv', lineNumbers });
      const ms = performance.now() - start;
      await engine.tables.dropTable(table);
      await engine.tables.dropTable(`${table}_typed`);
      log(`line numbers ${lineNumbers ? 'on ' : 'off'}: load ${Math.round(ms)} ms`);
      return ms;
    };
    await load(true);
    await load(false);
    const withLines: number[] = [];
    const withoutLines: number[] = [];
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? [true, false] : [false, true];
      for (const lineNumbers of order)
        (lineNumbers ? withLines : withoutLines).push(await load(lineNumbers));
    }
    const ratio = median(withLines) / median(withoutLines);
    const pairedRatio = median(withLines.map((ms, run) => ms / withoutLines[run]!));
    const machine = loadavg().map((value) => round(value, 2));
    log(
      `line numbers: load median ${Math.round(median(withLines))} ms with, ${Math.round(median(withoutLines))} ms without ` +
        `(× ${round(ratio, 3)}; per round × ${round(pairedRatio, 3)}; ${runs} rounds; load average ${machine.join(', ')})`,
    );
    return {
      rows,
      runs,
      withLines: withLines.map((ms) => round(ms)),
      withoutLines: withoutLines.map((ms) => round(ms)),
      ratio: round(ratio, 3),
      pairedRatio: round(pairedRatio, 3),
      load: machine,
    };
  } finally {
    await engine.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, rows: { type: 'string' } } });
  const result = await lineNumbersCase(
    Number(values.runs ?? 9),
    (line) => console.log(line),
    Number(values.rows ?? 1_000_000),
  );
  writeFileSync(benchPath('results/line-numbers.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}
