/**
 * The largest exports Stratex loads in Chromium here, and what it says past them: each
 * file is loaded in a fresh page by `<sx-target-treemap src>` from the embed build, as a
 * page author writes it, until the widget draws or says why it cannot.
 *
 *   npx tsx bench/limits.ts /folder/with/sales_N.csv-and-parquet [sales_5000000.csv …]
 *
 * Files come from `pnpm run fixtures --rows 5000000,10000000,20000000 --out <folder>`.
 * It prints one line per file: rows, size, outcome, seconds, and the widget's message.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { chromiumArgs, chromiumPath } from '../vite.config';
import { benchPath } from './lib/site';

const folder = resolve(process.argv[2] ?? 'fixtures/generated');
const names =
  process.argv.length > 3
    ? process.argv.slice(3)
    : readdirSync(folder).filter((name) => /^sales_\d+\.(csv|parquet)$/.test(name));

const site = mkdtempSync(join(tmpdir(), 'stratex-limits-'));
symlinkSync(benchPath('../packages/embed/dist'), join(site, 'stratex'));
symlinkSync(folder, join(site, 'files'));
const server = await startStaticServer(site, 0);
const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

for (const name of names) {
  const bytes = statSync(join(folder, name)).size;
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<script type="module" src="/stratex/stratex.js"></script></head><body>
<sx-target-treemap id="t" src="/files/${name}" levels="region,product_line" target="target_share" actual="amount"></sx-target-treemap>
</body></html>`,
  );
  const page = await browser.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const started = Date.now();
  await page.goto(`${origin}/`);
  const outcome = await page
    .waitForFunction(
      () => {
        const widget = document.querySelector('#t') as (Element & { state?: string }) | null;
        if (!widget || widget.state === 'loading' || widget.getAttribute('aria-busy') === 'true')
          return false;
        const error = widget.shadowRoot?.querySelector('[data-state="error"]')?.textContent;
        if (widget.state === 'error' || error)
          return `refused: ${(error ?? '').replace(/\s+/g, ' ').trim()}`;
        const rows = widget.shadowRoot?.querySelectorAll('[part="data-table"] tbody tr').length;
        return rows ? `loaded: ${rows} regions drawn` : false;
      },
      undefined,
      { timeout: 900_000, polling: 250 },
    )
    .then((handle) => handle.jsonValue() as Promise<string>)
    .catch((cause: unknown) => (crashed ? 'the tab crashed' : `no outcome: ${String(cause)}`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const rows = Number(/\d+/.exec(name)?.[0] ?? 0).toLocaleString('en');
  console.log(
    `${name}\t${rows} rows\t${(bytes / 1024 ** 2).toFixed(0)} MB\t${seconds} s\t${outcome}`,
  );
  await page.close().catch(() => undefined);
}

await browser.close();
server.close();
rmSync(site, { recursive: true, force: true });
