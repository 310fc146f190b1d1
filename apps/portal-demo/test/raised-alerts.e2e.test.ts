import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.config';
import { readSeries } from '../live-feed.mjs';
import { startStaticServer } from '../static-server.mjs';
import { refuseForeignRequests } from './no-egress';

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

/** The live KPI export through 2024-08-15, revenue's daily actuals multiplied by `factor`. */
function liveExport(factor: number): string {
  const { header, days } = readSeries();
  const lines = days
    .filter((day) => day.date <= '2024-08-15')
    .flatMap((day) => day.lines)
    .map((line) => {
      const cells = line.split(',');
      if (cells[1] === '销售额') cells[2] = String(Math.round(Number(cells[2]) * factor));
      return cells.join(',');
    });
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** The alerts' table rows at a warning or worse (subject, kind, severity, …, reason). */
async function raisedRows(page: Page): Promise<string[][]> {
  const rows = page.locator('#alerts [part="data-table"] tbody tr');
  await rows.first().waitFor({ state: 'attached', timeout: 60_000 });
  const all = await rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
  );
  return all.filter((row) => row[2] === '严重' || row[2] === '预警');
}

/** The raised-alerts list: level word and message of each entry. */
const listed = (page: Page): Promise<string[][]> =>
  page
    .locator('#raised-alerts li:not(.none)')
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('.level')?.textContent ?? '',
        item.children[1]?.textContent ?? '',
      ]),
    );

describe('the portal’s list of raised alerts', () => {
  it('lists what the alerts raised, critical first, reachable with Tab, and drops what clears', async () => {
    const context = await browser.newContext();
    const blocked = await refuseForeignRequests(context, origin);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    let body = liveExport(1);
    await page.route('**/live/kpi_daily_live.csv', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body }),
    );
    await page.goto(`${origin}/`);

    const rows = await raisedRows(page);
    expect(rows.map((row) => row[0])).toContain('销售额');
    await page.waitForFunction(
      (count) => document.querySelectorAll('#raised-alerts li:not(.none)').length === count,
      rows.length,
    );
    const entries = await listed(page);
    // The widget's own sentences and severities, critical ones first.
    expect([...entries].sort()).toEqual(rows.map((row) => [row[2], row[7] ?? '']).sort());
    const levels = entries.map((entry) => entry[0]);
    expect(levels.lastIndexOf('严重')).toBeLessThan(levels.indexOf('预警'));
    const list = page.locator('#raised-alerts');
    expect(await list.getAttribute('aria-live')).toBe('polite');

    // A keyboard user reaches the list with Tab.
    let reached = false;
    for (let press = 0; press < 40 && !reached; press++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'raised-alerts');
    }
    expect(reached).toBe(true);

    // Revenue well ahead at the next refresh: its entry leaves the list.
    body = liveExport(1.25);
    await page.waitForFunction(
      () =>
        !Array.from(document.querySelectorAll('#raised-alerts li')).some((item) =>
          item.textContent?.includes('销售额'),
        ),
      undefined,
      { timeout: 60_000 },
    );
    expect((await listed(page)).length).toBe(entries.length - 1);

    // Evaluated by the browser's debugger, so the page's CSP (no inline script) stays as it is.
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const results = await run('.raised', { resultTypes: ['violations'] });
      return results.violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
