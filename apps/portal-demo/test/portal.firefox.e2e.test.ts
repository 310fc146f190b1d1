import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../static-server.mjs';
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
} from './firefox';
import {
  expectChineseEvaluation,
  expectEnglishEvaluation,
  expectTreemapTrackerAndAlerts,
} from './portal-figures';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

let server: Server;
let firefox: Firefox;
let portal: OpenedPage;

describe.skipIf(skipFirefox)(firefoxSuite('portal demo in Firefox ESR'), () => {
  beforeAll(async () => {
    if (!existsSync(`${dist}index.html`)) {
      throw new Error('apps/portal-demo/dist is missing: run `pnpm run build` before the tests.');
    }
    server = await startStaticServer(dist, 0);
    firefox = await launchFirefox();
    portal = await openPage(
      firefox.browser,
      `http://localhost:${(server.address() as AddressInfo).port}/`,
    );
    // Every widget of the page has drawn its rows before any check reads one.
    const count = await portal.page.$$eval(WIDGET_TAGS, (found) => found.length);
    expect(count).toBe(8);
    await portal.page.waitForFunction(
      (selector) =>
        Array.from(document.querySelectorAll(selector)).every((widget) =>
          widget.shadowRoot?.querySelector('[part="data-table"] tbody tr'),
        ),
      { timeout: 90_000 },
      WIDGET_TAGS,
    );
  });

  afterAll(async () => {
    await firefox?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const read = (widget: string): Promise<string[][]> => tableRows(portal.page, widget);

  it('shows the template evaluation with 108 %, 80 %, 93 %, and the English export alike', async () => {
    await expectChineseEvaluation(read);
    await expectEnglishEvaluation(read);
  });

  it('shows the treemap, the GBK progress export and the alerts with the template figures', async () => {
    await expectTreemapTrackerAndAlerts(read);
  });

  it('paints nothing of the hidden data tables: each table and its caption is clipped away', async () => {
    const boxes = await hiddenTableBoxes(portal.page, WIDGET_TAGS);
    expect(boxes).toHaveLength(8 * 2);
    expect(paintedHiddenBoxes(boxes)).toEqual([]);
  });

  it('runs without an error and asks nothing of any host but its own', async () => {
    expect(portal.problems).toEqual([]);
    expect(firefox.outside).toEqual([]);
    expect(await probeOutside(firefox)).toEqual(['GET http://outside.invalid/probe']);
  });
});
