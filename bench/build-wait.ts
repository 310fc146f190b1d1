// How long a drill waits for a pre-aggregate being built in the background, before and after
// builds gave way to requests, in one browser and one run. The generated facts (1M rows) are
// loaded again for every sample; the two treemaps' first views are asked for (which declares
// the drill's pre-aggregates), and the drill's cross-filtered request is sent the moment a
// build step has started: the second step (the drill's own pre-aggregate is built by then),
// or the first (the drill needs the very table being built). Samples alternate between
// builds sent to the database like any statement ("before") and as background statements
// ("after"). Needs the embed build and the generated facts:
//   npx -y pnpm@12.4.2 run build:embed && npx tsx fixtures/generate.ts --rows 1000000
//   npx tsx bench/build-wait.ts [samples per figure, default 4] [rows, default 1000000]
import { launch, VIEWPORT } from './lib/browser.ts';
import { serveSite } from './lib/site.ts';
import { median, percentile, round } from './lib/stats.ts';

interface Sample {
  background: boolean;
  step: number;
  waitMs: number;
  plan: string;
  /** The drill was answered before the build step it came during had finished. */
  answeredFirst: boolean;
  buildMs: number;
  idleMs: number;
  /** The drill's statements: when each was sent after the drill began + how long it took. */
  queries: string;
}

/** Runs in the page: `samples` loads per figure, each giving one `Sample`. */
const pageScript = `
window.buildWait = async (url, samples) => {
  const { pageEngine } = await import('./stratex/stratex.js');
  const engine = pageEngine();
  const coordinator = engine.coordinator;
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const records = engine.records.bind(engine);
  let background = true;
  let steps = [];
  let heard = () => undefined;
  let trace;
  engine.records = (sql, params, options) => {
    const run = options && background ? records(sql, params, options) : records(sql, params);
    if (trace) {
      const at = performance.now();
      run.finally(() => trace.push(Math.round(at - trace.start) + '+' + Math.round(performance.now() - at)));
    }
    if (/^CREATE .*sx_cube_/.test(sql)) {
      const step = { start: performance.now(), done: run.then(() => performance.now(), () => performance.now()) };
      steps.push(step);
      heard();
    }
    return run;
  };
  const stepStarted = (n) =>
    new Promise((resolve) => {
      heard = () => steps.length >= n && resolve(steps[n - 1]);
      heard();
    });
  const levels = ['region', 'product_line', 'customer_type'];
  const regions = ['华东', '华北', '华南', '华中', '西南'];
  const measures = ['target_share', 'amount'].map((column) => ({ column, aggregate: 'sum', digits: 6 }));
  const treemap = (groupBy, filter = {}) => ({ kind: 'aggregate', source: 'facts', groupBy, measures, filter });
  const out = [];
  for (let i = 0; i < samples * 4; i++) {
    background = i % 2 === 1;
    const stepNumber = i % 4 < 2 ? 2 : 1;
    await engine.defineSource('facts', { bytes: bytes.slice(), format: 'csv' }).ready;
    steps = [];
    await Promise.all([coordinator.request(treemap(levels)), coordinator.request(treemap(['channel']))]);
    const step = await stepStarted(stepNumber);
    const start = performance.now();
    trace = [];
    trace.start = start;
    const answer = await coordinator.request(treemap(['channel'], { region: regions[i % 5] }));
    const answered = performance.now();
    const queries = trace.join(' ');
    trace = undefined;
    const end = await step.done;
    await coordinator.prepared();
    const idleStart = performance.now();
    await coordinator.request(treemap(['channel'], { region: regions[(i + 1) % 5] }));
    out.push({
      background,
      step: stepNumber,
      waitMs: answered - start,
      plan: answer.plan,
      answeredFirst: answered < end,
      buildMs: end - step.start,
      idleMs: performance.now() - idleStart,
      queries,
    });
  }
  return out;
};
`;

type BenchWindow = { buildWait(url: string, samples: number): Promise<Sample[]> };

const samples = Number(process.argv[2] ?? 4);
const rows = Number(process.argv[3] ?? 1_000_000);
const site = await serveSite();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${site.origin}/interaction.html`);
  await page.evaluate(pageScript);
  const results = await page.evaluate(
    ([url, count]) => (window as never as BenchWindow).buildWait(url as string, count as number),
    [`fixtures/generated/sales_${rows}.csv`, samples] as const,
  );
  const figure = (values: number[]): string =>
    `median ${round(median(values), 1)} ms, p95 ${round(percentile(values, 0.95), 1)} ms`;
  for (const step of [2, 1]) {
    const during =
      step === 2 ? 'another pre-aggregate is being built' : 'its own pre-aggregate is being built';
    console.log(`\nA drill sent while ${during} (step ${step}), ${rows} rows:`);
    const waits: Record<string, number> = {};
    for (const background of [false, true]) {
      const mine = results.filter((r) => r.step === step && r.background === background);
      const wait = mine.map((r) => r.waitMs);
      waits[String(background)] = median(wait);
      console.log(
        `  ${background ? 'after ' : 'before'}: drill ${figure(wait)}; build step ${figure(mine.map((r) => r.buildMs))}; ` +
          `answered before the step ended ${mine.filter((r) => r.answeredFirst).length}/${mine.length}; ` +
          `plans ${[...new Set(mine.map((r) => r.plan))].join(', ')}`,
      );
    }
    for (const r of results.filter((r) => r.step === step))
      console.log(`    ${r.background ? 'after ' : 'before'} ${round(r.waitMs)} ms: ${r.queries}`);
    console.log(`  after ÷ before (median wait): ${round(waits.true! / waits.false!, 2)}`);
  }
  const idle = results.map((r) => r.idleMs);
  console.log(`\nThe same drill with nothing being built: ${figure(idle)}`);
} finally {
  await browser.close();
  site.close();
}
