// Drill-down and cross-filter latency on the 1M-row sales facts, in headless Chromium:
// a treemap by region › product line › customer type and a second treemap by channel share
// one source. Each interaction is timed in the page from the input event to the frame after
// both widgets have re-rendered. The baseline, in the same page and run, is the filtered
// GROUP BY itself sent straight to the engine. Run: npx tsx bench/interaction.ts [csv|parquet]
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { chromiumArgs, chromiumPath } from '../vite.config.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const format = process.argv[2] === 'csv' ? 'csv' : 'parquet';
const rounds = Number(process.env.BENCH_ROUNDS ?? 17);

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

/** Runs in the page: one interaction, timed to the frame after both widgets settled. */
const pageScript = `
window.benchInteract = async (kind) => {
  const widgets = [document.getElementById('regions'), document.getElementById('channels')];
  const map = widgets[0].shadowRoot;
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
  return performance.now() - start;
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

async function main(): Promise<void> {
  const facts = here(`../fixtures/generated/sales_1000000.${format}`);
  if (!existsSync(facts))
    throw new Error(`${facts} is missing: npx tsx fixtures/generate.ts --rows 1000000`);
  const site = here('./dist/interaction/');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'fixtures'), { recursive: true });
  symlinkSync(here('../packages/embed/dist'), join(site, 'stratex'));
  symlinkSync(here('../fixtures/generated'), join(site, 'fixtures/generated'));
  copyFileSync(here('./pages/interaction.html'), join(site, 'index.html'));
  copyFileSync(here('./pages/interaction.css'), join(site, 'interaction.css'));

  const server = await startStaticServer(site, 0);
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
    await page.goto(`${origin}/`);
    await page.evaluate(pageScript);
    const loadStart = Date.now();
    await page.evaluate(
      (src) => document.getElementById('sales')?.setAttribute('src', src),
      `fixtures/generated/sales_1000000.${format}`,
    );
    await page.waitForFunction(
      () =>
        ['regions', 'channels'].every(
          (id) => (document.getElementById(id) as unknown as { state: string }).state === 'ready',
        ),
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const loadMs = Date.now() - loadStart;
    const timings: Record<string, number[]> = { drill: [], up: [], clear: [] };
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['drill', 'up', 'clear'] as const) {
        timings[kind]!.push(
          await page.evaluate(
            (k) =>
              (window as never as { benchInteract(k: string): Promise<number> }).benchInteract(k),
            kind,
          ),
        );
      }
    }
    const all = Object.values(timings).flat();
    const table = format === 'csv' ? 'sx_sales_typed' : 'sx_sales';
    const regions = ['华东', '华北', '华南', '华中', '西南'];
    const baseline: number[] = [];
    for (let round = 0; round < rounds; round++) {
      baseline.push(
        await page.evaluate(
          ([name, region]) =>
            (window as never as { benchQuery(t: string, r: string): Promise<number> }).benchQuery(
              name!,
              region!,
            ),
          [table, regions[round % regions.length]],
        ),
      );
    }
    const summary = (values: number[]) => ({
      n: values.length,
      medianMs: Math.round(percentile(values, 0.5)),
      p95Ms: Math.round(percentile(values, 0.95)),
    });
    const result = {
      format,
      rows: 1_000_000,
      loadMs,
      all: summary(all),
      drill: summary(timings.drill!),
      up: summary(timings.up!),
      clear: summary(timings.clear!),
      filteredGroupByByHand: summary(baseline),
      drillOverQuery: Number(
        (percentile(timings.drill!, 0.5) / percentile(baseline, 0.5)).toFixed(2),
      ),
    };
    mkdirSync(here('./results'), { recursive: true });
    writeFileSync(
      here(`./results/interaction-${format}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.log(result);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
