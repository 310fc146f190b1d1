import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.config';
import { readSeries } from '../live-feed.mjs';
import { startStaticServer } from '../static-server.mjs';
import { refuseForeignRequests } from './no-egress';
import {
  expectChineseEvaluation,
  expectEnglishEvaluation,
  expectTreemapTrackerAndAlerts,
} from './portal-figures';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!existsSync(`${dist}index.html`)) {
    throw new Error('apps/portal-demo/dist is missing: run `pnpm run build` before the tests.');
  }
  server = await startStaticServer(dist, 0);
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface PageRecord {
  page: Page;
  blocked: string[];
  problems: string[];
}

/** Opens the portal with every request to another origin refused, and records what went wrong. */
async function openPortal(
  colorScheme: 'light' | 'dark' = 'light',
  path = '/',
): Promise<PageRecord> {
  const context = await browser.newContext({ colorScheme });
  const blocked = await refuseForeignRequests(context, origin);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(entry.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${origin}${path}`);
  return { page, blocked, problems };
}

async function tableRows(page: Page, widget: string): Promise<string[][]> {
  const rows = page.locator(`${widget} [part="data-table"] tbody tr`);
  await rows.first().waitFor({ state: 'attached', timeout: 60_000 });
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
  );
}

describe('portal demo built from the embed output', () => {
  it('shows the template evaluation with 108 %, 80 %, 93 %, offline, under a strict CSP', async () => {
    const { page, blocked, problems } = await openPortal();
    await expectChineseEvaluation((widget) => tableRows(page, widget));
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('follows a reader who prefers dark: the cards and every widget dark; the print report stays light', async () => {
    const { page } = await openPortal('dark');
    await tableRows(page, '#scorecard-zh');
    const portal = await page.evaluate(() => ({
      card: getComputedStyle(document.querySelector('.card')!).backgroundColor,
      widgets: Array.from(document.querySelectorAll('main *'))
        .filter(
          (element) =>
            element.localName.startsWith('sx-') && element.localName !== 'sx-data-source',
        )
        .map((element) => `${element.localName}:${element.matches(':state(dark)')}`),
    }));
    expect(portal.card).toBe('rgb(27, 33, 48)');
    expect(portal.widgets.length).toBeGreaterThan(4);
    expect(portal.widgets.filter((widget) => widget.endsWith(':false'))).toEqual([]);

    await page.goto(`${origin}/report.html`);
    await tableRows(page, '#report-treemap');
    const report = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*'))
        .filter(
          (element) =>
            element.localName.startsWith('sx-') && element.localName !== 'sx-data-source',
        )
        .map((element) => `${element.localName}:${element.matches(':state(dark)')}`),
    );
    expect(report.length).toBeGreaterThan(0);
    expect(report.filter((widget) => widget.endsWith(':true'))).toEqual([]);
    await page.context().close();
  });

  it('reads the English export into the same figures, in English', async () => {
    const { page } = await openPortal();
    await expectEnglishEvaluation((widget) => tableRows(page, widget));
    await page.context().close();
  });

  it('shows all four widgets with the template figures, the GBK progress export included', async () => {
    const { page, problems } = await openPortal();
    await expectTreemapTrackerAndAlerts((widget) => tableRows(page, widget));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('paces the fourth quarter’s first tasks on working days: 国庆 off, its 调休 Sunday and Saturday worked', async () => {
    const { page, problems } = await openPortal();
    const tasks = await tableRows(page, '#q4-tracker');
    const expectedOf = (task: string): string | undefined =>
      tasks.find((row) => row[0] === task)?.[5];
    // Sep 23 – Oct 18: 17 working days, 9 of them by Oct 9 (Sun Sep 29 worked, Oct 1–7 off);
    // by calendar days it would be 17 of 26, 65 %.
    expect(expectedOf('四季度经销商大会筹备')).toBe('53%');
    // Sep 26 – Oct 31: 6 of 23 working days by Oct 9 (14 of 36 calendar days, 39 %).
    expect(expectedOf('年度大客户续约拜访')).toBe('26%');
    expect(expectedOf('国庆促销活动复盘')).toBe('50%');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('on day 48 of 92 of Q3, says the same status for a metric in the live scorecard and the alerts', async () => {
    // The live export as it stands on 2024-08-17, the demo's mid-quarter day.
    const { header, days } = readSeries();
    const through = days.filter((day) => day.date <= '2024-08-17');
    expect(through).toHaveLength(48);
    const body = `${[header, ...through.flatMap((day) => day.lines)].join('\r\n')}\r\n`;
    const context = await browser.newContext();
    const blocked = await refuseForeignRequests(context, origin);
    const page = await context.newPage();
    await page.route('**/live/kpi_daily_live.csv', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body }),
    );
    await page.goto(`${origin}/`);
    const scorecard = await tableRows(page, '#live-scorecard');
    const alerts = await tableRows(page, '#alerts');
    const alertOf = (metric: string): string[] | undefined =>
      alerts.find((row) => row[0] === metric && row[1] === '指标');
    expect(scorecard.map((row) => row[0]).sort()).toEqual(
      ['新签合同', '直播线索', '线索转化率', '销售额'].sort(),
    );
    for (const row of scorecard) {
      const metric = row[0] ?? '';
      // Status is column 4 of the scorecard's table, column 2 of the alerts'.
      expect(row[4], metric).toBe(alertOf(metric)?.[2]);
      const pace = Number.parseFloat(alertOf(metric)?.[6] ?? '');
      if (pace >= 85) expect(row[4], metric).not.toBe('未达标');
    }
    const revenue = scorecard.find((row) => row[0] === '销售额');
    expect(revenue?.[4]).toBe('预警');
    expect(alertOf('销售额')?.[6]).toBe('96.5%');
    expect(scorecard.map((row) => row[4])).not.toContain('未达标');
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('shows the notes file beside the scorecard rows, the alerts and the region tiles', async () => {
    const { page, problems } = await openPortal();
    // The notes come from their own source, read once the figures are on screen.
    const notesOf = async (widget: string): Promise<Record<string, string | undefined>> =>
      Object.fromEntries((await tableRows(page, widget)).map((row) => [row[0], row.at(-1)]));
    await expect
      .poll(async () => (await notesOf('#scorecard-zh'))['线索转化率'], { timeout: 60_000 })
      .toBe(
        '2024年8月9日 赵六：话术改版上线，增加客户案例；2024年7月26日 赵六：直播话术未突出产品核心优势，转化偏低',
      );
    expect((await notesOf('#scorecard-zh'))['销售额']).toBe(
      '2024年8月12日 销售部：重点客户回款推迟至9月',
    );
    await expect
      .poll(async () => (await notesOf('#alerts'))['新签合同'], { timeout: 60_000 })
      .toBe('2024年8月14日 销售部：客户决策周期延长，两份合同推迟签署');
    await expect
      .poll(async () => (await notesOf('#treemap'))['西南'], { timeout: 60_000 })
      .toBe('2024年8月15日 销售部：西南大客户项目延期');
    const shown = page.locator('#alerts [part~="notes"] time').first();
    expect(await shown.getAttribute('datetime')).toMatch(/^2024-0[78]-\d\d$/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('answers every widget in JS: starts no DuckDB worker, fetches no wasm, and fetches only its own origin', async () => {
    const { page, blocked } = await openPortal();
    await tableRows(page, '#scorecard-en');
    await tableRows(page, '#scorecard-zh');
    // Its exports are all small: the database, and its worker, start only for a page that needs them.
    const workers = page.workers().filter((worker) => worker.url().includes('duckdb'));
    expect(workers).toHaveLength(0);
    const wasm = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.wasm')),
    );
    expect(wasm).toEqual([]);
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
