// Screenshots of the portal demo, for the README and for looking at the widgets as a user would.
// Usage: tsx bench/screenshot.ts [out.png] [width] [path] [selector] [height]
// With a height the picture is the first screen of that height, else the whole page (or the
// selector's element). The README's: tsx bench/screenshot.ts docs/portal-demo.png 1280 / '' 860
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { chromiumArgs, chromiumPath } from '../vite.config.ts';

const [out = 'docs/portal-demo.png', width = '1280', path = '/', selector, height] =
  process.argv.slice(2);
const server = await startStaticServer(
  fileURLToPath(new URL('../apps/portal-demo/dist/', import.meta.url)),
  0,
);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({
    viewport: { width: Number(width), height: Number(height ?? 800) },
  });
  await page.goto(`http://localhost:${(server.address() as AddressInfo).port}${path}`);
  await page.locator('[part="data-table"] tbody tr').first().waitFor({ state: 'attached' });
  // Every widget and source past its loading state.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('*')).every(
      (element) =>
        !element.localName.startsWith('sx-') ||
        (element as Element & { state?: unknown }).state !== 'loading',
    ),
  );
  await page.waitForTimeout(300);
  if (selector) await page.locator(selector).screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: !height });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
