// What-if: a treemap in what-if mode, a scorecard and the variance alerts on one plan of
// 1,000 leaves (10 regions × 100 product lines). Each edit is typed in the treemap's panel;
// timed from the send to the first frame after all three widgets have drawn it. Target:
// p95 ≤ 50 ms.
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

export async function whatIfCase(
  origin: string,
  log: (line: string) => void,
): Promise<WhatIfResult> {
  writeFileSync(benchPath('dist/site/what-if-1000.csv'), whatIfPlan());
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
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
    const result: WhatIfResult = {
      leaves: 1_000,
      edits: report.samples.length,
      p95_ms: round(report.ms, 1),
      median_ms: round(report.median, 1),
      samples_ms: report.samples,
      load: [loadBefore, round(loadavg()[0] ?? 0, 2)],
    };
    log(`what-if: ${JSON.stringify({ ...result, samples_ms: undefined })}`);
    return result;
  } finally {
    await browser.close();
  }
}
