// The analyst workbench: time from choosing (dropping) the generated sales CSV to the first
// preview (the treemap's figures in the page), in headless Chromium, each run in a fresh
// browser. Two moments for the drop: as soon as the page has loaded (the engine still
// starting), and once the engine is up (an analyst who takes a few seconds to pick the file).
// The baseline, in the same run: a bare page with the same stratex.js, an <sx-data-source>
// given the same file and one treemap on it — what the workbench adds is the difference.
//
//   npx tsx bench/cases/analyst.ts [rows=1000000] [runs=3]
//
// Needs `pnpm run build` (apps/analyst/dist) and `pnpm run fixtures --rows <rows>`.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../apps/portal-demo/static-server.mjs';
import { launch, VIEWPORT } from '../lib/browser.ts';
import { median, round } from '../lib/stats.ts';

const dist = fileURLToPath(new URL('../../apps/analyst/dist/', import.meta.url));
const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const csv = fileURLToPath(new URL(`../../fixtures/generated/sales_${rows}.csv`, import.meta.url));

/** The baseline page: the embed script, a source for a chosen file and the same treemap. */
const baselinePage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<script type="module" src="stratex/stratex.js"></script></head><body>
<div class="drop-zone"><input type="file"></div>
<sx-data-source name="sales"></sx-data-source>
<sx-target-treemap source="sales" levels="region,product_line,customer_type" target="target_share" actual="amount"></sx-target-treemap>
</body></html>`;

const baselineWiring = `
document.querySelector('input[type=file]').addEventListener('change', (event) => {
  document.querySelector('sx-data-source').file = event.target.files[0];
});
`;

/** Runs in the page: notes when the file input changes, and the frame the treemap's rows exist. */
const watch = (treemap: string): string => `
window.benchDrop = undefined;
document.addEventListener('change', () => { window.benchDrop ??= performance.now(); }, true);
window.benchPreview = new Promise((resolve) => {
  const look = () => {
    const map = document.querySelector('${treemap}');
    const row = map?.shadowRoot?.querySelector('[part="data-table"] tbody tr');
    if (row && window.benchDrop !== undefined) resolve(performance.now() - window.benchDrop);
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
});
// Not the promise: evaluating this must not wait for the preview.
true;
`;

/** Resolves once the page's engine answers a query: its worker and wasm are up. */
const engineUp = `
(async () => {
  for (;;) {
    const engine = globalThis[Symbol.for('stratex.engine')];
    if (engine) { await engine.query('SELECT 1'); return true; }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
})()
`;

type Variant = 'workbench, drop at load' | 'workbench, engine up' | 'baseline, engine up';

/** A run that has not seen its preview after this long is counted as failed. */
const RUN_LIMIT_MS = 240_000;

async function once(origin: string, variant: Variant): Promise<number> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const baseline = variant.startsWith('baseline');
    await page.goto(`${origin}/${baseline ? 'baseline.html' : ''}`);
    await page.locator('.drop-zone').waitFor();
    if (baseline) await page.evaluate(baselineWiring);
    await page.evaluate(
      watch(baseline ? 'sx-target-treemap' : 'analyst-widget-preview sx-target-treemap'),
    );
    if (variant !== 'workbench, drop at load') await page.evaluate(engineUp);
    await page.setInputFiles('input[type=file]', csv);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no preview in time')), RUN_LIMIT_MS);
    });
    try {
      return await Promise.race([page.evaluate<number>('window.benchPreview'), limit]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser.close();
  }
}

if (!existsSync(`${dist}index.html`)) throw new Error('Run `pnpm run build` first.');
if (!existsSync(csv)) throw new Error(`Run \`pnpm run fixtures --rows ${rows}\` first.`);
// The workbench's files, and the baseline page beside them on the same origin.
const site = mkdtempSync(join(tmpdir(), 'stratex-analyst-bench-'));
for (const name of readdirSync(dist)) symlinkSync(join(dist, name), join(site, name));
writeFileSync(join(site, 'baseline.html'), baselinePage);
const server = await startStaticServer(site, 0);
const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
try {
  console.log(`sales_${rows}.csv, ${(statSync(csv).size / 1024 ** 2).toFixed(1)} MB, ${runs} runs`);
  const variants: Variant[] = [
    'workbench, drop at load',
    'workbench, engine up',
    'baseline, engine up',
  ];
  const times = new Map<Variant, number[]>(variants.map((variant) => [variant, []]));
  // Interleaved, so that a busy moment of the machine falls on every variant alike.
  for (let run = 0; run < runs; run++) {
    for (const variant of variants) {
      try {
        times.get(variant)?.push(await once(origin, variant));
      } catch (cause) {
        console.log(
          `${variant}: run ${run + 1} failed: ${(cause as Error).message.split('\n')[0]}`,
        );
      }
    }
  }
  for (const [variant, list] of times) {
    console.log(
      `drop → first preview, ${variant}: median ${round(median(list) / 1000, 2)} s` +
        ` [${list.map((ms) => (ms / 1000).toFixed(2)).join(', ')}]`,
    );
  }
} finally {
  server.close();
  rmSync(site, { recursive: true, force: true });
}
