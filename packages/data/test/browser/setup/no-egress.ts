import { afterEach, beforeAll } from 'vitest';
import { commands } from 'vitest/browser';

/**
 * Every browser test fails when anything on the page — a widget, the engine's worker, an
 * image made from data — asked for a URL of another origin. Playwright refuses and records
 * those requests for the whole browser context (workers included); the page's own resource
 * timeline is read as a second witness.
 */
declare module 'vitest/browser' {
  interface BrowserCommands {
    watchEgress(origin: string): Promise<void>;
    takeForeignRequests(): Promise<string[]>;
  }
}

const local = /^(blob|data|about):/;
/** Shared by every copy of this module (a test that imports it may get a second one). */
const reportedKey = Symbol.for('stratex.test.reported-entries');
const page = globalThis as typeof globalThis & { [reportedKey]?: WeakSet<PerformanceEntry> };
const reported = (page[reportedKey] ??= new WeakSet<PerformanceEntry>());
performance.setResourceTimingBufferSize(1_000_000);

/** Resource entries of another origin in the page's timeline not reported before. */
function foreignEntries(): string[] {
  const urls: string[] = [];
  for (const entry of performance.getEntriesByType('resource')) {
    if (reported.has(entry)) continue;
    reported.add(entry);
    if (!local.test(entry.name) && new URL(entry.name, location.href).origin !== location.origin)
      urls.push(entry.name);
  }
  return urls;
}

beforeAll(async () => {
  await commands.watchEgress(location.origin);
});

/** Foreign URLs asked for since the last call (refused by Playwright or seen by the page). */
export async function takeForeignRequests(): Promise<string[]> {
  const refused = await commands.takeForeignRequests();
  return [...new Set([...refused, ...foreignEntries()])].sort();
}

afterEach(async () => {
  const urls = await takeForeignRequests();
  if (urls.length > 0) {
    throw new Error(`The page asked for URLs of another origin: ${urls.join(', ')}`);
  }
});
