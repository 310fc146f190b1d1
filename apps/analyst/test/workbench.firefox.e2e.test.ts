import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Firefox,
  firefoxSuite,
  hiddenTableBoxes,
  launchFirefox,
  type OpenedPage,
  openPage,
  paintedHiddenBoxes,
  probeOutside,
  skipFirefox,
  tableRows,
  WIDGET_TAGS,
} from '../../portal-demo/test/firefox';
import { startStaticServer } from '../../portal-demo/static-server.mjs';
import {
  droppedFile,
  dropOnZone,
  eastChinaPreview,
  evaluationPreview,
  fixture,
} from './workbench-figures';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

let server: Server;
let firefox: Firefox;
let workbench: OpenedPage;

/** The text of the first element `selector` finds in the page, once it contains `expected`. */
async function textOnceIt(selector: string, expected: string): Promise<string> {
  await workbench.page.waitForFunction(
    (found, text) => document.querySelector(found)?.textContent?.includes(text),
    { timeout: 90_000 },
    selector,
    expected,
  );
  return workbench.page.$eval(selector, (element) => element.textContent ?? '');
}

/** Drops a template fixture on the workbench, as a person dragging it from the desktop. */
async function dropFile(name: string): Promise<void> {
  await workbench.page.waitForSelector('.drop-zone');
  await workbench.page.evaluate(dropOnZone, [droppedFile(name, fixture(name))]);
}

/** Neither the hidden data table of a previewed widget nor its caption is painted. */
async function expectNothingHiddenPainted(widgets: number): Promise<void> {
  const boxes = await hiddenTableBoxes(
    workbench.page,
    `analyst-widget-preview :is(${WIDGET_TAGS})`,
  );
  expect(boxes).toHaveLength(widgets * 2);
  expect(paintedHiddenBoxes(boxes)).toEqual([]);
}

describe.skipIf(skipFirefox)(firefoxSuite('analyst workbench in Firefox ESR'), () => {
  beforeAll(async () => {
    if (!existsSync(`${dist}index.html`) || !existsSync(`${dist}stratex/stratex.js`)) {
      throw new Error('apps/analyst/dist is missing: run `pnpm run build` before the tests.');
    }
    server = await startStaticServer(dist, 0);
    firefox = await launchFirefox();
    workbench = await openPage(
      firefox.browser,
      `http://localhost:${(server.address() as AddressInfo).port}/`,
    );
  });

  afterAll(async () => {
    await firefox?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('reads a dropped GBK export, maps its columns and previews the template figures', async () => {
    const { page } = workbench;
    await dropFile('evaluation.gbk.csv');
    const report = 'analyst-load-report';
    expect(await textOnceIt(`${report} [data-fact="encoding"] dd`, 'GBK')).toContain('GBK');
    expect(await page.$eval(`${report} [data-fact="rows"] dd`, (dd) => dd.textContent)).toBe('3');
    const mapped = await page.$$eval(
      '#map-scorecard-dimension, #map-scorecard-target, #map-scorecard-actual',
      (fields) => fields.map((field) => (field as HTMLSelectElement).value),
    );
    expect(mapped).toEqual(['评估维度', '目标值', '实际值']);

    const preview = await tableRows(page, 'analyst-widget-preview sx-scorecard');
    expect(preview.map((row) => row.slice(0, 5))).toEqual(evaluationPreview);
    await expectNothingHiddenPainted(1);
  });

  it('previews the region targets as a treemap, East China over its target', async () => {
    const { page } = workbench;
    await dropFile('region_targets.csv');
    await page.waitForSelector('.file[data-source="region_targets"] .status.ready', {
      timeout: 90_000,
    });
    await page.click('.file[data-source="region_targets"] .file-choice');
    const regions = await tableRows(page, 'analyst-widget-preview sx-target-treemap');
    expect(regions.find((row) => row[0] === '华东')?.slice(1, 4)).toEqual(eastChinaPreview);
    await expectNothingHiddenPainted(1);
  });

  it('runs without an error and asks nothing of any host but its own', async () => {
    expect(workbench.problems).toEqual([]);
    expect(firefox.outside).toEqual([]);
    expect(await probeOutside(firefox)).toEqual(['GET http://outside.invalid/probe']);
  });
});
