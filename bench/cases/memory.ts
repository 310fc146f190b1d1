// Case 4: memory. Widgets on one source — peak JS heap of the page (sampled through CDP every
// 100 ms), peak renderer RSS (the worker's wasm memory included), the peak resident memory of
// the whole browser process tree and the number of workers the page started. The
// hand-written DuckDB-WASM page on the same file, one GROUP BY, is measured alongside. Run
// for four widgets on the 1M-row CSV, and for one treemap on the largest Parquet file.
import { launch, peakRendererRssMb, sampleTreeRss, timedPage, VIEWPORT } from '../lib/browser.ts';
import type { Memory } from '../lib/results.ts';
import type { Format } from './treemap.ts';

export async function memoryCase(
  origin: string,
  { rows, format, widgets }: { rows: number; format: Format; widgets: number },
  log: (line: string) => void,
): Promise<Memory> {
  const src = encodeURIComponent(`/fixtures/generated/sales_${rows}.${format}`);
  const timeout = 120_000 + rows / 20;
  const browser = await launch();
  let peakHeap = 0;
  let rss: number;
  let tree: number;
  let workers: number;
  try {
    const treeSampler = sampleTreeRss(browser);
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
    await timedPage(page, `${origin}/treemap.html?widgets=${widgets}&src=${src}`, timeout);
    sampling = false;
    await sampler;
    tree = await treeSampler.stop();
    workers = page.workers().length;
    rss = await peakRendererRssMb(browser);
  } finally {
    await browser.close();
  }
  const baseline = await launch();
  let baselineRss: number;
  let baselineTree: number;
  try {
    const treeSampler = sampleTreeRss(baseline);
    const page = await baseline.newPage({ viewport: VIEWPORT });
    await timedPage(page, `${origin}/contestants/duckdb-wasm-raw.html?src=${src}`, timeout);
    baselineTree = await treeSampler.stop();
    baselineRss = await peakRendererRssMb(baseline);
  } finally {
    await baseline.close();
  }
  const memory: Memory = {
    rows,
    format,
    widgets,
    peak_js_heap_mb: Math.round(peakHeap / 1024 ** 2),
    peak_renderer_rss_mb: rss,
    peak_tree_rss_mb: tree,
    workers,
    baseline_peak_renderer_rss_mb: baselineRss,
    baseline_peak_tree_rss_mb: baselineTree,
  };
  log(`memory: ${JSON.stringify(memory)}`);
  return memory;
}
