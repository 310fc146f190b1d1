// Loading the 1M-row sales facts (Parquet and CSV) in headless Chromium, side by side:
// through Stratex's engine, and with DuckDB-WASM by hand. Start-up is excluded (both pages
// open the database and the Parquet decoder first); each load runs in a fresh context, with
// its peak JS heap (objects plus ArrayBuffer
// backing stores, as CDP's Runtime.getHeapUsage reports them) sampled every 50 ms. Run: npx tsx bench/load-1m.ts
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { chromiumArgs, chromiumPath } from '../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const formats = ['parquet', 'csv'] as const;
const pages = ['ours', 'by-hand'] as const;

interface Measure {
  ms: number;
  rows: number;
  peakHeapMB: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(
  browser: Browser,
  origin: string,
  page: string,
  url: string,
): Promise<Measure> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(`${origin}/bench/dist/load-1m/${page}.html`);
  await tab.waitForFunction(() => 'benchReady' in window);
  await tab.evaluate(() => (window as unknown as { benchReady: Promise<void> }).benchReady);
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const usage = (await cdp.send('Runtime.getHeapUsage')) as {
        usedSize: number;
        backingStorageSize?: number;
      };
      peak = Math.max(peak, usage.usedSize + (usage.backingStorageSize ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const result = await tab.evaluate(
    (target) =>
      (
        window as unknown as { benchLoad(url: string): Promise<{ ms: number; rows: number }> }
      ).benchLoad(target),
    url,
  );
  sampling = false;
  await sampler;
  await context.close();
  return { ...result, peakHeapMB: Math.round(peak / 1024 ** 2) };
}

export async function loadOneMillion(): Promise<Record<string, unknown>> {
  if (!existsSync(here('../fixtures/generated/sales_1000000.parquet'))) {
    execFileSync('npx', ['tsx', here('../fixtures/generate.ts'), '--rows', '1000000'], {
      stdio: 'inherit',
    });
  }
  execFileSync('npx', ['vite', 'build', '--config', here('./load-1m/vite.config.ts')], {
    stdio: 'inherit',
  });
  const server = await startStaticServer(here('..'), 0);
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const samples: Record<string, Measure[]> = {};
  try {
    for (let run = 0; run < runs; run++) {
      for (const format of formats) {
        for (const page of pages) {
          const url = `${origin}/fixtures/generated/sales_1000000.${format}`;
          (samples[`${format}:${page}`] ??= []).push(await measure(browser, origin, page, url));
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const summary: Record<string, unknown> = { runs, machine: `${process.platform} ${process.arch}` };
  for (const format of formats) {
    const ours = samples[`${format}:ours`] ?? [];
    const byHand = samples[`${format}:by-hand`] ?? [];
    const oursMs = median(ours.map((sample) => sample.ms));
    const byHandMs = median(byHand.map((sample) => sample.ms));
    summary[format] = {
      rows: ours[0]?.rows,
      oursMedianMs: Math.round(oursMs),
      byHandMedianMs: Math.round(byHandMs),
      ratio: Number((oursMs / byHandMs).toFixed(2)),
      oursPeakHeapMB: Math.max(...ours.map((sample) => sample.peakHeapMB)),
      byHandPeakHeapMB: Math.max(...byHand.map((sample) => sample.peakHeapMB)),
      oursMs: ours.map((sample) => Math.round(sample.ms)),
      byHandMs: byHand.map((sample) => Math.round(sample.ms)),
    };
  }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await loadOneMillion();
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(here('./results/load-1m.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
