// Case 3: drill-down and cross-filter on the generated facts (1M rows; 5M in the full run).
// A treemap by region › product line › customer type and a second treemap by channel share
// one source; each input is timed in the page from the event to the frame after both widgets
// re-rendered. The page records how the coordinator answered each input, so the figures are
// given apart: the first drill after a load (its pre-aggregates are built then), later inputs
// that ran SQL, and repeats answered from kept answers. Several fresh loads give the first
// drill more than one sample. The baseline, in the same pages and run, is the filtered
// GROUP BY alone, sent straight to the same DuckDB-WASM worker.
import { launch, VIEWPORT } from '../lib/browser.ts';
import { byPhase, type Phase, planCounts, type TimedInteraction } from '../lib/interactions.ts';
import type { CaseResult, Contestant } from '../lib/results.ts';
import { stratexRoot } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';
import type { Format } from './treemap.ts';

/** Runs in the page: one interaction, timed to the frame after both widgets settled. */
const pageScript = `
window.benchAnswers = [];
window.benchWatch = async () => {
  const { pageEngine } = await import('./stratex/stratex.js');
  const coordinator = pageEngine().coordinator;
  const request = coordinator.request;
  coordinator.request = async (...args) => {
    const result = await request.apply(coordinator, args);
    window.benchAnswers.push({ plan: result.plan, cached: result.cached });
    return result;
  };
};
window.benchInteract = async (kind) => {
  const widgets = [document.getElementById('regions'), document.getElementById('channels')];
  const map = widgets[0].shadowRoot;
  window.benchAnswers = [];
  const start = performance.now();
  if (kind === 'drill') {
    const tiles = map.querySelectorAll('[part~="tile"]');
    tiles[window.benchTile++ % tiles.length].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  } else {
    map.querySelector('[part~="tile"][tabindex="0"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
  }
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    if (widgets.every((widget) => widget.state === 'ready' && !widget.isBusy)) break;
  }
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return { kind, ms: performance.now() - start, answers: window.benchAnswers };
};
window.benchTile = 0;
window.benchQuery = async (table, region) => {
  const { pageEngine } = await import('./stratex/stratex.js');
  const start = performance.now();
  await pageEngine().records(
    'SELECT channel, SUM(target_share) AS target, SUM(amount) AS actual FROM "' + table + '" WHERE region = ? GROUP BY 1',
    [region],
  );
  return performance.now() - start;
};
`;

const REGIONS = ['华东', '华北', '华南', '华中', '西南'];

type BenchWindow = {
  benchWatch(): Promise<void>;
  benchInteract(kind: string): Promise<TimedInteraction>;
  benchQuery(table: string, region: string): Promise<number>;
};

interface LoadSamples {
  interactions: TimedInteraction[];
  bare: number[];
}

/**
 * One fresh browser: load the facts, then `rounds` of drill, up and clear, each followed by
 * the bare query. `thinkMs`: a pause between the widgets' first views and the first input,
 * as a person looks before clicking (0: the input comes at once). `build`: which Stratex
 * build serves the page (`stratex-before`: the earlier one, `--before REV`).
 */
async function measureLoad(
  origin: string,
  build: Contestant,
  rows: number,
  format: Format,
  rounds: number,
  thinkMs: number,
): Promise<LoadSamples> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${origin}${stratexRoot(build)}/interaction.html`);
    await page.evaluate(pageScript);
    await page.evaluate(() => (window as never as BenchWindow).benchWatch());
    await page.evaluate(
      (src) => document.getElementById('sales')?.setAttribute('src', src),
      `fixtures/generated/sales_${rows}.${format}`,
    );
    await page.waitForFunction(
      () =>
        ['regions', 'channels'].every(
          (id) => (document.getElementById(id) as unknown as { state: string }).state === 'ready',
        ),
      undefined,
      { timeout: 120_000 + rows / 10, polling: 100 },
    );
    if (thinkMs > 0) await page.waitForTimeout(thinkMs);
    const table = format === 'csv' ? 'sx_sales_typed' : 'sx_sales';
    const samples: LoadSamples = { interactions: [], bare: [] };
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['drill', 'up', 'clear'])
        samples.interactions.push(
          await page.evaluate((k) => (window as never as BenchWindow).benchInteract(k), kind),
        );
      samples.bare.push(
        await page.evaluate(
          ([name, region]) => (window as never as BenchWindow).benchQuery(name!, region!),
          [table, REGIONS[round % REGIONS.length]!],
        ),
      );
    }
    return samples;
  } finally {
    await browser.close();
  }
}

const PHASE_NOTES: Record<Phase, string> = {
  cold: 'the first drill after each fresh load: the drilled views are answered while their pre-aggregates are built',
  answered:
    'later drills, ups and clears for which at least one widget request ran SQL (a pre-aggregate or the raw rows)',
  repeat:
    'later inputs whose every widget request was a kept answer (a view seen before in the same page)',
};

const CASES: Record<Phase, CaseResult['case']> = {
  cold: 'interaction-cold',
  answered: 'interaction-answered',
  repeat: 'interaction-repeat',
};

export async function interactionCase(
  origin: string,
  rows: number,
  format: Format,
  loads: number,
  rounds: number,
  log: (line: string) => void,
  thinkMs = 0,
  before = false,
): Promise<CaseResult[]> {
  // With `--before REV`, each load of this build is followed by one of the earlier build.
  const builds: Contestant[] = before ? ['stratex', 'stratex-before'] : ['stratex'];
  const measured = new Map(
    builds.map((build) => [
      build,
      {
        all: [] as TimedInteraction[],
        phases: { cold: [], answered: [], repeat: [] } as Record<Phase, number[]>,
      },
    ]),
  );
  // The bare query is timed in every page, so that each build's loads run the same steps;
  // it is reported from this build's pages.
  const bare: number[] = [];
  for (let load = 0; load < loads; load++) {
    for (const [build, { all, phases }] of measured) {
      const samples = await measureLoad(origin, build, rows, format, rounds, thinkMs);
      all.push(...samples.interactions);
      if (build === 'stratex') bare.push(...samples.bare);
      const split = byPhase(samples.interactions);
      for (const phase of Object.keys(phases) as Phase[]) phases[phase].push(...split[phase]);
    }
  }
  const describe = (ms: number[]): string =>
    ms.length === 0
      ? 'none'
      : `median ${Math.round(median(ms))} ms, p95 ${Math.round(percentile(ms, 0.95))} ms (n=${ms.length})`;
  for (const [build, { all, phases }] of measured)
    log(
      `interaction ${rows} ${format}${thinkMs > 0 ? ` (${thinkMs} ms before the first input)` : ''}: ${build} all ${describe(all.map((item) => item.ms))}; first drill ${describe(phases.cold)}; answered ${describe(phases.answered)}; repeats ${describe(phases.repeat)}${build === 'stratex' ? `; bare query ${describe(bare)}` : ''}; answers: ${planCounts(all)}`,
    );

  const result = (
    kind: CaseResult['case'],
    contestant: CaseResult['contestant'],
    ms: number[],
    note: string,
  ): CaseResult => ({
    case: kind,
    rows,
    format,
    contestant,
    median_ms: round(median(ms), 1),
    p95_ms: round(percentile(ms, 0.95), 1),
    runs: ms.length,
    samples_ms: ms.map((value) => round(value, 1)),
    note,
  });
  const notes: Record<string, (all: TimedInteraction[]) => string> = {
    stratex: (all) =>
      `drill, up and clear on a region › product › customer treemap; a channel treemap on the same source re-renders too; ${loads} fresh loads × ${rounds} rounds${thinkMs > 0 ? `, ${thinkMs} ms after the first views before the first input` : ''}, none dropped (answers: ${planCounts(all)})`,
    'stratex-before': (all) =>
      `the same page and inputs on the earlier build, each of its ${loads} fresh loads after one of this build's (answers: ${planCounts(all)})`,
  };
  const results = [...measured].flatMap(([build, { all, phases }]) => [
    result(
      'interaction',
      build,
      all.map((item) => item.ms),
      notes[build]!(all),
    ),
    ...(Object.keys(phases) as Phase[])
      .filter((phase) => phases[phase].length > 0)
      .map((phase) => result(CASES[phase], build, phases[phase], PHASE_NOTES[phase])),
  ]);
  // The bare query beside this build's whole case, as its baseline.
  results.splice(
    1,
    0,
    result(
      'interaction',
      'duckdb-wasm-raw',
      bare,
      'the filtered GROUP BY alone, sent to the same DuckDB-WASM worker (nothing drawn)',
    ),
  );
  return results;
}
