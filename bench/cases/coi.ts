// coi: what DuckDB-WASM's threaded build gives. The treemap page on the 1M CSV and the 1M
// Parquet, navigation → treemap drawn, served from two servers of the same folder: one
// plain (the single-threaded build runs) and one sending Cross-Origin-Opener-Policy and
// Cross-Origin-Embedder-Policy (the page is cross-origin isolated and the threaded build
// runs). The two alternate in each round, the order turned every round, a fresh browser per
// load, one warm-up round discarded. Reported per format: medians, the threaded ÷ the
// single-threaded (of the medians and per round), the threads DuckDB used, and the machine's
// load average; a load that fails is counted, not measured. The embed build here is made with
// `STRATEX_THREADS=1` (the default one has no threaded DuckDB) into a folder of its own, and
// served with the page alone (no contestants to build): `pnpm bench --only coi`, or
// `npx tsx bench/cases/coi.ts [--runs 3] [--rows 1000000]`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../../apps/portal-demo/static-server.mjs';
import { launch, timedPage, VIEWPORT } from '../lib/browser.ts';
import type { Check } from '../lib/results.ts';
import { benchPath } from '../lib/site.ts';
import { median, round } from '../lib/stats.ts';

type Format = 'csv' | 'parquet';
type Build = 'single' | 'threaded';

export interface CoiRuns {
  samples_ms: number[];
  /** Loads that failed (the page showed an error) instead of drawing. */
  failed: string[];
  median_ms: number;
  /** `current_setting('threads')` of the page's database after the treemap was drawn. */
  threads: number;
  check: Check;
}

export interface CoiFormat {
  format: Format;
  single: CoiRuns;
  threaded: CoiRuns;
  /** Threaded median ÷ single-threaded median. */
  ratio: number;
  /** The median of each round's threaded ÷ single-threaded. */
  paired_ratio: number;
  /** Both drew the same groups and sums. */
  agree: boolean;
}

export interface CoiResult {
  rows: number;
  runs: number;
  formats: CoiFormat[];
  /** The machine's load average (1, 5, 15 min) before and after the case. */
  load_before: number[];
  load_after: number[];
}

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The treemap page, an embed build with the threaded DuckDB and the generated facts in one folder. */
function siteFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'stratex-bench-coi-'));
  mkdirSync(join(folder, 'fixtures'));
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'packages/embed/vite.config.ts',
      '--outDir',
      join(folder, 'stratex'),
    ],
    { cwd: benchPath('..'), env: { ...process.env, STRATEX_THREADS: '1' }, stdio: 'ignore' },
  );
  symlinkSync(benchPath('../fixtures/generated'), join(folder, 'fixtures/generated'));
  for (const page of ['treemap.html', 'treemap-probe.js'])
    symlinkSync(benchPath(`pages/${page}`), join(folder, page));
  return folder;
}

const originOf = (server: Server): string =>
  `http://localhost:${(server.address() as AddressInfo).port}`;

interface Sample {
  /** The round it was measured in. */
  run?: number;
  ms: number;
  threads: number;
  isolated: boolean;
  check: Check;
}

async function once(origin: string, rows: number, format: Format): Promise<Sample> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const src = `/fixtures/generated/sales_${rows}.${format}`;
    const report = await timedPage(
      page,
      `${origin}/treemap.html?src=${encodeURIComponent(src)}`,
      60_000 + rows / 40,
    );
    const { threads, isolated } = await page.evaluate(async () => {
      const engine = (globalThis as Record<symbol, { threads(): Promise<number> }>)[
        Symbol.for('stratex.engine')
      ];
      return { threads: (await engine?.threads()) ?? 0, isolated: crossOriginIsolated };
    });
    return {
      ms: report.ms,
      threads,
      isolated,
      check: { groups: report.groups, target: report.target, actual: report.actual },
    };
  } finally {
    await browser.close();
  }
}

const sameCheck = (a: Check, b: Check): boolean =>
  a.groups === b.groups &&
  Math.abs(a.target - b.target) <= 1e-6 * Math.abs(a.target) &&
  Math.abs(a.actual - b.actual) <= 1e-6 * Math.abs(a.actual);

export async function coiCase(
  runs: number,
  log: (line: string) => void,
  rows = 1_000_000,
): Promise<CoiResult> {
  const folder = siteFolder();
  const plain: Server = await startStaticServer(folder, 0);
  const isolated: Server = await startStaticServer(folder, 0, isolation);
  const origins: Record<Build, string> = { single: originOf(plain), threaded: originOf(isolated) };
  const loadBefore = loadavg().map((value) => round(value, 2));
  const formats: CoiFormat[] = [];
  try {
    for (const format of ['csv', 'parquet'] as const) {
      const samples: Record<Build, Sample[]> = { single: [], threaded: [] };
      const failed: Record<Build, string[]> = { single: [], threaded: [] };
      for (let run = 0; run <= runs; run++) {
        const order: Build[] = run % 2 === 0 ? ['single', 'threaded'] : ['threaded', 'single'];
        for (const build of order) {
          let sample: Sample;
          try {
            sample = await once(origins[build], rows, format);
          } catch (cause) {
            const reason = String(cause).replace(/\s+/g, ' ').slice(-160);
            log(`coi ${rows} ${format} ${build} run ${run}: failed (${reason})`);
            failed[build].push(reason);
            continue;
          }
          if (sample.isolated !== (build === 'threaded'))
            throw new Error(`The ${build} page was ${sample.isolated ? '' : 'not '}isolated.`);
          log(
            `coi ${rows} ${format} ${build} run ${run}: ${Math.round(sample.ms)} ms, ${sample.threads} thread(s)`,
          );
          if (run > 0) samples[build].push({ ...sample, run });
        }
      }
      const summary = (build: Build): CoiRuns => ({
        samples_ms: samples[build].map((sample) => round(sample.ms)),
        failed: failed[build],
        median_ms: round(median(samples[build].map((sample) => sample.ms))),
        threads: samples[build][0]?.threads ?? 0,
        check: samples[build][0]?.check ?? { groups: 0, target: 0, actual: 0 },
      });
      const single = summary('single');
      const threaded = summary('threaded');
      const result: CoiFormat = {
        format,
        single,
        threaded,
        ratio: round(threaded.median_ms / single.median_ms, 3),
        paired_ratio: round(
          median(
            samples.threaded.flatMap((sample) => {
              const pair = samples.single.find((other) => other.run === sample.run);
              return pair ? [sample.ms / pair.ms] : [];
            }),
          ),
          3,
        ),
        agree: sameCheck(single.check, threaded.check),
      };
      log(
        `coi ${rows} ${format}: threaded ${threaded.median_ms} ms (${threaded.threads} threads), ` +
          `single ${single.median_ms} ms: × ${result.ratio} (per round × ${result.paired_ratio}); ` +
          `${result.agree ? 'same figures' : 'DIFFERENT FIGURES'}; failed loads: threaded ${threaded.failed.length}, single ${single.failed.length}; load average ${loadavg()
            .map((value) => round(value, 2))
            .join(', ')}`,
      );
      formats.push(result);
    }
  } finally {
    plain.close();
    isolated.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    rows,
    runs,
    formats,
    load_before: loadBefore,
    load_after: loadavg().map((value) => round(value, 2)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, rows: { type: 'string' } } });
  const result = await coiCase(
    Number(values.runs ?? 3),
    (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
    Number(values.rows ?? 1_000_000),
  );
  mkdirSync(benchPath('results'), { recursive: true });
  writeFileSync(benchPath('results/coi.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.exit(result.formats.every((format) => format.agree) ? 0 : 1);
}
