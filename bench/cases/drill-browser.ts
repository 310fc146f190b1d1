// drill-browser: the `drill` case in headless Chromium, on the built embed script. A page with a
// treemap by region › product line and one by channel over the 1M-row facts; once both are
// drawn, `opens` figures are opened one by one (regions, channels, tiles, then each region under
// a channel chosen in the other treemap), each timed from `drillThrough` to the frame after the
// panel shows its first page, count and totals, panel drawing included. Beside each, in the same
// page and on the same DuckDB-WASM worker, by hand: `SELECT * … LIMIT 50` and `count(*)` on the
// same filter; the case stops if a count differs. One fresh browser per format. Beside the
// clock, the page's main-thread CPU time per open (from a Chromium trace): the panel's own work
// (the answer read, the panel drawn), which a loaded machine stretches far less than the clock.
import { loadavg } from 'node:os';
import { launch, VIEWPORT } from '../lib/browser.ts';
import { median, percentile, round } from '../lib/stats.ts';
import type { Format } from './treemap.ts';
import { cpuBetween, type TraceEvent } from '../lib/trace.ts';

/** One figure opened: its filter, the panel's time, its next page's, by hand's, the rows. */
interface DrillSample {
  filter: Record<string, string>;
  ms: number;
  /** The page's main-thread CPU time during the open, ms. */
  cpu?: number;
  next: number;
  hand: number;
  count: number;
}

export interface DrillBrowserTimes {
  figures: number;
  open_median_ms: number;
  open_p95_ms: number;
  next_page_median_ms: number;
  by_hand_median_ms: number;
  by_hand_p95_ms: number;
  /** Open median ÷ by-hand median, and p95 ÷ p95, in the same page. */
  ratio_median: number;
  ratio_p95: number;
  /** Main-thread CPU time of the first open (the panel drawn for the first time), and the median. */
  first_open_cpu_ms: number;
  open_cpu_median_ms: number;
  /** The figures filtered on a column they are not grouped by (a region under a chosen channel). */
  crossed_open_p95_ms: number;
  samples: DrillSample[];
}

export interface DrillBrowserResult {
  rows: number;
  csv?: DrillBrowserTimes;
  parquet?: DrillBrowserTimes;
  /** The machine's load average (1, 5, 15 min) when the case ended. */
  load: number[];
}

function summary(samples: DrillSample[]): DrillBrowserTimes {
  const open = samples.map((sample) => sample.ms);
  const hand = samples.map((sample) => sample.hand);
  const crossed = samples
    .filter((sample) => 'channel' in sample.filter && Object.keys(sample.filter).length > 1)
    .map((sample) => sample.ms);
  return {
    figures: samples.length,
    open_median_ms: round(median(open), 1),
    open_p95_ms: round(percentile(open, 0.95), 1),
    next_page_median_ms: round(median(samples.map((sample) => sample.next)), 1),
    by_hand_median_ms: round(median(hand), 1),
    by_hand_p95_ms: round(percentile(hand, 0.95), 1),
    ratio_median: round(median(open) / median(hand), 2),
    ratio_p95: round(percentile(open, 0.95) / percentile(hand, 0.95), 2),
    crossed_open_p95_ms: round(percentile(crossed, 0.95), 1),
    first_open_cpu_ms: round(samples[0]?.cpu ?? Number.NaN, 1),
    open_cpu_median_ms: round(median(samples.map((sample) => sample.cpu ?? Number.NaN)), 1),
    samples: samples.map((sample) => ({
      ...sample,
      cpu: round(sample.cpu ?? Number.NaN, 1),
      ms: round(sample.ms, 1),
      next: round(sample.next, 1),
      hand: round(sample.hand, 1),
    })),
  };
}

type Probe = Window & { benchReady?: boolean; benchGo?: boolean; benchDone?: unknown };

export async function drillBrowserCase(
  origin: string,
  opens: number,
  log: (line: string) => void,
  rows = 1_000_000,
  formats: readonly Format[] = ['csv', 'parquet'],
): Promise<DrillBrowserResult> {
  const result: DrillBrowserResult = { rows, load: [] };
  for (const format of formats) {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      const src = `fixtures/generated/sales_${rows}.${format}`;
      const timeout = 180_000 + rows / 10;
      await page.goto(`${origin}/drill.html?src=${encodeURIComponent(src)}&opens=${opens}`);
      await page.waitForFunction(() => (window as Probe).benchReady, undefined, {
        timeout,
        polling: 100,
      });
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
      await page.evaluate(() => ((window as Probe).benchGo = true));
      const done = await page.waitForFunction(() => (window as Probe).benchDone, undefined, {
        timeout,
        polling: 100,
      });
      const report = (await done.jsonValue()) as { samples?: DrillSample[]; error?: string };
      const trace = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      if (report.error || !report.samples) throw new Error(`drill ${format}: ${report.error}`);
      report.samples.forEach((sample, index) => {
        sample.cpu = cpuBetween(trace.traceEvents, `sx-drill-open-${index}`);
      });
      const times = summary(report.samples);
      result[format] = times;
      log(
        `drill-browser ${format}: open median ${times.open_median_ms} ms, p95 ${times.open_p95_ms} ms (crossed p95 ${times.crossed_open_p95_ms} ms); by hand median ${times.by_hand_median_ms} ms, p95 ${times.by_hand_p95_ms} ms; ratio median ${times.ratio_median}, p95 ${times.ratio_p95}; main-thread CPU first open ${times.first_open_cpu_ms} ms, median ${times.open_cpu_median_ms} ms; next page ${times.next_page_median_ms} ms (${times.figures} figures)`,
      );
    } finally {
      await browser.close();
    }
  }
  result.load = loadavg().map((value) => round(value, 2));
  log(`drill-browser: load average ${result.load.join(', ')}`);
  return result;
}

/** The drill-through panel's opens in Chromium, drawn, beside DuckDB-WASM by hand on the page's worker. */
export function drillBrowserSection(drill: DrillBrowserResult): string[] {
  const row = (format: string, times: DrillBrowserTimes | undefined): string[] =>
    times
      ? [
          `| ${format} | ${times.figures} | ${times.open_median_ms} | ${times.open_p95_ms} | ${times.crossed_open_p95_ms} | ${times.by_hand_median_ms} | ${times.by_hand_p95_ms} | ${times.ratio_median} | ${times.ratio_p95} | ${times.first_open_cpu_ms} | ${times.open_cpu_median_ms} |`,
        ]
      : [];
  return [
    '## Drill-through in Chromium',
    '',
    `The same kind of opens in headless Chromium on the embed script, ${drill.rows.toLocaleString('en')} rows: from \`drillThrough(figure)\` to the frame after the panel shows its first page, count and totals (its drawing included). The last figures are regions under a channel chosen in the other treemap (filtered on a column they are not grouped by: "crossed"). The CPU columns are the page's main-thread CPU time per open, from a Chromium trace (the answer read and the panel drawn; the first open draws the panel for the first time). By hand, on the page's own DuckDB-WASM worker: \`SELECT * … LIMIT 50\` and \`count(*)\`. Load average ${drill.load.join(', ')}.`,
    '',
    '| format | figures | open median, ms | open p95, ms | crossed p95, ms | by hand median, ms | by hand p95, ms | median ÷ by hand | p95 ÷ by hand | first open CPU, ms | open CPU median, ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...row('CSV', drill.csv),
    ...row('Parquet', drill.parquet),
  ];
}
