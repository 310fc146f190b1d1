// The site every contestant is served from, on one localhost origin: the embed build as
// a page author copies it, the contestants' pages, the portal demo and the generated facts.
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../apps/portal-demo/static-server.mjs';

export const benchPath = (path: string): string =>
  fileURLToPath(new URL(`../${path}`, import.meta.url));

export interface Site {
  origin: string;
  close(): void;
}

export async function serveSite(): Promise<Site> {
  const site = benchPath('dist/site/');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'fixtures'), { recursive: true });
  const links: [string, string][] = [
    ['../packages/embed/dist', 'stratex'],
    ['../apps/portal-demo/dist', 'portal'],
    ['dist/contestants', 'contestants'],
    ['dist/baseline', 'baseline'],
    ['../fixtures/generated', 'fixtures/generated'],
    ['../fixtures/template', 'fixtures/template'],
  ];
  for (const [from, to] of links) symlinkSync(benchPath(from), join(site, to));
  for (const page of ['treemap.html', 'treemap-probe.js', 'interaction.html', 'interaction.css'])
    copyFileSync(benchPath(`pages/${page}`), join(site, page));
  const server: Server = await startStaticServer(site, 0);
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}
