// Case 1: the portal demo (seed-sized files, every widget) from navigation to every
// widget's data table filled — cold (a new profile) and warm (the same profile launched
// again: HTTP and compiled-code caches as a returning visitor has them). The baseline is
// the hand-written DuckDB-WASM page on one of the same files, visited the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { launchProfile } from '../lib/browser.ts';
import type { CaseResult, Contestant } from '../lib/results.ts';
import { stratexRoot } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';

/** How long the first visit stays on the page before the browser is closed. */
const LINGER_MS = 8_000;

/** Navigation → the frame on which every Stratex widget of the page shows its data table. */
export async function everyWidgetFilled(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('*')].filter(
        (element) => element.localName.startsWith('sx-') && element.localName !== 'sx-data-source',
      );
      const filled = widgets.every((widget) =>
        widget.shadowRoot?.querySelector('[part="data-table"] tbody tr'),
      );
      return widgets.length > 0 && filled && performance.now();
    },
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function baselineFilled(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => document.querySelector('#result[data-ready] tr') && performance.now(),
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function coldThenWarm(
  visit: (page: Page) => Promise<number>,
): Promise<{ cold: number; warm: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'sx-bench-profile-'));
  try {
    const times: number[] = [];
    for (let visitNumber = 0; visitNumber < 2; visitNumber++) {
      const context = await launchProfile(profile);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        times.push(await visit(page));
        // A visitor reads the page a while; the browser keeps compiled code only after that.
        if (visitNumber === 0) await page.waitForTimeout(LINGER_MS);
      } finally {
        await context.close();
      }
    }
    return { cold: times[0]!, warm: times[1]! };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `before`: the earlier build's portal demo (`--before REV`) visited in turn with the others. */
export async function portalCase(
  origin: string,
  runs: number,
  log: (line: string) => void,
  before = false,
): Promise<CaseResult[]> {
  const visits: [Contestant, (page: Page) => Promise<number>, string][] = [
    [
      'stratex',
      (page) => everyWidgetFilled(page, `${origin}/portal/`),
      'the portal demo: six sources (one of dated notes), eight widgets',
    ],
    [
      'duckdb-wasm-raw',
      (page) => baselineFilled(page, `${origin}/baseline/?csv=../fixtures/template/evaluation.csv`),
      'one CSV of the portal (evaluation.csv) read and shown as a table by hand',
    ],
  ];
  if (before)
    visits.splice(1, 0, [
      'stratex-before',
      (page) => everyWidgetFilled(page, `${origin}${stratexRoot('stratex-before')}/portal/`),
      'the portal demo as the earlier build assembles it',
    ]);
  const samples = new Map<string, number[]>();
  for (let run = 0; run <= runs; run++) {
    for (const [contestant, visit] of visits) {
      const { cold, warm } = await coldThenWarm(visit);
      log(
        `portal ${contestant} run ${run}: cold ${Math.round(cold)} ms, warm ${Math.round(warm)} ms`,
      );
      if (run === 0) continue;
      samples.set(`cold:${contestant}`, [...(samples.get(`cold:${contestant}`) ?? []), cold]);
      samples.set(`warm:${contestant}`, [...(samples.get(`warm:${contestant}`) ?? []), warm]);
    }
  }
  return (['cold', 'warm'] as const).flatMap((kind) =>
    visits.map(([contestant, , note]) => {
      const ms = samples.get(`${kind}:${contestant}`) ?? [];
      return {
        case: kind === 'cold' ? ('portal-cold' as const) : ('portal-warm' as const),
        rows: null,
        format: null,
        contestant,
        median_ms: round(median(ms)),
        p95_ms: round(percentile(ms, 0.95)),
        runs: ms.length,
        samples_ms: ms.map((value) => round(value)),
        note,
      };
    }),
  );
}
