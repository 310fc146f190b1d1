// Case 2: navigation → treemap of region × product line drawn, CSV and Parquet, for every
// browser contestant in a fresh browser per load, alternating, warm-up discarded; native
// DuckDB in Node on the same files.
import { launch, peakRendererRssMb, timedPage, VIEWPORT } from '../lib/browser.ts';
import { stratexRoot } from '../lib/site.ts';
import type { CaseResult, Check, Contestant } from '../lib/results.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { nativeTreemap } from './native.ts';

export type Format = 'csv' | 'parquet';

const BROWSER_CONTESTANTS: readonly Contestant[] = [
  'stratex',
  'duckdb-wasm-raw',
  'perspective',
  'arquero',
];

function pageUrl(origin: string, contestant: Contestant, src: string): string {
  const query = `?src=${encodeURIComponent(src)}`;
  return contestant === 'stratex' || contestant === 'stratex-before'
    ? `${origin}${stratexRoot(contestant)}/treemap.html${query}`
    : `${origin}/contestants/${contestant}.html${query}`;
}

interface Sample {
  ms: number;
  rssMb: number;
  check: Check;
}

async function measureOnce(
  origin: string,
  contestant: Contestant,
  rows: number,
  format: Format,
): Promise<Sample> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const src = `/fixtures/generated/sales_${rows}.${format}`;
    const timeout = 60_000 + rows / 40;
    const report = await timedPage(page, pageUrl(origin, contestant, src), timeout);
    const rssMb = await peakRendererRssMb(browser);
    return {
      ms: report.ms,
      rssMb,
      check: { groups: report.groups, target: report.target, actual: report.actual },
    };
  } finally {
    await browser.close();
  }
}

export async function treemapCase(
  origin: string,
  sizes: readonly number[],
  formats: readonly Format[],
  runs: number,
  log: (line: string) => void,
  before = false,
): Promise<CaseResult[]> {
  // The earlier build (`--before REV`) right after this one, on the same page.
  const contestants: readonly Contestant[] = before
    ? ['stratex', 'stratex-before', ...BROWSER_CONTESTANTS.slice(1)]
    : BROWSER_CONTESTANTS;
  const results: CaseResult[] = [];
  for (const rows of sizes) {
    for (const format of formats) {
      const samples = new Map<Contestant, Sample[]>();
      const failures = new Map<Contestant, number>();
      // Run 0 warms the machine's file cache and is discarded; contestants alternate within a run.
      for (let run = 0; run <= runs; run++) {
        for (const contestant of contestants) {
          let sample: Sample;
          try {
            sample = await measureOnce(origin, contestant, rows, format);
          } catch (cause) {
            // A contestant that hangs or crashes on one run is counted, not allowed to end the suite.
            log(
              `treemap ${rows} ${format} ${contestant} run ${run}: failed (${String(cause).split('\n')[0]})`,
            );
            if (run > 0) failures.set(contestant, (failures.get(contestant) ?? 0) + 1);
            continue;
          }
          log(`treemap ${rows} ${format} ${contestant} run ${run}: ${Math.round(sample.ms)} ms`);
          if (run > 0) samples.set(contestant, [...(samples.get(contestant) ?? []), sample]);
        }
      }
      for (const [contestant, failed] of failures) {
        if (samples.has(contestant)) continue;
        results.push({
          case: 'treemap',
          rows,
          format,
          contestant,
          median_ms: NaN,
          p95_ms: NaN,
          runs: 0,
          samples_ms: [],
          failed_runs: failed,
        });
      }
      const native = await nativeTreemap(rows, format, runs);
      log(`treemap ${rows} ${format} duckdb-native: ${Math.round(median(native.samples))} ms`);
      for (const [contestant, list] of samples) {
        const ms = list.map((sample) => sample.ms);
        results.push({
          case: 'treemap',
          rows,
          format,
          contestant,
          median_ms: round(median(ms)),
          p95_ms: round(percentile(ms, 0.95)),
          runs: ms.length,
          samples_ms: ms.map((value) => round(value)),
          check: list[0]!.check,
          peak_rss_mb: Math.max(...list.map((sample) => sample.rssMb)),
          ...(failures.get(contestant) ? { failed_runs: failures.get(contestant) } : {}),
        });
      }
      results.push({
        case: 'treemap',
        rows,
        format,
        contestant: 'duckdb-native',
        median_ms: round(median(native.samples)),
        p95_ms: round(percentile(native.samples, 0.95)),
        runs: native.samples.length,
        samples_ms: native.samples.map((value) => round(value, 1)),
        check: native.check,
        note: 'Node, @duckdb/node-api, a new in-memory database per run: read + GROUP BY, nothing drawn',
      });
    }
  }
  return results;
}
