// Case 3: drill-down and cross-filter on the 1M-row facts. A treemap by region › product
// line › customer type and a second treemap by channel share one source; each input is
// timed in the page from the event to the frame after both widgets re-rendered. The
// baseline, in the same page and run, is the filtered GROUP BY alone, sent straight to
// the same DuckDB-WASM worker.
import { launch, VIEWPORT } from '../lib/browser.ts';
import type { CaseResult } from '../lib/results.ts';
import { median, percentile, round } from '../lib/stats.ts';
import type { Format } from './treemap.ts';

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

const REGIONS = ['华东', '华北', '华南', '华中', '西南'];

export async function interactionCase(
  origin: string,
  format: Format,
  rounds: number,
  log: (line: string) => void,
): Promise<CaseResult[]> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${origin}/interaction.html`);
    await page.evaluate(pageScript);
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
    type BenchWindow = {
      benchInteract(kind: string): Promise<number>;
      benchQuery(table: string, region: string): Promise<number>;
    };
    const stratex: number[] = [];
    const bare: number[] = [];
    const table = format === 'csv' ? 'sx_sales_typed' : 'sx_sales';
    // One round: a drill into a tile, back up, and clearing the selection; the warm-up round is dropped.
    for (let round = 0; round <= rounds; round++) {
      for (const kind of ['drill', 'up', 'clear']) {
        const ms = await page.evaluate(
          (k) => (window as never as BenchWindow).benchInteract(k),
          kind,
        );
        if (round > 0) stratex.push(ms);
      }
      const ms = await page.evaluate(
        ([name, region]) => (window as never as BenchWindow).benchQuery(name!, region!),
        [table, REGIONS[round % REGIONS.length]!],
      );
      if (round > 0) bare.push(ms);
    }
    log(
      `interaction ${format}: stratex median ${Math.round(median(stratex))} ms, p95 ${Math.round(percentile(stratex, 0.95))} ms; bare query median ${Math.round(median(bare))} ms`,
    );
    const result = (
      contestant: CaseResult['contestant'],
      ms: number[],
      note: string,
    ): CaseResult => ({
      case: 'interaction',
      rows: 1_000_000,
      format,
      contestant,
      median_ms: round(median(ms), 1),
      p95_ms: round(percentile(ms, 0.95), 1),
      runs: ms.length,
      samples_ms: ms.map((value) => round(value, 1)),
      note,
    });
    return [
      result(
        'stratex',
        stratex,
        'drill, up and clear on a region › product › customer treemap; a channel treemap on the same source re-renders too',
      ),
      result(
        'duckdb-wasm-raw',
        bare,
        'the filtered GROUP BY alone, sent to the same DuckDB-WASM worker (nothing drawn)',
      ),
    ];
  } finally {
    await browser.close();
  }
}
