// The benchmark suite, one command: `pnpm bench` (full) or `pnpm bench --quick`.
// Stratex side by side with DuckDB-WASM by hand, Perspective, arquero and native DuckDB,
// in headless Debian Chromium on localhost, the same generated files for everyone.
// Writes bench/results/latest.json, latest.md and growth.svg, and the table in docs/benchmarks.md
// (a quick run: quick.json and quick.md). `--only clickhouse,…` runs the named cases (portal,
// treemap, interaction, memory, what-if, clickhouse, tracker, line-numbers, workbook, drill,
// drill-browser; and, only when named, coi: the threaded build on a cross-origin isolated page).
// `--before REV` builds REV in a worktree of its own and measures it beside this build in the
// portal, treemap, interaction, tracker and what-if cases.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { clickhouseCase } from './cases/clickhouse.ts';
import { coiCase } from './cases/coi.ts';
import { drillCase } from './cases/drill.ts';
import { drillBrowserCase } from './cases/drill-browser.ts';
import { interactionCase } from './cases/interaction.ts';
import { lineNumbersCase } from './cases/line-numbers.ts';
import { memoryCase } from './cases/memory.ts';
import { portalCase } from './cases/portal.ts';
import { sizesCase } from './cases/sizes.ts';
import { trackerCase } from './cases/tracker.ts';
import { type Format, treemapCase } from './cases/treemap.ts';
import { whatIfCase } from './cases/what-if.ts';
import { workbookCase } from './cases/workbook.ts';
import { buildBefore } from './lib/before.ts';
import { checkAgreement } from './lib/checks.ts';
import type { BenchResults } from './lib/results.ts';
import { benchPath, serveSite } from './lib/site.ts';
import { writeReport } from './report.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    // Some cases only (portal,treemap,interaction,memory): written to results/partial.*,
    // leaving latest.* and docs/benchmarks.md as they are.
    only: { type: 'string' },
    sizes: { type: 'string' },
    'cluster-sizes': { type: 'string' },
    // Interaction case: a pause after the first views before the first input (default 0).
    'think-ms': { type: 'string' },
    // An earlier revision (a commit, branch or tag) measured as one more contestant.
    before: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const plan = {
  runs: Number(values.runs ?? (quick ? 3 : 5)),
  // Quick: the headline size only (under five minutes on two cores); full: the growth curve.
  sizes: values.sizes
    ? values.sizes.split(',').map(Number)
    : quick
      ? [1_000_000]
      : [100_000, 1_000_000, 5_000_000],
  formats: ['csv', 'parquet'] as Format[],
  interactionFormats: (quick ? ['parquet'] : ['parquet', 'csv']) as Format[],
  // Fresh loads per interaction size and format (each gives one first drill), rounds in each.
  interactionLoads: quick ? 2 : 3,
  interactionRounds: 6,
  interactionThinkMs: Number(values['think-ms'] ?? 0),
  // The ClickHouse case: the cluster against the DuckDB query server, 10M rows (50M, which
  // adds a quarter of an hour, with `--cluster-sizes 10000000,50000000`).
  clusterSizes: values['cluster-sizes']
    ? values['cluster-sizes'].split(',').map(Number)
    : [10_000_000],
  clusterSessions: quick ? 10 : 20,
  // Loads with and without line numbers, in turn: enough for a stable median.
  lineRuns: Number(values.runs ?? (quick ? 5 : 9)),
  // Drill-through panel opens, each from another figure.
  drillOpens: quick ? 20 : 40,
};
const interactionSizes = plan.sizes.filter((rows) => rows >= 1_000_000);
const largest = Math.max(...plan.sizes);
const only = new Set(
  (
    values.only ??
    'portal,treemap,interaction,memory,what-if,clickhouse,tracker,line-numbers,workbook,drill,drill-browser'
  ).split(','),
);
/** Cases in headless Chromium, which need the built site. */
const inBrowser = [
  'portal',
  'treemap',
  'interaction',
  'memory',
  'what-if',
  'tracker',
  'workbook',
  'drill-browser',
].some((name) => only.has(name));

const started = Date.now();
const log = (line: string): void =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function git(...args: string[]): string {
  return execFileSync('git', ['-C', benchPath('..'), ...args], { encoding: 'utf8' }).trim();
}

const missing = [
  ...new Set([
    ...(only.has('treemap') ? plan.sizes : []),
    ...(only.has('workbook') ? [1_000_000] : []),
    ...(only.has('coi') ? [1_000_000] : []),
  ]),
].filter(
  (rows) =>
    !plan.formats.every((format) =>
      existsSync(benchPath(`../fixtures/generated/sales_${rows}.${format}`)),
    ),
);
if (missing.length > 0) {
  log(`generating sales facts: ${missing.join(', ')} rows`);
  execFileSync('npx', ['tsx', benchPath('../fixtures/generate.ts'), '--rows', missing.join(',')], {
    stdio: 'inherit',
  });
}

const before = values.before && inBrowser ? buildBefore(values.before, log) : undefined;
const site = inBrowser ? await serveSite(before !== undefined) : undefined;
const results: BenchResults = {
  date: new Date().toISOString(),
  commit:
    git('rev-parse', 'HEAD') +
    (git('status', '--porcelain', '--', 'packages', 'apps').length > 0 ? '+changes' : ''),
  machine: `${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`,
  mode: quick ? 'quick' : 'full',
  cases: [],
  checks: [],
  // The download sizes compare the contestants' pages, built only for the cases they run in.
  ...(['portal', 'treemap', 'interaction', 'memory'].some((name) => only.has(name))
    ? { sizes: sizesCase() }
    : {}),
  memory: undefined as never,
  ...(before ? { before } : {}),
};
try {
  if (site) {
    const withBefore = before !== undefined;
    if (only.has('portal'))
      results.cases.push(...(await portalCase(site.origin, plan.runs, log, withBefore)));
    if (only.has('treemap'))
      results.cases.push(
        ...(await treemapCase(site.origin, plan.sizes, plan.formats, plan.runs, log, withBefore)),
      );
    if (only.has('interaction'))
      for (const rows of interactionSizes)
        for (const format of plan.interactionFormats)
          results.cases.push(
            ...(await interactionCase(
              site.origin,
              rows,
              format,
              plan.interactionLoads,
              plan.interactionRounds,
              log,
              plan.interactionThinkMs,
              withBefore,
            )),
          );
    if (only.has('tracker'))
      results.cases.push(...(await trackerCase(site.origin, plan.runs, log, withBefore)));
    if (only.has('memory')) {
      results.memory = await memoryCase(
        site.origin,
        { rows: 1_000_000, format: 'csv', widgets: 4 },
        log,
      );
      if (!quick && largest > 1_000_000)
        results.large_memory = await memoryCase(
          site.origin,
          { rows: largest, format: 'parquet', widgets: 1 },
          log,
        );
    }
    if (only.has('what-if'))
      results.what_if = await whatIfCase(site.origin, log, {
        runs: values.runs ? plan.runs : 1,
        before: withBefore,
      });
    // The workbook of the 1M sales rows (written from the CSV when missing) ÷ that CSV.
    if (only.has('workbook'))
      results.workbook = await workbookCase(site.origin, 1_000_000, plan.runs, log);
    if (only.has('drill-browser'))
      results.drill_browser = await drillBrowserCase(site.origin, plan.drillOpens, log);
  }
  if (only.has('clickhouse'))
    results.clickhouse = await clickhouseCase(plan.clusterSizes, plan.clusterSessions, log);
  if (only.has('line-numbers')) {
    results.line_numbers = await lineNumbersCase(plan.lineRuns, log);
    mkdirSync(benchPath('results'), { recursive: true });
    writeFileSync(
      benchPath('results/line-numbers.json'),
      `${JSON.stringify(results.line_numbers, null, 2)}\n`,
    );
  }
  if (only.has('drill')) results.drill = await drillCase(plan.drillOpens, log);
  if (only.has('coi')) results.coi = await coiCase(plan.runs, log);
} finally {
  site?.close();
}
results.checks = checkAgreement(results.cases);

mkdirSync(benchPath('results'), { recursive: true });
if (values.only) {
  writeFileSync(benchPath('results/partial.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results, 'partial');
  log('wrote bench/results/partial.json and partial.md (some cases only)');
} else if (quick) {
  // The committed latest.* and docs/benchmarks.md stay the last full run's.
  writeFileSync(benchPath('results/quick.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results, 'quick');
  log('wrote bench/results/quick.json and quick.md');
} else {
  writeFileSync(benchPath('results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results);
  log('wrote bench/results/latest.json, latest.md, growth.svg and the table in docs/benchmarks.md');
}
const disagreeing = results.checks.filter((check) => !check.agree);
if (disagreeing.length > 0) {
  console.error('Contestants disagree on the figures:', JSON.stringify(disagreeing, null, 2));
  process.exit(1);
}
const clusterDisagrees = results.clickhouse?.agree.filter((check) => !check.agree) ?? [];
if (clusterDisagrees.length > 0) {
  console.error('ClickHouse and the DuckDB server disagree:', JSON.stringify(clusterDisagrees));
  process.exit(1);
}
