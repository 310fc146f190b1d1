import type { BrowserCommand } from 'vitest/node';
import type { BrowserContext } from 'playwright';

/**
 * Browser commands (they run in Node, beside Playwright) that refuse and record every
 * request the test page, its frames or its workers make to another origin.
 */
const watched = new WeakMap<BrowserContext, { origin: string; foreign: string[] }>();

/** Local schemes that never leave the machine. */
const local = /^(blob|data|about|chrome|chrome-extension|devtools):/;

type PlaywrightCommand<A extends unknown[], R> = BrowserCommand<A> &
  ((context: { context: BrowserContext }, ...args: A) => Promise<R>);

/** Starts refusing foreign requests in the test's browser context (once per context). */
export const watchEgress = (async ({ context }: { context: BrowserContext }, origin: string) => {
  if (watched.has(context)) return;
  const log = { origin, foreign: [] as string[] };
  watched.set(context, log);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (local.test(url) || new URL(url).origin === log.origin) return route.fallback();
    log.foreign.push(url);
    return route.abort('blockedbyclient');
  });
}) as PlaywrightCommand<[origin: string], void>;

/** The foreign requests refused since the last call, then forgets them. */
export const takeForeignRequests = (async ({ context }: { context: BrowserContext }) => {
  const log = watched.get(context);
  if (!log) return ['no-egress watch was never started in this context'];
  return log.foreign.splice(0);
}) as PlaywrightCommand<[], string[]>;
