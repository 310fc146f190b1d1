import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../vite.config';
import { serveSite } from './site';

const embed = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));
const template = fileURLToPath(new URL('../../fixtures/template/', import.meta.url));
const slow = { timeout: 240_000 };

let browser: Browser;
const servers: Server[] = [];
const pages = mkdtempSync(join(tmpdir(), 'stratex-engine-start-'));

/** A page of the portal's kind: the script, then `body`. */
function writePage(name: string, body: string): void {
  writeFileSync(
    join(pages, name),
    `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <script type="module" src="/stratex/stratex.js"></script>
  </head>
  <body>
${body}
  </body>
</html>
`,
  );
}

beforeAll(async () => {
  if (!existsSync(`${embed}stratex.js`)) {
    throw new Error('packages/embed/dist is missing: run `pnpm run build` before the tests.');
  }
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  writePage('empty.html', '    <p>本周没有数据组件。</p>');
  writePage(
    'small.html',
    `    <sx-data-source name="evaluation" src="/data/evaluation.csv"></sx-data-source>
    <sx-scorecard id="scorecard" source="evaluation"></sx-scorecard>
    <sx-target-treemap id="treemap" src="/data/region_targets.csv" levels="区域,产品线"></sx-target-treemap>
    <sx-progress-tracker id="tracker" src="/data/progress.csv" as-of="2024-06-18"></sx-progress-tracker>`,
  );
  // 10,000 tasks: more rows than the planning's head, every column of one kind of cell.
  const tasks = Array.from(
    { length: 10_000 },
    (_, at) =>
      `任务 ${at + 1},负责人 ${at % 37},2024-06-01,2024-06-${String(2 + (at % 28)).padStart(2, '0')},${(at * 7) % 101}%`,
  );
  writeFileSync(
    join(pages, 'tasks.csv'),
    `任务名称,负责人,计划开始时间,计划结束时间,实际进度（%/完成状态）\n${tasks.join('\n')}\n`,
  );
  writePage(
    'tasks.html',
    `    <sx-data-source name="tasks" src="/tasks.csv"></sx-data-source>
    <sx-progress-tracker id="tracker" source="tasks" as-of="2024-06-18"></sx-progress-tracker>`,
  );
  writePage(
    'sql.html',
    `    <sx-data-source name="evaluation" src="/data/evaluation.csv"></sx-data-source>
    <sx-scorecard id="scorecard" query="SELECT * FROM evaluation"></sx-scorecard>`,
  );
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

afterAll(async () => {
  await browser?.close();
  rmSync(pages, { recursive: true, force: true });
});

async function site(): Promise<{ origin: string; requests: string[] }> {
  const served = await serveSite({
    mounts: { '/stratex/': embed, '/data/': template, '/': pages },
  });
  servers.push(served.server);
  return served;
}

/** Waits until every widget named is ready (or failed), then until the network is quiet. */
async function settle(page: Page, ids: readonly string[]): Promise<string[]> {
  await page.waitForFunction(
    (names) =>
      names.every((id) =>
        ['ready', 'error'].includes(
          (document.getElementById(id) as (HTMLElement & { state?: string }) | null)?.state ?? '',
        ),
      ),
    ids,
    { timeout: 180_000 },
  );
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    (names) =>
      names.map((id) => (document.getElementById(id) as HTMLElement & { state: string }).state),
    ids,
  );
}

/** The database's own files among the requests a page made: its wasm and its workers' scripts. */
const databaseFiles = (requests: readonly string[]) => ({
  wasm: requests.filter((path) => path.endsWith('.wasm')),
  workers: requests.filter((path) => /duckdb-[\w-]*\.worker-[\w-]+\.js$/.test(path)),
});

describe('the database starts only for a page that needs it', () => {
  it('a page without data widgets fetches no wasm and starts no worker', slow, async () => {
    const { origin, requests } = await site();
    const page = await browser.newPage();
    await page.goto(`${origin}/empty.html`);
    await page.waitForFunction(() => customElements.get('sx-scorecard') !== undefined);
    await page.waitForLoadState('networkidle');
    expect(databaseFiles(requests)).toEqual({ wasm: [], workers: [] });
    expect(page.workers()).toHaveLength(0);
    await page.close();
  });

  it('a page of small CSVs answered in JS fetches no wasm and starts no worker', slow, async () => {
    const { origin, requests } = await site();
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${origin}/small.html`);
    expect(await settle(page, ['scorecard', 'treemap', 'tracker'])).toEqual([
      'ready',
      'ready',
      'ready',
    ]);
    const rows = await page.evaluate(
      () =>
        document
          .getElementById('scorecard')
          ?.shadowRoot?.querySelectorAll('[part="data-table"] tbody tr').length,
    );
    expect(rows).toBe(3);
    expect(databaseFiles(requests)).toEqual({ wasm: [], workers: [] });
    expect(page.workers()).toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it(
    'a tracker of 10,000 tasks from a CSV fetches no wasm and starts no worker',
    slow,
    async () => {
      const { origin, requests } = await site();
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${origin}/tasks.html`);
      expect(await settle(page, ['tracker'])).toEqual(['ready']);
      const listed = await page.evaluate(
        () =>
          document
            .getElementById('tracker')
            ?.shadowRoot?.querySelectorAll('[part="data-table"] tbody tr').length,
      );
      expect(listed).toBe(10_000);
      expect(databaseFiles(requests)).toEqual({ wasm: [], workers: [] });
      expect(page.workers()).toHaveLength(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it(
    'a page whose widget asks SQL starts one worker and fetches the wasm once, as the script runs',
    slow,
    async () => {
      // The chunk that holds the engine is the one that takes the early worker over.
      const chunks = `${embed}chunks/`;
      const engineChunk = readdirSync(chunks).find((name) =>
        readFileSync(`${chunks}${name}`, 'utf8').includes('stratex.early-worker'),
      );
      expect(engineChunk).toBeDefined();
      const { origin, requests } = await site();
      const page = await browser.newPage();
      const order: string[] = [];
      page.on('request', (request) => {
        if (/duckdb-boot\.worker-[^/]*\.js/.test(request.url())) order.push('worker asked');
      });
      page.on('requestfinished', (request) => {
        if (request.url().endsWith(`/chunks/${engineChunk}`)) order.push('engine chunk arrived');
      });
      await page.goto(`${origin}/sql.html`);
      expect(await settle(page, ['scorecard'])).toEqual(['ready']);
      const files = databaseFiles(requests);
      expect(files.wasm).toHaveLength(1);
      expect(files.workers.filter((path) => path.includes('duckdb-boot'))).toHaveLength(1);
      expect(page.workers().filter((worker) => worker.url().includes('duckdb'))).toHaveLength(1);
      expect(order).toEqual(['worker asked', 'engine chunk arrived']);
      await page.close();
    },
  );
});
