import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR, which `.ci/install-browser.sh` installs; `FIREFOX_PATH` points elsewhere. */
/** The four widgets, as one selector. */
export const WIDGET_TAGS =
  'sx-scorecard, sx-target-treemap, sx-progress-tracker, sx-variance-alerts';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';

/** Why the Firefox checks cannot run on this machine, or `undefined` when they can. */
export const firefoxMissing = existsSync(firefoxPath)
  ? undefined
  : `no Firefox at ${firefoxPath} (apt-get install firefox-esr, or set FIREFOX_PATH)`;

/** A developer without Firefox sees the checks skipped with the reason; CI never skips them. */
export const skipFirefox = firefoxMissing !== undefined && !inCI;

/** The suite's name, saying why it is skipped when it is. */
export function firefoxSuite(name: string): string {
  return skipFirefox ? `${name} (skipped: ${firefoxMissing})` : name;
}

/**
 * Preferences for a closed network, written into the fresh profile's `user.js`: no telemetry,
 * no updates, no captive-portal or connectivity probe, no remote settings, no prefetching.
 */
const closedNetwork: Record<string, string | number | boolean> = {
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'browser.ping-centre.telemetry': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': '',
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'geo.provider.network.url': '',
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.topsites.contile.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'identity.fxaccounts.enabled': false,
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.OCSP.enabled': 0,
};

/**
 * Every request the browser sends to any host but localhost goes to this proxy, which refuses
 * it and writes it down: the pages' own requests and Firefox's background ones alike.
 */
function startOutsideTrap(): Promise<{ server: Server; outside: string[] }> {
  const outside: string[] = [];
  const server = createServer((request, response) => {
    outside.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    outside.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, outside })),
  );
}

export interface Firefox {
  browser: Browser;
  /** What the browser asked of hosts other than localhost (each one refused). */
  outside: string[];
  close(): Promise<void>;
}

/** Starts headless Firefox over WebDriver BiDi in a fresh profile that may reach only localhost. */
export async function launchFirefox(): Promise<Firefox> {
  if (firefoxMissing) {
    throw new Error(`${firefoxMissing}: CI runs the Firefox checks, never skips them`);
  }
  const trap = await startOutsideTrap();
  const { port } = trap.server.address() as AddressInfo;
  const profile = mkdtempSync(join(tmpdir(), 'stratex-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath,
    headless: true,
    // A busy machine (CI runs the Chromium tests beside these) can be slow to start it.
    timeout: 90_000,
    userDataDir: profile,
    extraPrefsFirefox: {
      ...closedNetwork,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': 'localhost',
    },
    // A release build heeds `services.settings.server` only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  return {
    browser,
    outside: trap.outside,
    async close() {
      await browser.close();
      await new Promise((resolve) => trap.server.close(resolve));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Asks for a page of an outside host from a blank tab and returns what the proxy then wrote
 * down: a check that an empty `outside` means nothing was asked, not that nothing was seen.
 */
export async function probeOutside(firefox: Firefox): Promise<string[]> {
  const before = firefox.outside.length;
  const page = await firefox.browser.newPage();
  await page.evaluate(() => fetch('http://outside.invalid/probe').catch(() => undefined));
  await page.close();
  return firefox.outside.slice(before);
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions of the page. */
  problems: string[];
}

export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(entry.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(url);
  return { page, problems };
}

/** The rows of the hidden data table of the widget `widget` selects, once it has rows. */
export async function tableRows(page: Page, widget: string): Promise<string[][]> {
  const rows = `${widget} >>> [part="data-table"] tbody tr`;
  await page.waitForSelector(rows, { timeout: 90_000 });
  return page.$$eval(rows, (elements) =>
    elements.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')),
  );
}

export interface HiddenBox {
  widget: string;
  element: 'table' | 'caption';
  width: number;
  height: number;
  clipPath: string;
}

/** The box and clip of each hidden data table that `widgets` selects, and of its caption. */
export function hiddenTableBoxes(page: Page, widgets: string): Promise<HiddenBox[]> {
  return page.$$eval(widgets, (elements) =>
    elements.flatMap((widget) => {
      const table = widget.shadowRoot?.querySelector('[part="data-table"]');
      const caption = table?.querySelector('caption');
      const measured = [
        ['table', table],
        ['caption', caption],
      ] as const;
      return measured.map(([element, found]) => {
        const box = found?.getBoundingClientRect();
        return {
          widget: widget.id || widget.localName,
          element,
          width: box?.width ?? Number.NaN,
          height: box?.height ?? Number.NaN,
          clipPath: found ? getComputedStyle(found).clipPath : 'missing',
        };
      });
    }),
  );
}

/**
 * The hidden boxes that could be painted. A table keeps the height of its rows whatever its
 * CSS says, so what hides it is the clip to nothing (`inset(50%)`) on a 1 px wide box; a
 * caption, which Firefox draws outside its table's box, must be clipped and 1×1 px itself.
 */
export function paintedHiddenBoxes(boxes: readonly HiddenBox[]): HiddenBox[] {
  return boxes.filter(
    (box) =>
      box.clipPath !== 'inset(50%)' ||
      !(box.width <= 1) ||
      (box.element === 'caption' && !(box.height <= 1)),
  );
}
