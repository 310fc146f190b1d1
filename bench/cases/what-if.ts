// What-if: a treemap in what-if mode, a scorecard and the variance alerts on one plan of
// 1,000 leaves (10 regions × 100 product lines). Each edit is typed in the treemap's panel;
// timed from the send to the first frame after all three widgets have drawn it. Target:
// p95 ≤ 50 ms. Beside the times, the page's main-thread CPU time per edit (focus, type, redraw,
// and the hidden data tables catching up once the edits stop), read from a Chromium trace: a
// figure that a loaded machine stretches far less than the clock. `--runs N` loads the page N
// times; with `--before REV` the earlier build runs the same edits in the same run, alternating.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch, timedPage, VIEWPORT } from '../lib/browser.ts';
import type { Contestant } from '../lib/results.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { benchPath, stratexRoot } from '../lib/site.ts';
import { cpuBetween, type TraceEvent } from '../lib/trace.ts';

/** One build's figures over every run: the edits' times pooled, the CPU per edit of each run. */
export interface WhatIfFigures {
  edits: number;
  p95_ms: number;
  median_ms: number;
  samples_ms: number[];
  /** The renderer's main-thread CPU time per edit, the median of the runs' (each run's in `runs_cpu_ms_per_edit`). */
  cpu_ms_per_edit: number;
  runs_cpu_ms_per_edit: number[];
}

export interface WhatIfResult extends WhatIfFigures {
  leaves: number;
  runs: number;
  /** The machine's one-minute load average as the case began and ended: the figures are read beside it. */
  load: [number, number];
  /** The earlier build (`--before REV`), measured in the same run, alternating with this one. */
  before?: WhatIfFigures;
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

interface WhatIfRun {
  samples: number[];
  cpuMsPerEdit: number;
}

async function measureOnce(origin: string, contestant: Contestant): Promise<WhatIfRun> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    const report = (await timedPage(
      page,
      `${origin}${stratexRoot(contestant)}/what-if.html?edits=40`,
      120_000,
    )) as unknown as { samples: number[] };
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    return {
      samples: report.samples,
      cpuMsPerEdit: cpuBetween(trace.traceEvents, 'sx-what-if-edits') / report.samples.length,
    };
  } finally {
    await browser.close();
  }
}

function figuresOf(runs: readonly WhatIfRun[]): WhatIfFigures {
  const samples = runs.flatMap((run) => run.samples);
  const cpu = runs.map((run) => round(run.cpuMsPerEdit, 1));
  return {
    edits: samples.length,
    p95_ms: round(percentile(samples, 0.95), 1),
    median_ms: round(median(samples), 1),
    samples_ms: samples,
    cpu_ms_per_edit: round(median(cpu), 1),
    runs_cpu_ms_per_edit: cpu,
  };
}

export async function whatIfCase(
  origin: string,
  log: (line: string) => void,
  { runs = 1, before = false }: { runs?: number; before?: boolean } = {},
): Promise<WhatIfResult> {
  const plan = whatIfPlan();
  writeFileSync(benchPath('dist/site/what-if-1000.csv'), plan);
  if (before) writeFileSync(benchPath('dist/site/before/what-if-1000.csv'), plan);
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  const contestants: Contestant[] = before ? ['stratex', 'stratex-before'] : ['stratex'];
  const measured = new Map<Contestant, WhatIfRun[]>();
  for (let run = 0; run < runs; run++)
    for (const contestant of contestants) {
      const once = await measureOnce(origin, contestant);
      const sorted = [...once.samples].sort((a, b) => a - b);
      log(
        `what-if ${contestant} run ${run + 1}: median ${round(median(sorted), 1)} ms, p95 ${round(percentile(sorted, 0.95), 1)} ms, CPU ${round(once.cpuMsPerEdit, 1)} ms per edit (load ${round(loadavg()[0] ?? 0, 2)})`,
      );
      measured.set(contestant, [...(measured.get(contestant) ?? []), once]);
    }
  const earlier = measured.get('stratex-before');
  const result: WhatIfResult = {
    leaves: 1_000,
    runs,
    ...figuresOf(measured.get('stratex') ?? []),
    load: [loadBefore, round(loadavg()[0] ?? 0, 2)],
    ...(earlier ? { before: figuresOf(earlier) } : {}),
  };
  const brief = (figures: WhatIfFigures): string =>
    JSON.stringify({ ...figures, samples_ms: undefined, before: undefined });
  log(`what-if: ${brief(result)}${result.before ? ` before: ${brief(result.before)}` : ''}`);
  return result;
}

/** The what-if section of the report: this build's figures, and the earlier build's from the same run. */
export function whatIfSection(result: WhatIfResult, rev: string | undefined): string[] {
  const lines = [
    '## What-if',
    '',
    `A target typed in the treemap's what-if panel, then treemap + scorecard + alerts on one plan of ${result.leaves} leaves recomputed and redrawn (send → first frame after all three): p95 ${result.p95_ms} ms, median ${result.median_ms} ms over ${result.edits} edits (target: p95 ≤ 50 ms); main-thread CPU ${result.cpu_ms_per_edit} ms per edit, load ${result.load.join(' → ')}.`,
  ];
  if (result.before)
    lines.push(
      '',
      `The earlier build (${rev ?? 'before'}), same run: p95 ${result.before.p95_ms} ms, median ${result.before.median_ms} ms, CPU ${result.before.cpu_ms_per_edit} ms per edit.`,
    );
  return lines;
}
