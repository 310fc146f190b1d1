// What-if: a treemap in what-if mode, a scorecard and the variance alerts on one plan of
// 1,000 leaves (10 regions × 100 product lines). Each edit is typed in the treemap's panel;
// timed from the send to the first frame after all three widgets have drawn it. Target:
// p95 ≤ 50 ms. Beside the times, the page's main-thread CPU time per edit (focus, type, redraw),
// read from a Chromium trace: a figure that a loaded machine stretches far less than the clock.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch, timedPage, VIEWPORT } from '../lib/browser.ts';
import { round } from '../lib/stats.ts';
import { benchPath } from '../lib/site.ts';

export interface WhatIfResult {
  leaves: number;
  edits: number;
  p95_ms: number;
  median_ms: number;
  samples_ms: number[];
  /** The renderer's main-thread CPU time per edit (the tile focused, the target typed, all three redrawn). */
  cpu_ms_per_edit: number;
  /** The machine's one-minute load average as the case began and ended: the figures are read beside it. */
  load: [number, number];
}

/** The plan's CSV: deterministic targets and actuals, one row per region and product line. */
export function whatIfPlan(regions = 10, products = 100): string {
  const lines = ['区域,产品线,日期,目标值,实际值'];
  for (let r = 1; r <= regions; r++)
    for (let p = 1; p <= products; p++) {
      const target = 10_000 + ((r * 7919 + p * 104_729) % 90_000);
      const actual = Math.round((target * (60 + ((r * 31 + p * 17) % 70))) / 100);
      lines.push(
        `区域${String(r).padStart(2, '0')},产品${String(p).padStart(3, '0')},2024-08-15,${target},${actual}`,
      );
    }
  return `${lines.join('\n')}\n`;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
  args?: { name?: string };
}

/** The CPU time of the renderer's main thread between the probe's marks around the edits, in ms. */
function editsCpuMs(events: readonly TraceEvent[]): number {
  const mark = (name: string): TraceEvent | undefined => events.find((e) => e.name === name);
  const start = mark('sx-what-if-edits');
  const end = mark('sx-what-if-edits-done');
  if (!start || !end) return Number.NaN;
  let micros = 0;
  for (const e of events)
    if (
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ph === 'X' &&
      e.pid === start.pid &&
      e.tid === start.tid &&
      e.ts >= start.ts &&
      e.ts <= end.ts
    )
      micros += e.tdur ?? 0;
  return micros / 1000;
}

export async function whatIfCase(
  origin: string,
  log: (line: string) => void,
): Promise<WhatIfResult> {
  writeFileSync(benchPath('dist/site/what-if-1000.csv'), whatIfPlan());
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    const report = (await timedPage(
      page,
      `${origin}/what-if.html?edits=40`,
      120_000,
    )) as unknown as {
      ms: number;
      median: number;
      samples: number[];
      groups: number;
    };
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    const result: WhatIfResult = {
      leaves: 1_000,
      edits: report.samples.length,
      p95_ms: round(report.ms, 1),
      median_ms: round(report.median, 1),
      samples_ms: report.samples,
      cpu_ms_per_edit: round(editsCpuMs(trace.traceEvents) / report.samples.length, 1),
      load: [loadBefore, round(loadavg()[0] ?? 0, 2)],
    };
    log(`what-if: ${JSON.stringify({ ...result, samples_ms: undefined })}`);
    return result;
  } finally {
    await browser.close();
  }
}
