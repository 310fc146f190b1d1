import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.config';
import { startStaticServer } from '../static-server.mjs';
import { watchForeignRequests } from './no-egress';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let server: Server;
let origin: string;
let profile: string;

beforeAll(async () => {
  if (!existsSync(`${dist}index.html`)) {
    throw new Error('apps/portal-demo/dist is missing: run `pnpm run build` before the tests.');
  }
  server = await startStaticServer(dist, 0);
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'sx-return-visit-'));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(profile, { recursive: true, force: true });
});

const open = (): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs });

/** Bytes of compiled wasm the profile keeps for the next visit. */
function wasmCodeCacheBytes(): number {
  const folder = join(profile, 'Default', 'Code Cache', 'wasm');
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

async function everyWidgetFilled(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/`);
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('*')].filter(
        (element) => element.localName.startsWith('sx-') && element.localName !== 'sx-data-source',
      );
      return (
        widgets.length > 0 &&
        widgets.every((widget) => widget.shadowRoot?.querySelector('[part="data-table"] tbody tr'))
      );
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

describe('a returning visitor', () => {
  it('gets the compiled engine from the browser’s code cache instead of compiling it again', async () => {
    const first = await open();
    const foreignFirst = watchForeignRequests(first, origin);
    try {
      await everyWidgetFilled(first);
      // The browser writes compiled wasm once enough of it is optimised; a visitor stays a while.
      const until = Date.now() + 45_000;
      while (wasmCodeCacheBytes() < 512 * 1024 && Date.now() < until) {
        // The visitor keeps using the page: it asks SQL of the export (the widgets and the stamp
        // read small files without the engine, which would leave too little of it run to be cached).
        // (Passed as text: the test runner would rewrite an `import()` written here.)
        await first.pages()[0]?.evaluate(`(async () => {
          const url = new URL('stratex/stratex.js', document.baseURI).href;
          const { pageEngine } = await import(url);
          await pageEngine().readOnlyRecords(
            "SELECT 指标, any_value(单位) AS 单位, sum(CAST(实际值 AS DOUBLE)) AS 实际值, " +
              "avg(CAST(实际值 AS DOUBLE)) AS 均值, max(strptime(日期, '%Y/%m/%d')) AS 最近 " +
              'FROM live_kpis GROUP BY 指标 ORDER BY 指标',
          );
          // And a heavier one, so enough of the engine's code runs hot to be optimised and kept.
          await pageEngine().readOnlyRecords(
            'SELECT i % 97 AS k, sum(i * 1.5) AS s, count(DISTINCT i % 1013) AS d ' +
              'FROM range(2000000) t(i) GROUP BY k ORDER BY k',
          );
        })()`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await first.close();
    }
    expect(wasmCodeCacheBytes()).toBeGreaterThan(512 * 1024);

    const second = await open();
    const foreignSecond = watchForeignRequests(second, origin);
    try {
      const page = second.pages()[0] ?? (await second.newPage());
      const cdp = await second.newCDPSession(page);
      const names = new Set<string>();
      cdp.on('Tracing.dataCollected', (data) => {
        for (const event of data.value) names.add(String(event.name));
      });
      await cdp.send('Tracing.start', { categories: 'v8.wasm', transferMode: 'ReportEvents' });
      await everyWidgetFilled(second);
      // The engine starts only when something needs it (the portal's widgets do not): the
      // visitor asks SQL of the export again, as on the first visit, and it starts.
      await expect
        .poll(
          () =>
            page.evaluate(`(async () => {
              const url = new URL('stratex/stratex.js', document.baseURI).href;
              const { pageEngine } = await import(url);
              await pageEngine().readOnlyRecords('SELECT count(*) AS n FROM live_kpis');
              return pageEngine().health.health;
            })()`),
          { timeout: 60_000 },
        )
        .toBe('ready');
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      expect(names.has('wasm.Deserialize')).toBe(true);
      expect(names.has('wasm.ValidateFunctionsStreaming')).toBe(false);
      expect([...foreignFirst, ...foreignSecond]).toEqual([]);
    } finally {
      await second.close();
    }
  }, 120_000);
});
