// The site every contestant is served from, on one localhost origin: the embed build as
// a page author copies it, the contestants' pages, the portal demo and the generated facts
// (and, with `--before REV`, the earlier build's under /before/).
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../apps/portal-demo/static-server.mjs';
import type { Contestant } from './results.ts';

export const benchPath = (path: string): string =>
  fileURLToPath(new URL(`../${path}`, import.meta.url));

export interface Site {
  origin: string;
  close(): void;
}

/** Where an earlier build (`--before REV`, see before.ts) keeps its embed build and portal demo. */
export const BEFORE_DIST = 'dist/before';

/** The path under the site at which a contestant's Stratex build and pages are served. */
export const stratexRoot = (contestant: Contestant): string =>
  contestant === 'stratex-before' ? '/before' : '';

/**
 * With `before`, the earlier build (bench/dist/before/, see before.ts) is served under
 * /before/ as this build is under /: the same pages, its embed build, its portal demo.
 */
export async function serveSite(before = false): Promise<Site> {
  const site = benchPath('dist/site/');
  rmSync(site, { recursive: true, force: true });
  const roots = before ? ['', 'before'] : [''];
  for (const root of roots) mkdirSync(join(site, root, 'fixtures'), { recursive: true });
  const links: [string, string][] = [
    ['../packages/embed/dist', 'stratex'],
    ['../apps/portal-demo/dist', 'portal'],
    ['dist/contestants', 'contestants'],
    ['dist/baseline', 'baseline'],
    ['../fixtures/generated', 'fixtures/generated'],
    ['../fixtures/template', 'fixtures/template'],
  ];
  if (before)
    links.push(
      [`${BEFORE_DIST}/stratex`, 'before/stratex'],
      [`${BEFORE_DIST}/portal`, 'before/portal'],
      ['../fixtures/generated', 'before/fixtures/generated'],
      ['../fixtures/template', 'before/fixtures/template'],
    );
  for (const [from, to] of links) symlinkSync(benchPath(from), join(site, to));
  for (const root of roots)
    for (const page of [
      'treemap.html',
      'treemap-probe.js',
      'interaction.html',
      'interaction.css',
      'what-if.html',
      'what-if-probe.js',
      'tracker.html',
      'tracker-probe.js',
      'drill.html',
      'drill-probe.js',
    ])
      copyFileSync(benchPath(`pages/${page}`), join(site, root, page));
  const server: Server = await startStaticServer(site, 0);
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}
