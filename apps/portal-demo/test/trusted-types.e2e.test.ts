import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vite.config';
import { startStaticServer } from '../static-server.mjs';
import { refuseForeignRequests } from './no-egress';

const repo = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The policy a user's portal sends, word for word. */
const trustedTypesPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data: blob:; require-trusted-types-for 'script'";
const withoutTrustedTypes = trustedTypesPolicy.replace("; require-trusted-types-for 'script'", '');

/** A page as its author writes it: the embed folder copied to /stratex/, the exports beside it. */
const page = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>Stratex under Trusted Types</title>
    <script type="module" src="/stratex/stratex.js"></script>
  </head>
  <body>
    <sx-data-source name="evaluation" src="/fixtures/template/evaluation.csv"></sx-data-source>
    <sx-data-source name="regions" src="/fixtures/template/region_targets.csv"></sx-data-source>
    <sx-data-source name="tasks" src="/fixtures/template/progress.csv"></sx-data-source>
    <sx-data-source name="kpis" src="/fixtures/template/kpi_daily_2024q3.csv"></sx-data-source>
    <sx-scorecard id="scorecard" source="evaluation" exportable></sx-scorecard>
    <sx-target-treemap id="treemap" source="regions" levels="区域,产品线"></sx-target-treemap>
    <sx-progress-tracker id="tracker" source="tasks" as-of="2024-06-25"></sx-progress-tracker>
    <sx-variance-alerts id="alerts" source="kpis" as-of="2024-08-15"></sx-variance-alerts>
    <sx-scorecard id="scorecard-parquet" src="/fixtures/parquet/evaluation.zstd.parquet"></sx-scorecard>
  </body>
</html>
`;

let site: string;
let browser: Browser;
const servers: Server[] = [];

beforeAll(async () => {
  if (!existsSync(repo('packages/embed/dist/stratex.js'))) {
    throw new Error('packages/embed/dist is missing: run `pnpm run build` before the tests.');
  }
  site = mkdtempSync(join(tmpdir(), 'stratex-trusted-types-'));
  symlinkSync(repo('packages/embed/dist'), join(site, 'stratex'), 'dir');
  symlinkSync(repo('fixtures'), join(site, 'fixtures'), 'dir');
  writeFileSync(join(site, 'index.html'), page);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  if (site) rmSync(site, { recursive: true, force: true });
});

/** What the page saw, collected by a script that runs before any of the page's own. */
interface PageLog {
  violations: string[];
  policies: string[];
}

type LoggedWindow = typeof globalThis & {
  stratexTestLog: PageLog;
  trustedTypes?: { createPolicy: (name: string, rules: object) => unknown };
};

function recordPageLog(withTrustedTypes: boolean): void {
  const page = globalThis as LoggedWindow;
  const log: PageLog = { violations: [], policies: [] };
  page.stratexTestLog = log;
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      log.violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
    true,
  );
  const factory = page.trustedTypes;
  if (!factory) return;
  if (!withTrustedTypes) {
    delete page.trustedTypes;
    return;
  }
  const create = factory.createPolicy.bind(factory);
  factory.createPolicy = (name, rules) => {
    log.policies.push(name);
    return create(name, rules);
  };
}

interface Visit {
  page: Page;
  foreign: string[];
  log(): Promise<PageLog>;
}

/** Opens the page served with `policy` as its Content-Security-Policy header. */
async function visit(policy: string, options: { browserHasTrustedTypes: boolean }): Promise<Visit> {
  const server = await startStaticServer(site, 0, { 'content-security-policy': policy });
  servers.push(server);
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext();
  const foreign = await refuseForeignRequests(context, origin);
  const page = await context.newPage();
  await page.addInitScript(recordPageLog, options.browserHasTrustedTypes);
  await page.goto(`${origin}/`);
  const log = (): Promise<PageLog> =>
    page.evaluate(() => (globalThis as LoggedWindow).stratexTestLog);
  return { page, foreign, log };
}

async function tableRows(page: Page, widget: string): Promise<string[][]> {
  const rows = page.locator(`#${widget} [part="data-table"] tbody tr`);
  const shown = rows.first().waitFor({ state: 'attached', timeout: 30_000 });
  await shown.catch(async (cause: unknown) => {
    const state = await page
      .locator(`#${widget}`)
      .evaluate((element) => element.shadowRoot?.textContent);
    throw new Error(`#${widget} showed no data: ${state?.replace(/\s+/g, ' ').trim()}`, { cause });
  });
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
  );
}

/** Every widget on the page reached its data and shows the template's own figures. */
async function expectTemplateFigures(page: Page): Promise<void> {
  for (const scorecard of ['scorecard', 'scorecard-parquet']) {
    const rows = await tableRows(page, scorecard);
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ['销售额', '108%'],
      ['线索转化率', '80%'],
      ['新客户数', '93%'],
    ]);
  }
  const regions = await tableRows(page, 'treemap');
  expect(regions.find((row) => row[0] === '华东')?.slice(1, 4)).toEqual(['150万', '168万', '112%']);
  const tasks = await tableRows(page, 'tracker');
  expect(tasks.find((row) => row[0]?.includes('直播线索跟进'))?.join(' ')).toContain('已完成');
  const alerts = await tableRows(page, 'alerts');
  expect(alerts.some((row) => row.join(' ').includes('线索转化率'))).toBe(true);
}

/** A tile chosen (selection, tooltip, cross-filter), then a chart exported in every format. */
async function useTheWidgets(page: Page): Promise<void> {
  await page.locator('#treemap [part~="tile"]').first().click();
  const exports = page.locator('#scorecard [part="export-button"]');
  expect(await exports.count()).toBe(3);
  for (let index = 0; index < 3; index += 1) {
    await Promise.all([page.waitForEvent('download'), exports.nth(index).click()]);
  }
}

describe('a page that enforces Trusted Types', () => {
  it('runs every widget on its data with no policy violation and no foreign request', async () => {
    const { page, foreign, log } = await visit(trustedTypesPolicy, {
      browserHasTrustedTypes: true,
    });
    await expectTemplateFigures(page);
    await useTheWidgets(page);
    const { violations, policies } = await log();
    expect(violations).toEqual([]);
    expect(policies).toContain('stratex');
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('says which policy to allow when the page names its policies without stratex', async () => {
    const { page } = await visit(`${trustedTypesPolicy}; trusted-types lit-html`, {
      browserHasTrustedTypes: true,
    });
    // The Parquet scorecard needs the engine (the small CSVs are answered without it).
    const error = page.locator('#scorecard-parquet [data-state="error"]');
    await error.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await error.textContent()).toContain(
      'does not allow the policy "stratex" that starts the query engine',
    );
    await page.context().close();
  });
});

describe('the same page without Trusted Types', () => {
  it('runs every widget under the rest of the policy', async () => {
    const { page, foreign, log } = await visit(withoutTrustedTypes, {
      browserHasTrustedTypes: true,
    });
    await expectTemplateFigures(page);
    expect((await log()).violations).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('runs every widget in a browser that has no Trusted Types at all', async () => {
    const { page, log } = await visit(withoutTrustedTypes, { browserHasTrustedTypes: false });
    await expectTemplateFigures(page);
    expect(await page.evaluate(() => 'trustedTypes' in globalThis)).toBe(false);
    expect((await log()).violations).toEqual([]);
    await page.context().close();
  });
});
