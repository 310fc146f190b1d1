// Case 4: four widgets on one 1M-row source — peak JS heap of the page (sampled through
// CDP every 100 ms), peak renderer RSS (the worker's wasm memory included) and the number
// of workers the page started. The hand-written DuckDB-WASM page on the same file, one
// GROUP BY, is measured alongside.
import { launch, peakRendererRssMb, timedPage, VIEWPORT } from '../lib/browser.ts';
import type { Memory } from '../lib/results.ts';
import type { Format } from './treemap.ts';

export async function memoryCase(
  origin: string,
  format: Format,
  log: (line: string) => void,
): Promise<Memory> {
  const src = encodeURIComponent(`/fixtures/generated/sales_1000000.${format}`);
  const browser = await launch();
  let peakHeap = 0;
  let rss: number;
  let workers: number;
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const cdp = await page.context().newCDPSession(page);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const usage = (await cdp.send('Runtime.getHeapUsage')) as {
          usedSize: number;
          backingStorageSize?: number;
        };
        peakHeap = Math.max(peakHeap, usage.usedSize + (usage.backingStorageSize ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await timedPage(page, `${origin}/treemap.html?widgets=4&src=${src}`, 300_000);
    sampling = false;
    await sampler;
    workers = page.workers().length;
    rss = await peakRendererRssMb(browser);
  } finally {
    await browser.close();
  }
  const baseline = await launch();
  let baselineRss: number;
  try {
    const page = await baseline.newPage({ viewport: VIEWPORT });
    await timedPage(page, `${origin}/contestants/duckdb-wasm-raw.html?src=${src}`, 300_000);
    baselineRss = await peakRendererRssMb(baseline);
  } finally {
    await baseline.close();
  }
  const memory: Memory = {
    rows: 1_000_000,
    format,
    widgets: 4,
    peak_js_heap_mb: Math.round(peakHeap / 1024 ** 2),
    peak_renderer_rss_mb: rss,
    workers,
    baseline_peak_renderer_rss_mb: baselineRss,
  };
  log(`memory: ${JSON.stringify(memory)}`);
  return memory;
}
