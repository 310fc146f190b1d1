import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../vite.config';
import { serveSite, type SiteOptions } from './site';

const embed = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));
const template = fileURLToPath(new URL('../../fixtures/template/', import.meta.url));
const tools = '/intranet/tools/stratex/';
const slow = { timeout: 240_000 };

let browser: Browser;
const servers: Server[] = [];
const pages = mkdtempSync(join(tmpdir(), 'stratex-embedding-'));

/**
 * An intranet page, two folders away from the script, that loads Stratex from `script`. Its
 * widgets ask SQL of their sources, so the engine itself must start (small files alone are
 * answered without it).
 */
function writePage(script: string, scriptOrigin = "'self'", extraPolicy = ''): void {
  writeFileSync(
    join(pages, 'report.html'),
    `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${scriptOrigin} 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self' ${scriptOrigin}; style-src 'self'; img-src 'self' data:${extraPolicy}" />
    <script type="module" src="${script}"></script>
  </head>
  <body>
    <sx-data-source name="evaluation_zh" src="data/evaluation.csv"></sx-data-source>
    <sx-data-source name="evaluation_en" src="data/evaluation.en.csv"></sx-data-source>
    <sx-scorecard id="zh" query="SELECT * FROM evaluation_zh"></sx-scorecard>
    <sx-scorecard id="en" lang="en" query="SELECT * FROM evaluation_en"></sx-scorecard>
  </body>
</html>
`,
  );
}

async function serve(options: SiteOptions, host?: 'localhost' | '127.0.0.1') {
  const site = await serveSite(options, host);
  servers.push(site.server);
  return site;
}

/** The intranet's own server: the page under /intranet/portal/, its exports beside it. */
const portalMounts = { '/intranet/portal/data/': template, '/intranet/portal/': pages };

beforeAll(async () => {
  if (!existsSync(`${embed}stratex.js`)) {
    throw new Error('packages/embed/dist is missing: run `pnpm run build` before the tests.');
  }
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

afterAll(async () => {
  await browser?.close();
  rmSync(pages, { recursive: true, force: true });
});

interface Settled {
  state: string;
  rates: string[];
  error: string;
}

/** Waits until both scorecards are ready or in error, and reads what they show. */
async function settle(page: Page): Promise<Record<'zh' | 'en', Settled>> {
  await page.waitForFunction(
    () =>
      ['zh', 'en'].every((id) =>
        ['ready', 'error'].includes(
          (document.getElementById(id) as (HTMLElement & { state?: string }) | null)?.state ?? '',
        ),
      ),
    null,
    { timeout: 180_000 },
  );
  return page.evaluate(() => {
    const read = (id: string) => {
      const widget = document.getElementById(id) as HTMLElement & { state: string };
      const root = widget.shadowRoot;
      return {
        state: widget.state,
        rates: Array.from(
          root?.querySelectorAll('[part="data-table"] tbody tr') ?? [],
          (row) => row.children[3]?.textContent?.trim() ?? '',
        ),
        error: root?.querySelector('[data-state="error"]')?.textContent?.replace(/\s+/g, ' ') ?? '',
      };
    };
    return { zh: read('zh'), en: read('en') };
  }) as Promise<Record<'zh' | 'en', Settled>>;
}

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return { page, problems };
}

describe('stratex.js embedded anywhere', () => {
  it('works under a path prefix, finding its wasm and worker beside itself', slow, async () => {
    writePage(`${tools}stratex.js`);
    const site = await serve({ mounts: { ...portalMounts, [tools]: embed } });
    const { page, problems } = await open(`${site.origin}/intranet/portal/report.html`);
    const shown = await settle(page);
    expect(shown.zh.rates).toEqual(['108%', '80%', '93%']);
    expect(shown.en.rates).toEqual(['108%', '80%', '93%']);
    const engineFiles = site.requests.filter((path) => /\.(wasm|js)$/.test(path));
    expect(engineFiles.some((path) => /\/assets\/duckdb-eh-[\w-]+\.wasm$/.test(path))).toBe(true);
    expect(engineFiles.every((path) => path.startsWith(tools))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works from a second origin that sends CORS headers', slow, async () => {
    const portal = await serve({ mounts: portalMounts }, 'localhost');
    const assets = await serve(
      {
        mounts: { [tools]: embed },
        headers: {
          'access-control-allow-origin': portal.origin,
          'access-control-allow-methods': 'GET, HEAD',
          vary: 'Origin',
        },
      },
      '127.0.0.1',
    );
    writePage(`${assets.origin}${tools}stratex.js`, assets.origin);
    const { page, problems } = await open(`${portal.origin}/intranet/portal/report.html`);
    const shown = await settle(page);
    expect(shown.zh.rates).toEqual(['108%', '80%', '93%']);
    expect(shown.en.rates).toEqual(['108%', '80%', '93%']);
    expect(assets.requests.some((path) => path.endsWith('.wasm'))).toBe(true);
    expect(assets.requests.some((path) => /duckdb-browser-eh\.worker/.test(path))).toBe(true);
    expect(portal.requests.some((path) => path.endsWith('.wasm'))).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works from a second origin on a page that enforces Trusted Types', slow, async () => {
    const portal = await serve({ mounts: portalMounts }, 'localhost');
    const assets = await serve(
      {
        mounts: { [tools]: embed },
        headers: { 'access-control-allow-origin': portal.origin, vary: 'Origin' },
      },
      '127.0.0.1',
    );
    writePage(
      `${assets.origin}${tools}stratex.js`,
      assets.origin,
      "; require-trusted-types-for 'script'; trusted-types stratex lit-html",
    );
    const { page, problems } = await open(`${portal.origin}/intranet/portal/report.html`);
    const violations: string[] = [];
    page.on('console', (entry) => {
      if (/Trusted Type|TrustedScriptURL/i.test(entry.text())) violations.push(entry.text());
    });
    const shown = await settle(page);
    expect(shown.zh.rates).toEqual(['108%', '80%', '93%']);
    expect(shown.en.rates).toEqual(['108%', '80%', '93%']);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says, in both languages, that the wasm has the wrong MIME type', slow, async () => {
    writePage(`${tools}stratex.js`);
    const site = await serve({
      mounts: { ...portalMounts, [tools]: embed },
      wasmType: 'application/octet-stream',
    });
    const { page } = await open(`${site.origin}/intranet/portal/report.html`);
    const shown = await settle(page);
    expect(shown.zh.state).toBe('error');
    expect(shown.zh.error).toMatch(
      /服务器以“application\/octet-stream”发送 duckdb-eh-[\w-]+\.wasm，而 WebAssembly 文件必须以 application\/wasm 类型发送/,
    );
    expect(shown.en.state).toBe('error');
    expect(shown.en.error).toMatch(
      /The server sends duckdb-eh-[\w-]+\.wasm as "application\/octet-stream": WebAssembly must be sent as application\/wasm/,
    );
    await page.close();
  });

  it('says, in both languages, that the wasm is missing', slow, async () => {
    writePage(`${tools}stratex.js`);
    const site = await serve({
      mounts: { ...portalMounts, [tools]: embed },
      missing: /duckdb-eh-[\w-]+\.wasm$/,
    });
    const { page } = await open(`${site.origin}/intranet/portal/report.html`);
    const shown = await settle(page);
    expect(shown.zh.error).toMatch(
      /服务器上缺少查询引擎文件 duckdb-eh-[\w-]+\.wasm（服务器返回 404）/,
    );
    expect(shown.en.error).toMatch(
      /The query engine's file duckdb-eh-[\w-]+\.wasm is missing on the server \(it answered 404\)/,
    );
    await page.close();
  });

  it('says, in both languages, that the worker is missing', slow, async () => {
    writePage(`${tools}stratex.js`);
    const site = await serve({
      mounts: { ...portalMounts, [tools]: embed },
      missing: /duckdb-browser-eh\.worker-[\w-]+\.js$/,
    });
    const { page } = await open(`${site.origin}/intranet/portal/report.html`);
    const shown = await settle(page);
    expect(shown.zh.error).toMatch(/服务器上缺少查询引擎文件 duckdb-browser-eh\.worker-[\w-]+\.js/);
    expect(shown.en.error).toMatch(/duckdb-browser-eh\.worker-[\w-]+\.js is missing on the server/);
    await page.close();
  });
});
