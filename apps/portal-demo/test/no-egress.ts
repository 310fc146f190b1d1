import type { BrowserContext } from 'playwright';

/** Schemes that never leave the machine. */
const local = /^(blob|data|about):/;

/**
 * Refuses every request the context's pages, frames and workers make to any origin but
 * `origin`, and returns the list of what was refused (it grows as the pages run). Every
 * end-to-end test that opens a page goes through this and expects the list empty.
 */
export async function refuseForeignRequests(
  context: BrowserContext,
  origin: string,
): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local.test(url) || new URL(url).origin === origin) return route.fallback();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return refused;
}

/**
 * Records, without intercepting, every request of the context's pages and workers to any
 * origin but `origin`. For tests of the browser's own caches: Playwright turns the HTTP
 * cache off while it routes requests, so those tests watch instead of refusing.
 */
export function watchForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!local.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}
