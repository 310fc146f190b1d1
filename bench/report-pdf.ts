// The portal's print report as Chromium prints it (A4), for the pictures of it in docs/live-and-print.md.
// Usage: tsx bench/report-pdf.ts [out.pdf] [lang]   then e.g. pdftoppm -r 60 -png out.pdf page
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { chromiumArgs, chromiumPath } from '../vite.config.ts';

const [out = 'report.pdf', lang = 'zh-CN'] = process.argv.slice(2);
const server = await startStaticServer(
  fileURLToPath(new URL('../apps/portal-demo/dist/', import.meta.url)),
  0,
);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage();
  const query = lang === 'en' ? '?lang=en' : '';
  await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/report.html${query}`);
  await page.locator('#findings[data-state="ready"]').waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () =>
      Array.from(
        document.querySelectorAll(
          'sx-scorecard, sx-variance-alerts, sx-target-treemap, sx-progress-tracker',
        ),
        (widget) => (widget as HTMLElement & { state: string }).state,
      ).every((state) => state === 'ready'),
    null,
    { timeout: 120_000 },
  );
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
