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
    allowEgress(origins: string[]): Promise<void>;
    denyEgress(): Promise<void>;
  }
}

const local = /^(blob|data|about):/;
/** Shared by every copy of this module (a test that imports it may get a second one). */
const reportedKey = Symbol.for('stratex.test.reported-entries');
const page = globalThis as typeof globalThis & { [reportedKey]?: WeakSet<PerformanceEntry> };
const reported = (page[reportedKey] ??= new WeakSet<PerformanceEntry>());
const allowedKey = Symbol.for('stratex.test.allowed-origins');
const shared = globalThis as typeof globalThis & { [allowedKey]?: Set<string> };
const allowed = (shared[allowedKey] ??= new Set<string>());
performance.setResourceTimingBufferSize(1_000_000);

/** Resource entries of another origin in the page's timeline not reported before. */
function foreignEntries(): string[] {
  const urls: string[] = [];
  for (const entry of performance.getEntriesByType('resource')) {
    if (reported.has(entry)) continue;
    reported.add(entry);
    const origin = new URL(entry.name, location.href).origin;
    if (!local.test(entry.name) && origin !== location.origin && !allowed.has(origin))
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

/**
 * For a test whose page author names a server of another origin on purpose (a database's
 * `url`): those origins may be reached until `denyForeignOrigins`; every other one is still
 * refused and fails the test.
 */
export async function allowForeignOrigins(...urls: string[]): Promise<void> {
  for (const url of urls) allowed.add(new URL(url).origin);
  await commands.allowEgress(urls);
}

/** Refuses every foreign origin again. */
export async function denyForeignOrigins(): Promise<void> {
  allowed.clear();
  await commands.denyEgress();
}
