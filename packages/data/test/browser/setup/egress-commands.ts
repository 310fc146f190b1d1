import type { BrowserCommand } from 'vitest/node';
import type { BrowserContext } from 'playwright';

/**
 * Browser commands (they run in Node, beside Playwright) that refuse and record every
 * request the test page, its frames or its workers make to another origin.
 */
const watched = new WeakMap<BrowserContext, { origin: string; foreign: string[] }>();
/** Origins a test's page author named on purpose, per context. */
const allowedBy = new WeakMap<BrowserContext, Set<string>>();

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
    const to = new URL(url).origin;
    if (local.test(url) || to === log.origin || allowedBy.get(context)?.has(to))
      return route.fallback();
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

/**
 * Lets the page reach origins a test's page author named on purpose (a database server in a
 * `url` attribute); every other foreign request is still refused. Cleared by `denyEgress`.
 */
export const allowEgress = (async ({ context }: { context: BrowserContext }, origins: string[]) => {
  let allowed = allowedBy.get(context);
  if (!allowed) allowedBy.set(context, (allowed = new Set()));
  for (const origin of origins) allowed.add(new URL(origin).origin);
}) as PlaywrightCommand<[origins: string[]], void>;

/** Refuses every foreign origin again. */
export const denyEgress = (async ({ context }: { context: BrowserContext }) => {
  allowedBy.get(context)?.clear();
}) as PlaywrightCommand<[], void>;
