// line-numbers: what carrying each row's line in the file (the typed twin's `__sx_line`) costs
// a 1M-row CSV load. Loads with and without it alternate in the same run, the order turned
// each round (with, without; without, with; …) so that neither always comes first on a warmer
// or busier machine, after one warm-up load of each. Reported: the medians and the median of
// each round's ratio (target ≤ 1.10), of the wall time and of the process's CPU time: the
// engine runs on this one thread, so its CPU time is the work done, which a machine busy with
// other work slows far less than the wall time. DuckDB-WASM in Node (the blocking build: the
// page's engine), so it runs without the built site. The drill-through panel's open is
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
  /** The same loads' CPU time (user + system), ms, each round. */
  cpuWithLines: number[];
  cpuWithoutLines: number[];
  /** Median CPU time with ÷ without. */
  cpuRatio: number;
  /** The median of each round's CPU time with ÷ without. */
  cpuPairedRatio: number;
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
    const load = async (lineNumbers: boolean): Promise<{ wall: number; cpu: number }> => {
      const table = `bench_lines_${++loads}`;
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await engine.tables.loadCsvBytes(table, csv, { file: 'sales.csv', lineNumbers });
      const used = process.cpuUsage(cpuStart);
      const wall = performance.now() - start;
      const cpu = (used.user + used.system) / 1000;
      await engine.tables.dropTable(table);
      await engine.tables.dropTable(`${table}_typed`);
      log(
        `line numbers ${lineNumbers ? 'on ' : 'off'}: load ${Math.round(wall)} ms, CPU ${Math.round(cpu)} ms`,
      );
      return { wall, cpu };
    };
    await load(true);
    await load(false);
    const withLines: number[] = [];
    const withoutLines: number[] = [];
    const cpuWithLines: number[] = [];
    const cpuWithoutLines: number[] = [];
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? [true, false] : [false, true];
      for (const lineNumbers of order) {
        const { wall, cpu } = await load(lineNumbers);
        (lineNumbers ? withLines : withoutLines).push(wall);
        (lineNumbers ? cpuWithLines : cpuWithoutLines).push(cpu);
      }
    }
    const paired = (a: number[], b: number[]): number => median(a.map((ms, run) => ms / b[run]!));
    const ratio = median(withLines) / median(withoutLines);
    const pairedRatio = paired(withLines, withoutLines);
    const cpuRatio = median(cpuWithLines) / median(cpuWithoutLines);
    const cpuPairedRatio = paired(cpuWithLines, cpuWithoutLines);
    const machine = loadavg().map((value) => round(value, 2));
    log(
      `line numbers: load median ${Math.round(median(withLines))} ms with, ${Math.round(median(withoutLines))} ms without ` +
        `(× ${round(ratio, 3)}; per round × ${round(pairedRatio, 3)}); CPU ${Math.round(median(cpuWithLines))} ms with, ` +
        `${Math.round(median(cpuWithoutLines))} ms without (× ${round(cpuRatio, 3)}; per round × ${round(cpuPairedRatio, 3)}); ` +
        `${runs} rounds; load average ${machine.join(', ')}`,
    );
    return {
      rows,
      runs,
      withLines: withLines.map((ms) => round(ms)),
      withoutLines: withoutLines.map((ms) => round(ms)),
      ratio: round(ratio, 3),
      pairedRatio: round(pairedRatio, 3),
      cpuWithLines: cpuWithLines.map((ms) => round(ms)),
      cpuWithoutLines: cpuWithoutLines.map((ms) => round(ms)),
      cpuRatio: round(cpuRatio, 3),
      cpuPairedRatio: round(cpuPairedRatio, 3),
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
