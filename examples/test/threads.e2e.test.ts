import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../vite.config';
import { serveSite } from './site';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const embed = `${repo}packages/embed/dist/`;
const generated = fileURLToPath(new URL('../../fixtures/generated/', import.meta.url));
const slow = { timeout: 300_000 };

/** The strict policy of the README, sent as a header on every answer, workers' scripts too. */
const strictPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data: blob:; require-trusted-types-for 'script'";
/** The two headers that make a page cross-origin isolated. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

let browser: Browser;
const servers: Server[] = [];
const pages = mkdtempSync(join(tmpdir(), 'stratex-threads-'));
/** An embed build made with `STRATEX_THREADS=1`: the default one has no threaded DuckDB. */
const threadedEmbed = mkdtempSync(join(tmpdir(), 'stratex-threaded-embed-'));

beforeAll(async () => {
  if (!existsSync(`${embed}stratex.js`)) {
    throw new Error('packages/embed/dist is missing: run `pnpm run build` before the tests.');
  }
  if (!existsSync(`${generated}sales_100000.parquet`)) {
    throw new Error(
      'fixtures/generated is missing: run `npx tsx fixtures/generate.ts --rows 100000`.',
    );
  }
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'packages/embed/vite.config.ts', '--outDir', threadedEmbed],
    { cwd: repo, env: { ...process.env, STRATEX_THREADS: '1' }, stdio: 'ignore' },
  );
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  writeFileSync(
    join(pages, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script type="module" src="/stratex/stratex.js"></script>
  </head>
  <body>
    <sx-data-source name="sales_csv" src="/data/sales_100000.csv"></sx-data-source>
    <sx-data-source name="sales_parquet" src="/data/sales_100000.parquet"></sx-data-source>
    <sx-target-treemap id="csv" source="sales_csv" levels="region,product_line" target="target_share" actual="amount"></sx-target-treemap>
    <sx-target-treemap id="parquet" source="sales_parquet" levels="region,product_line" target="target_share" actual="amount"></sx-target-treemap>
  </body>
</html>
`,
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  rmSync(pages, { recursive: true, force: true });
  rmSync(threadedEmbed, { recursive: true, force: true });
});

interface Visit {
  isolated: boolean;
  cores: number;
  threads: number;
  loads: { source: string; rowCount: number }[];
  figures: Record<string, string>;
  sums: Record<string, Record<string, number>>;
  wasm: string[];
  threadScripts: string[];
  problems: string[];
}

/**
 * Opens the page, with the embed build in `folder`, from a server that sends `headers`; waits
 * for both treemaps and reads what ran.
 */
async function visit(folder: string, headers: Record<string, string>): Promise<Visit> {
  const served = await serveSite({
    mounts: { '/stratex/': folder, '/data/': generated, '/': pages },
    headers,
  });
  servers.push(served.server);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && path !== '/favicon.ico')
      problems.push(`${response.status()} ${path}`);
  });
  await page.addInitScript(() => {
    const loads: unknown[] = [];
    (window as unknown as { loads: unknown[] }).loads = loads;
    document.addEventListener('sx-data-load', (event) => {
      if ((event.target as Element).localName !== 'sx-data-source') return;
      const { source, rowCount } = (event as CustomEvent<{ source: string; rowCount: number }>)
        .detail;
      loads.push({ source, rowCount });
    });
  });
  await page.goto(`${served.origin}/index.html`);
  await page.waitForFunction(
    () =>
      ['csv', 'parquet'].every((id) => {
        const widget = document.getElementById(id) as (HTMLElement & { state?: string }) | null;
        return widget?.state === 'ready' || widget?.state === 'error';
      }),
    undefined,
    { timeout: 240_000 },
  );
  // As a page script would ask (a string, so that the test's own bundler leaves the import be).
  const threads = await page.evaluate<number>(
    "import('/stratex/stratex.js').then(({ pageEngine }) => pageEngine().threads())",
  );
  const read = await page.evaluate(() => {
    const figures: Record<string, string> = {};
    const sums: Record<string, Record<string, number>> = {};
    for (const id of ['csv', 'parquet']) {
      const widget = document.getElementById(id) as HTMLElement & {
        state: string;
        rows?: Record<string, unknown>[];
      };
      const table = widget.shadowRoot?.querySelector('[part="data-table"]');
      figures[id] = `${widget.state}: ${table?.textContent?.replace(/\s+/g, ' ').trim() ?? ''}`;
      // The summed rows the treemap drew its tiles from, each group's figures unrounded.
      for (const row of widget.rows ?? []) {
        for (const column of ['target_share', 'amount']) {
          const cell = row[column];
          const value = Number(
            cell !== null && typeof cell === 'object' ? (cell as { value: unknown }).value : cell,
          );
          const group = `${id} ${String(row['region'])} ${String(row['product_line'])} ${column}`;
          (sums[id] ??= {})[group] = value;
        }
      }
    }
    return {
      isolated: crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
      loads: (window as unknown as { loads: { source: string; rowCount: number }[] }).loads,
      figures,
      sums,
    };
  });
  await page.close();
  return {
    ...read,
    threads,
    loads: [...read.loads].sort((a, b) => a.source.localeCompare(b.source)),
    wasm: served.requests.filter((path) => /duckdb-\w+-[\w-]+\.wasm$/.test(path)),
    threadScripts: served.requests.filter((path) => path.includes('pthread.worker')),
    problems,
  };
}

const expectedLoads = [
  { source: 'sales_csv', rowCount: 100_000 },
  { source: 'sales_parquet', rowCount: 100_000 },
];

describe('DuckDB-WASM in threads, on a page that is cross-origin isolated', () => {
  it(
    'a build with the threaded DuckDB loads a CSV and a Parquet with threads under the strict policy, and draws the same figures as without',
    slow,
    async () => {
      const isolated = await visit(threadedEmbed, {
        'Content-Security-Policy': strictPolicy,
        ...isolation,
      });
      const plain = await visit(threadedEmbed, { 'Content-Security-Policy': strictPolicy });

      expect(isolated.problems).toEqual([]);
      expect(isolated.isolated).toBe(true);
      expect(isolated.wasm).toEqual([expect.stringMatching(/\/duckdb-coi-[\w-]+\.wasm$/)]);
      expect(isolated.threadScripts.length).toBeGreaterThan(0);
      // One thread per core, four at most.
      expect(isolated.threads).toBe(Math.max(1, Math.min(4, isolated.cores)));
      expect(isolated.loads).toEqual(expectedLoads);

      expect(plain.problems).toEqual([]);
      expect(plain.isolated).toBe(false);
      expect(plain.wasm).toEqual([expect.stringMatching(/\/duckdb-eh-[\w-]+\.wasm$/)]);
      expect(plain.threadScripts).toEqual([]);
      expect(plain.threads).toBe(1);
      expect(plain.loads).toEqual(expectedLoads);

      expect(isolated.figures.csv).toMatch(/^ready: /);
      expect(isolated.figures.parquet).toMatch(/^ready: /);
      expect(isolated.figures).toEqual(plain.figures);
      // Threads add in another order: each group's sums agree to the last cent, not the last bit.
      for (const id of ['csv', 'parquet']) {
        const groups = Object.keys(plain.sums[id] ?? {}).sort();
        expect(groups.length).toBe(2 * 15);
        expect(Object.keys(isolated.sums[id] ?? {}).sort()).toEqual(groups);
        for (const group of groups)
          expect(isolated.sums[id]?.[group]).toBeCloseTo(plain.sums[id]?.[group] ?? NaN, 2);
      }
    },
  );

  it(
    'the default build runs single-threaded there too, and draws the same figures',
    slow,
    async () => {
      const isolated = await visit(embed, {
        'Content-Security-Policy': strictPolicy,
        ...isolation,
      });
      expect(isolated.problems).toEqual([]);
      expect(isolated.isolated).toBe(true);
      expect(isolated.wasm).toEqual([expect.stringMatching(/\/duckdb-eh-[\w-]+\.wasm$/)]);
      expect(isolated.threadScripts).toEqual([]);
      expect(isolated.threads).toBe(1);
      expect(isolated.loads).toEqual(expectedLoads);
      expect(isolated.figures.csv).toMatch(/^ready: /);
      expect(isolated.figures.parquet).toMatch(/^ready: /);
      expect(isolated.figures.csv).toBe(isolated.figures.parquet);
    },
  );
});
