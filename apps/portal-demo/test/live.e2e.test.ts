import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatValue } from '@stratex/core';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.config';
import { fixtureFile, liveFiles, readSeries } from '../live-feed.mjs';
import { startStaticServer } from '../static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const widgets = 'sx-scorecard, sx-variance-alerts, sx-target-treemap, sx-progress-tracker';

/** The site as built, with a live folder of its own (other tests keep reading dist/live). */
const site = mkdtempSync(join(tmpdir(), 'stratex-live-'));
let feed: ReturnType<typeof liveFiles>;
let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!existsSync(`${dist}index.html`)) {
    throw new Error('apps/portal-demo/dist is missing: run `pnpm run build` before the tests.');
  }
  for (const entry of readdirSync(dist)) {
    if (entry !== 'live') symlinkSync(join(dist, entry), join(site, entry));
  }
  feed = liveFiles(`${site}/live/`);
  feed.reset();
  server = await startStaticServer(`${site}/`, 0);
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(site, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  blocked: string[];
  problems: string[];
}

/** Opens a page of the portal with every request to another origin refused and recorded. */
async function open(path: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const blocked: string[] = [];
  const problems: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) {
      return route.continue();
    }
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(entry.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${origin}${path}`);
  return { page, blocked, problems };
}

/** Waits until every widget on the page has drawn its data, then returns their states. */
async function everyWidgetReady(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction(
    (selector) =>
      Array.from(document.querySelectorAll(selector)).every(
        (widget) =>
          (widget as HTMLElement & { state: string }).state === 'ready' &&
          widget.shadowRoot?.querySelector('[part="data-table"] tbody tr'),
      ),
    widgets,
    { timeout: 180_000 },
  );
  return page.evaluate(
    (selector) =>
      Object.fromEntries(
        Array.from(document.querySelectorAll(selector), (widget) => [
          widget.id,
          (widget as HTMLElement & { state: string }).state,
        ]),
      ),
    widgets,
  );
}

async function tableRows(page: Page, widget: string): Promise<string[][]> {
  return page
    .locator(`${widget} [part="data-table"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
    );
}

/** Revenue to date in a live export: the sum of the 销售额 rows' daily values. */
function revenueToDate(file: string): number {
  return readFileSync(file, 'utf8')
    .split('\r\n')
    .filter((line) => line.split(',')[1] === '销售额')
    .reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
}

/** A cold engine start on a busy two-core machine can take a minute. */
const slow = { timeout: 240_000 };

describe('the live portal', () => {
  it('renders all four widgets with every request to another origin blocked', slow, async () => {
    const { page, blocked, problems } = await open('/');
    const states = await everyWidgetReady(page);
    expect(Object.keys(states).sort()).toEqual(
      [
        'alerts',
        'live-scorecard',
        'q4-tracker',
        'scorecard-en',
        'scorecard-zh',
        'tracker',
        'treemap',
        'treemap-en',
      ].sort(),
    );
    expect(new Set(Object.values(states))).toEqual(new Set(['ready']));
    expect((await tableRows(page, '#scorecard-zh')).map((row) => row[3])).toEqual([
      '108%',
      '80%',
      '93%',
    ]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it(
    'shows an appended day of KPIs in the live scorecard at the next refresh, with its stamp',
    slow,
    async () => {
      feed.reset();
      const { page, blocked } = await open('/');
      await everyWidgetReady(page);
      const liveFile = `${site}/live/kpi_daily_live.csv`;
      const revenueCell = async (): Promise<string | undefined> =>
        (await tableRows(page, '#live-scorecard')).find((row) => row[0] === '销售额')?.[2];
      expect(await revenueCell()).toBe(formatValue(revenueToDate(liveFile), 'money', 'zh-CN'));
      await expect
        .poll(() => page.locator('#stamp').getAttribute('data-last-day'), { timeout: 30_000 })
        .toBe('2024-08-15');

      // What the server answered to each check of the export that reached it after the append
      // (the server runs in this process: a request it handles after `append` sees the new file).
      const checks: number[] = [];
      let appended = false;
      const recordCheck = (request: IncomingMessage, response: ServerResponse): void => {
        if (appended && request.url === '/live/kpi_daily_live.csv') {
          response.on('finish', () => checks.push(response.statusCode));
        }
      };
      server.on('request', recordCheck);
      const day = feed.append();
      appended = true;
      expect(day.date).toBe('2024-08-16');
      const expected = formatValue(revenueToDate(liveFile), 'money', 'zh-CN');
      await expect.poll(revenueCell, { timeout: 90_000 }).toBe(expected);
      // The first check after the append already brought the new day (200, not 304). The page
      // may draw it before this process has run the response's own 'finish': wait for that.
      await expect.poll(() => checks[0], { timeout: 10_000 }).toBe(200);
      server.off('request', recordCheck);
      await expect
        .poll(() => page.locator('#stamp').getAttribute('data-last-day'), { timeout: 30_000 })
        .toBe('2024-08-16');
      expect(await page.locator('#stamp').textContent()).toContain('数据截至 2024年8月16日');
      await expect
        .poll(() => page.locator('#alerts').evaluate((el) => el.shadowRoot?.textContent ?? ''))
        .toContain('2024年8月16日');
      expect(blocked).toEqual([]);
      await page.close();
    },
  );

  it('leaves the committed KPI series as it is', () => {
    const { days } = readSeries(fixtureFile);
    expect(days).toHaveLength(92);
    expect(days.at(-1)?.date).toBe('2024-09-30');
  });
});

/** Pages and their sizes in points, read from the PDF's page objects. */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  return [
    ...text.matchAll(
      /\/Type\s*\/Page\b[^]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g,
    ),
  ].map((match) => ({
    width: Number(match[3]) - Number(match[1]),
    height: Number(match[4]) - Number(match[2]),
  }));
}

describe('the print report', () => {
  it(
    'prints the evaluation on A4: overall score, the four widgets, variance and suggestions',
    slow,
    async () => {
      const { page, blocked, problems } = await open('/report.html');
      await everyWidgetReady(page);
      await page.locator('#findings[data-state="ready"]').waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.screen-only').isVisible()).toBe(false);
      const findings = await page
        .locator('#findings tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim())),
        );
      expect(findings).toEqual([
        ['销售额', '108%', '政策利好，重点客户超额完成', '下期目标上调至550万元'],
        ['线索转化率', '80%', '直播话术未突出产品核心优势', '优化直播话术，增加客户案例'],
        ['新客户数', '93%', '客户决策周期延长', '提供免费试用'],
      ]);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(4);
      for (const size of pages) {
        // A4 is 210 × 297 mm: 595.3 × 841.9 points.
        expect(Math.abs(size.width - 595.3)).toBeLessThan(2);
        expect(Math.abs(size.height - 841.9)).toBeLessThan(2);
      }
      const file = join(site, 'report.pdf');
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Pages:\\s+${pages.length}\\n`));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const words of [
        '效果评估报告',
        '综合得分 94%',
        '政策利好，重点客户超额完成',
        '下期目标上调至550万元',
        '目标分解',
        '偏差预警',
        '执行进度跟踪',
        '直播线索跟进',
      ]) {
        expect(text.replace(/[ \t]+/g, ' ')).toContain(words);
      }
      expect(blocked).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('reads the English exports into the same report in English', slow, async () => {
    const { page } = await open('/report.html?lang=en');
    await everyWidgetReady(page);
    await page.locator('#findings[data-state="ready"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Q3 2024 · Evaluation report');
    expect((await tableRows(page, '#report-scorecard')).map((row) => row[4])).toEqual([
      'On track',
      'Off track',
      'At risk',
    ]);
    expect(await page.locator('#findings tbody tr').first().textContent()).toContain(
      'raise next target to 5500000',
    );
    await expect
      .poll(() => page.locator('#stamp').textContent(), { timeout: 30_000 })
      .toContain('Live data · last updated');
    await page.close();
  });
});

describe('small exports without the database', () => {
  it(
    'fills every widget of the portal and the report, its variance table too, with the wasm refused',
    slow,
    async () => {
      for (const path of ['/', '/report.html']) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const refused: string[] = [];
        await page.route('**/*.wasm', (route) => {
          refused.push(route.request().url());
          return route.abort('blockedbyclient');
        });
        await page.goto(`${origin}${path}`);
        const states = await everyWidgetReady(page);
        expect(new Set(Object.values(states)), path).toEqual(new Set(['ready']));
        // The stamp's last day is read without the database too.
        await expect
          .poll(() => page.locator('#stamp').getAttribute('data-last-day'), { timeout: 30_000 })
          .toMatch(/^2024-\d\d-\d\d$/);
        if (path === '/') {
          expect((await tableRows(page, '#live-scorecard'))[0]?.[2]).toBe(
            formatValue(revenueToDate(`${site}/live/kpi_daily_live.csv`), 'money', 'zh-CN'),
          );
        } else {
          await page.locator('#findings[data-state="ready"]').waitFor();
          expect(await page.locator('#findings tbody tr').count()).toBe(3);
        }
        // Whether the engine had asked for its wasm yet or not, no figure can have come from it.
        expect(
          refused.every((url) => url.startsWith(origin)),
          path,
        ).toBe(true);
        await page.close();
      }
    },
  );
});
