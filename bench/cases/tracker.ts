// Case: a progress tracker of 10,000 tasks, navigation → its rows drawn and its data table
// holding every task, and the part of that after its rows were read (the drawing alone).
// With `--before REV` the earlier build draws the same page in the same run, alternating.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { launch, timedPage, VIEWPORT } from '../lib/browser.ts';
import type { CaseResult, Contestant } from '../lib/results.ts';
import { benchPath, stratexRoot } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';

export const TRACKER_TASKS = 10_000;

/** The progress table: 10,000 tasks over June 2024, owners, progress as the template writes it. */
export function writeTasksCsv(tasks = TRACKER_TASKS): string {
  const file = `tasks_${tasks}.csv`;
  const path = benchPath(`../fixtures/generated/${file}`);
  if (!existsSync(path)) {
    mkdirSync(benchPath('../fixtures/generated'), { recursive: true });
    const lines = ['任务名称,负责人,计划开始时间,计划结束时间,实际进度（%/完成状态）'];
    for (let at = 0; at < tasks; at++) {
      const end = String(2 + (at % 28)).padStart(2, '0');
      lines.push(`任务 ${at + 1},负责人 ${at % 37},2024-06-01,2024-06-${end},${(at * 7) % 101}%`);
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
  }
  return `/fixtures/generated/${file}`;
}

interface Sample {
  ms: number;
  drawMs: number;
}

async function measureOnce(origin: string, contestant: Contestant, src: string): Promise<Sample> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const url = `${origin}${stratexRoot(contestant)}/tracker.html?src=${encodeURIComponent(src)}&tasks=${TRACKER_TASKS}`;
    const report = (await timedPage(page, url, 120_000)) as { ms: number; drawMs?: number };
    return { ms: report.ms, drawMs: report.drawMs ?? NaN };
  } finally {
    await browser.close();
  }
}

export async function trackerCase(
  origin: string,
  runs: number,
  log: (line: string) => void,
  before = false,
): Promise<CaseResult[]> {
  const src = writeTasksCsv();
  const contestants: Contestant[] = before ? ['stratex', 'stratex-before'] : ['stratex'];
  const samples = new Map<Contestant, Sample[]>();
  // Run 0 warms the machine's file cache and is discarded; contestants alternate within a run.
  for (let run = 0; run <= runs; run++) {
    for (const contestant of contestants) {
      const sample = await measureOnce(origin, contestant, src);
      log(
        `tracker ${contestant} run ${run}: ${Math.round(sample.ms)} ms (drawing ${Math.round(sample.drawMs)} ms)`,
      );
      if (run > 0) samples.set(contestant, [...(samples.get(contestant) ?? []), sample]);
    }
  }
  return contestants.flatMap((contestant) => {
    const taken = samples.get(contestant) ?? [];
    return (['tracker', 'tracker-draw'] as const).map((kind) => {
      const ms = taken.map((sample) => (kind === 'tracker' ? sample.ms : sample.drawMs));
      return {
        case: kind,
        rows: TRACKER_TASKS,
        format: 'csv' as const,
        contestant,
        median_ms: round(median(ms)),
        p95_ms: round(percentile(ms, 0.95)),
        runs: ms.length,
        samples_ms: ms.map((value) => round(value)),
        note:
          kind === 'tracker'
            ? 'navigation → 10,000 tasks: rows drawn and every task in the data table'
            : 'the tracker read its rows → drawn (the drawing alone)',
      };
    });
  });
}
