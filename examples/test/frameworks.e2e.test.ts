import { existsSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../vite.config';
import { type InstalledPackage, installStratex } from './installed-package';
import { serveSite } from './site';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const built = here('../../packages/embed/dist/');
const slow = { timeout: 240_000 };

/** Each example: the folder served at the root, built first when it has a Vite config. */
const examples = [
  { name: 'plain HTML', root: here('../html/'), config: undefined, switchesLanguage: false },
  {
    name: 'React',
    root: here('../react/dist/'),
    config: here('../react/vite.config.ts'),
    switchesLanguage: true,
  },
  {
    name: 'Vue',
    root: here('../vue/dist/'),
    config: here('../vue/vite.config.ts'),
    switchesLanguage: true,
  },
];

let browser: Browser;
/** The examples load stratex.js from the `stratex` package installed from its tarball. */
let installed: InstalledPackage;
let embed: string;

beforeAll(async () => {
  if (!existsSync(`${built}stratex.js`)) {
    throw new Error('packages/embed/dist is missing: run `pnpm run build` before the tests.');
  }
  installed = installStratex();
  embed = join(installed.installed, 'embed');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  if (installed) rmSync(dirname(installed.project), { recursive: true, force: true });
});

/** The rows of a widget's data table once it has drawn them. */
async function tableRows(page: Page, widget: string): Promise<string[][]> {
  const rows = page.locator(`${widget} [part="data-table"] tbody tr`);
  await rows.first().waitFor({ state: 'attached', timeout: 180_000 });
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
  );
}

describe.each(examples)('the $name example', ({ root, config, switchesLanguage }) => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    if (config) await build({ configFile: config, logLevel: 'warn' });
    const site = await serveSite({
      mounts: {
        '/stratex/': embed,
        '/data/': here('../../fixtures/template/'),
        '/shared/': here('../shared/'),
        '/': root,
      },
    });
    server = site.server;
    origin = site.origin;
  }, 120_000);

  afterAll(() => new Promise((done) => server?.close(done)));

  it('sets attributes and .data, and hears sx-select', slow, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (entry) => {
      if (entry.type() === 'error') problems.push(entry.text());
    });
    await page.goto(`${origin}/`);

    // Attributes: a named source, a language.
    const fromExport = await tableRows(page, '#from-attributes');
    expect(fromExport.map((row) => [row[0], row[3], row[4]])).toEqual([
      ['销售额', '108%', '达标'],
      ['线索转化率', '80%', '未达标'],
      ['新客户数', '93%', '有风险'],
    ]);
    // The `.data` property: the app's own rows.
    const fromData = await tableRows(page, '#from-data');
    expect(fromData.map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual([
      ['revenue', '5,000,000', '5,400,000', '108%', 'On track'],
      ['lead conversion rate', '15%', '12%', '80%', 'Off track'],
      ['new customers', '30', '28', '93%', 'At risk'],
    ]);

    // Events: choosing a row reaches the app's handler.
    await page.locator('#from-attributes [part~="row"]').first().click();
    await expect.poll(() => page.locator('#selection').textContent()).toBe('销售额');
    await page.locator('#from-data [part~="row"]').nth(1).click();
    await expect.poll(() => page.locator('#selection').textContent()).toBe('lead conversion rate');

    if (switchesLanguage) {
      // An attribute bound to the app's state: the same export, now in English.
      await page.getByRole('button', { name: 'English' }).click();
      await expect
        .poll(async () => (await tableRows(page, '#from-attributes')).map((row) => row[4]))
        .toEqual(['On track', 'Off track', 'At risk']);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
