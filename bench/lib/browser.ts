// Headless Debian Chromium for the benchmark: a fresh browser (and so a fresh, empty
// profile) for every measured load, and the page's own clock for timings.
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../vite.config.ts';
import type { Check } from './results.ts';

export const VIEWPORT = { width: 1280, height: 900 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A profile kept on disk, so a second launch is a returning visitor (HTTP and code caches). */
export function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: VIEWPORT,
  });
}

export interface PageReport extends Check {
  ms: number;
  error?: string;
}

/** Opens `url` and waits for the page's own report (`window.benchDone`). */
export async function timedPage(page: Page, url: string, timeoutMs: number): Promise<PageReport> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as unknown as { benchDone?: unknown }).benchDone,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  const report = (await handle.jsonValue()) as PageReport;
  if (report.error) throw new Error(`${url}: ${report.error}`);
  return report;
}

/**
 * Navigation → the frame on which every element matched by `selectors` exists (each
 * selector pierces shadow roots with ` >>> `). Polled on animation frames, in the page.
 */
export async function timeToSelectors(
  page: Page,
  url: string,
  selectors: readonly string[],
  timeoutMs: number,
): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    (all) => {
      for (const selector of all) {
        let scope: ParentNode | null = document;
        for (const part of selector.split(' >>> ')) {
          const found: Element | null = scope?.querySelector(part) ?? null;
          if (!found) return false;
          scope = found.shadowRoot ?? found;
        }
      }
      return performance.now();
    },
    selectors,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Peak resident memory (VmHWM) of the browser's renderer processes, in MB: the largest one. */
export async function peakRendererRssMb(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  let peak = 0;
  for (const { type, id } of processInfo) {
    if (type !== 'renderer') continue;
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process ended between the two reads
    }
  }
  return Math.round(peak);
}

/** The browser's processes as Chromium lists them (browser, renderers, GPU, utilities). */
async function processIds(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { id: number }[];
    };
    return processInfo.map(({ id }) => id);
  } finally {
    await cdp.detach();
  }
}

function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // the process ended between the two reads
  }
}

/**
 * Samples the resident memory of the browser's whole process tree, summed, every 100 ms until
 * `stop()`, which gives the largest sum seen, in MB. Pages shared between processes are
 * counted in each, so the sum leans high.
 */
export function sampleTreeRss(browser: Browser): { stop(): Promise<number> } {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling && browser.isConnected()) {
      const ids = await processIds(browser).catch(() => []);
      peak = Math.max(
        peak,
        ids.reduce((sum, pid) => sum + residentMb(pid), 0),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      return Math.round(peak);
    },
  };
}
