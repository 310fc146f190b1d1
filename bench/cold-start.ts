// Cold start, side by side: navigation → figures on screen, for one Stratex scorecard
// and for a hand-written DuckDB-WASM page on the same CSV (plus the whole portal demo), each in a fresh browser
// context (empty cache), alternating, in one run.
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { chromiumArgs, chromiumPath } from '../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function folderBytes(folder: string, keep: (file: string) => boolean): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && keep(entry.name))
      total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function timeToFigures(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(
    (selector) => {
      let scope: ParentNode | null = document;
      for (const part of selector.split(' >>> ')) {
        const found: Element | null = scope?.querySelector(part) ?? null;
        if (!found) return false;
        scope = found.shadowRoot ?? found;
      }
      return performance.now();
    },
    ready,
    { timeout: 120_000, polling: 'raf' },
  );
  const elapsed = (await handle.jsonValue()) as number;
  await context.close();
  return elapsed;
}

export async function coldStart(): Promise<Record<string, unknown>> {
  const site = here('./dist/site/');
  mkdirSync(site, { recursive: true });
  cpSync(here('../apps/portal-demo/dist/'), site, { recursive: true });
  cpSync(here('./dist/baseline/'), join(site, 'baseline'), { recursive: true });
  cpSync(here('./pages/scorecard.html'), join(site, 'scorecard.html'));

  const server = await startStaticServer(site, 0);
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const stratex: number[] = [];
  const portal: number[] = [];
  const baseline: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      stratex.push(
        await timeToFigures(
          browser,
          `${origin}/scorecard.html`,
          '#scorecard >>> [part="data-table"] tbody tr',
        ),
      );
      portal.push(
        await timeToFigures(
          browser,
          `${origin}/`,
          '#scorecard-zh >>> [part="data-table"] tbody tr',
        ),
      );
      baseline.push(
        await timeToFigures(
          browser,
          `${origin}/baseline/?csv=../fixtures/template/evaluation.csv`,
          '#result[data-ready] tr',
        ),
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  const embed = here('../packages/embed/dist');
  const result = {
    runs,
    stratexMedianMs: Math.round(median(stratex)),
    baselineMedianMs: Math.round(median(baseline)),
    ratio: Number((median(stratex) / median(baseline)).toFixed(2)),
    portalMedianMs: Math.round(median(portal)),
    stratexMs: stratex.map(Math.round),
    baselineMs: baseline.map(Math.round),
    embedJsBytes: folderBytes(embed, (file) => file.endsWith('.js')),
    embedWasmBytes: folderBytes(embed, (file) => file.endsWith('.wasm')),
  };
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await coldStart();
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(here('./results/cold-start.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(result);
}
