// A picture of the analyst workbench with the template's exports loaded (the GBK progress
// table among them), the regional target split on view:
//
//   npx tsx bench/analyst-screenshot.ts [out=apps/analyst/screenshot.png] [width=1280]
//
// Needs `pnpm run build` (apps/analyst/dist).
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../apps/portal-demo/static-server.mjs';
import { launch } from './lib/browser.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const out = process.argv[2] ?? here('../apps/analyst/screenshot.png');
const width = Number(process.argv[3] ?? 1280);
const template = here('../fixtures/template/');

const server = await startStaticServer(here('../apps/analyst/dist/'), 0);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
  await page.setInputFiles(
    'input[type=file]',
    ['region_targets.csv', 'evaluation.gbk.csv', 'progress.gbk.csv'].map((name) => template + name),
  );
  await page.locator('.file .status.ready').nth(2).waitFor({ timeout: 120_000 });
  await page.locator('.file[data-source="region_targets"] .file-choice').click();
  await page.locator('input[name="stated-total"]').fill('500万');
  await page.locator('input[name="stated-total"]').press('Tab');
  await page
    .locator('analyst-widget-preview sx-target-treemap [part="data-table"] tbody tr')
    .first()
    .waitFor({ state: 'attached', timeout: 120_000 });
  await page.locator('analyst-checks-panel .rollup-check .ok').first().waitFor();
  await page
    .locator('analyst-query-panel textarea')
    .fill(
      'SELECT 区域, sum(TRY_CAST(目标值 AS DOUBLE)) AS 目标合计\nFROM region_targets\nGROUP BY 区域 ORDER BY 目标合计 DESC',
    );
  await page.locator('analyst-query-panel button').click();
  await page.locator('analyst-query-panel .query-result tbody tr').first().waitFor();
  // No hover tooltip or focus ring left over from the steps above.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
