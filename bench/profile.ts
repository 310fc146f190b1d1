// Where Stratex's time goes, from a Chromium trace of one load: each thread's busy time
// and its long tasks on the page clock (0 = navigation), plus when each file arrived.
//   npx tsx bench/profile.ts treemap [csv|parquet] [rows]   one treemap, fresh profile
//   npx tsx bench/profile.ts portal                          the portal demo's return visit
// (after `pnpm bench` has built the pages once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { everyWidgetFilled } from './cases/portal.ts';
import { launch, launchProfile, VIEWPORT } from './lib/browser.ts';
import { serveSite } from './lib/site.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Runs in the page before its scripts: every message to a worker and its reply, on the
 * page clock, so each engine round-trip (instantiate, file registration, each query) shows.
 */
const WORKER_CALLS = `
window.__engineCalls = [];
const Plain = window.Worker;
window.Worker = class extends Plain {
  constructor(...args) {
    super(...args);
    const pending = new Map();
    this.addEventListener('message', (event) => {
      const call = pending.get(event.data && event.data.requestId);
      if (call) call.replied = performance.now();
    });
    const post = this.postMessage.bind(this);
    this.postMessage = (message, ...rest) => {
      if (message && message.messageId !== undefined) {
        const data = message.data;
        const text = typeof data === 'string' ? data : Array.isArray(data) ? (data.find((part) => typeof part === 'string') || '') : '';
        const call = { type: message.type, sql: text.replace(/\\s+/g, ' ').slice(0, 90), sent: performance.now(), replied: NaN };
        pending.set(message.messageId, call);
        window.__engineCalls.push(call);
      }
      return post(message, ...rest);
    };
  }
};
`;

interface EngineCall {
  type: string;
  sql: string;
  sent: number;
  replied: number;
}

function printCalls(calls: EngineCall[]): void {
  console.log(`\nengine round-trips (${calls.length}; sent → replied, ms):`);
  for (const call of calls)
    console.log(
      `  ${Math.round(call.sent).toString().padStart(6)} → ${Math.round(call.replied - call.sent)
        .toString()
        .padStart(5)}  ${call.type} ${call.sql}`,
    );
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'v8',
  'disabled-by-default-devtools.timeline',
];

function summarise(
  trace: TraceEvent[],
  resources: { name: string; end: number }[],
  doneMs: number,
): void {
  const threads = new Map<string, string>();
  for (const event of trace)
    if (event.ph === 'M' && event.name === 'thread_name')
      threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '?');
  const origin = trace.find((event) => event.name === 'navigationStart')?.ts;
  if (origin === undefined) throw new Error('no navigationStart in the trace');
  const busy = new Map<string, { total: number; long: [number, number][]; end: number }>();
  const tasks = trace
    .filter((event) => event.ph === 'X' && event.dur && /RunTask/.test(event.name))
    .sort((a, b) => a.ts - b.ts);
  for (const event of tasks) {
    const name = threads.get(`${event.pid}:${event.tid}`) ?? '?';
    if (!/CrRendererMain|DedicatedWorker/.test(name)) continue;
    const start = (event.ts - origin) / 1000;
    if (start < 0 || start > doneMs) continue;
    const entry = busy.get(`${name} ${event.tid}`) ?? { total: 0, long: [], end: -1 };
    // A task nested in another one on the same thread is already counted.
    if (event.ts < entry.end) continue;
    entry.end = event.ts + event.dur!;
    entry.total += event.dur! / 1000;
    if (event.dur! >= 40_000) entry.long.push([start, event.dur! / 1000]);
    busy.set(`${name} ${event.tid}`, entry);
  }
  let compile = 0;
  for (const event of tasks) {
    const name = threads.get(`${event.pid}:${event.tid}`) ?? '?';
    const start = (event.ts - origin) / 1000;
    if (/ThreadPool/.test(name) && start >= 0 && start <= doneMs) compile += event.dur! / 1000;
  }
  console.log(`drawn at ${Math.round(doneMs)} ms after navigation`);
  console.log('\nfiles (response end, ms):');
  for (const resource of resources)
    console.log(
      `  ${Math.round(resource.end).toString().padStart(6)}  ${resource.name.replace(/^https?:\/\/[^/]+/, '')}`,
    );
  console.log(
    `\nbackground threads (wasm compilation and the like): busy ${Math.round(compile)} ms`,
  );
  for (const [thread, { total, long }] of busy) {
    console.log(`\n${thread}: busy ${Math.round(total)} ms; tasks ≥ 40 ms (start → length):`);
    for (const [start, length] of long)
      console.log(`  ${Math.round(start).toString().padStart(6)} → ${Math.round(length)} ms`);
  }
}

async function traced(
  browser: Browser | null,
  page: Page,
  url: string,
  ready: () => Promise<number>,
): Promise<void> {
  const tracer = browser ?? page.context().browser();
  if (!tracer) throw new Error('no browser to trace');
  await page.addInitScript(WORKER_CALLS);
  await tracer.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  const doneMs = await ready();
  const buffer = await tracer.stopTracing();
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      end: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
  summarise(
    (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents,
    resources,
    doneMs,
  );
  printCalls(
    await page.evaluate(() => (window as unknown as { __engineCalls: EngineCall[] }).__engineCalls),
  );
}

const [what = 'treemap', format = 'csv', rows = '1000000'] = process.argv.slice(2);
const site = await serveSite();
try {
  if (what === 'portal') {
    const dir = mkdtempSync(join(tmpdir(), 'sx-profile-'));
    let context: BrowserContext = await launchProfile(dir);
    await (await context.newPage()).goto(`${site.origin}/portal/`);
    await new Promise((resolve) => setTimeout(resolve, 8000));
    await context.close();
    context = await launchProfile(dir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(WORKER_CALLS);
    // A persistent context has no Browser object to trace through; use CDP's tracing instead.
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      categories: CATEGORIES.join(','),
      transferMode: 'ReportEvents',
    });
    const doneMs = await everyWidgetFilled(page, `${site.origin}/portal/`);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({
        name: entry.name,
        end: (entry as PerformanceResourceTiming).responseEnd,
      })),
    );
    summarise(events, resources, doneMs);
    printCalls(
      await page.evaluate(
        () => (window as unknown as { __engineCalls: EngineCall[] }).__engineCalls,
      ),
    );
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  } else {
    const browser = await launch();
    const page = await browser.newPage({ viewport: VIEWPORT });
    const src = encodeURIComponent(`/fixtures/generated/sales_${rows}.${format}`);
    await traced(browser, page, `${site.origin}/treemap.html?src=${src}`, async () => {
      const handle = await page.waitForFunction(
        () => (window as unknown as { benchDone?: { ms: number } }).benchDone?.ms,
        undefined,
        {
          polling: 100,
          timeout: 300_000,
        },
      );
      return (await handle.jsonValue()) as number;
    });
    await browser.close();
  }
} finally {
  site.close();
}
