import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
let start: ChildProcess | undefined;

afterEach(() => {
  // The start script runs the server as its own child: end the whole group.
  if (start?.pid && start.exitCode === null) process.kill(-start.pid, 'SIGTERM');
  start = undefined;
});

/** A PATH with node, npm, npx and a shell (npx runs through one): no browser, no apt-get. */
function nodeAndNpmOnly(): string {
  const bin = mkdtempSync(join(tmpdir(), 'stratex-node-only-'));
  const nodeBin = join(process.execPath, '..');
  symlinkSync(process.execPath, join(bin, 'node'));
  for (const tool of ['npm', 'npx']) symlinkSync(join(nodeBin, tool), join(bin, tool));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  return bin;
}

/** Runs `npm start`'s path on the build already made, and resolves with the URL it serves. */
function startDemo(): Promise<string> {
  const child = spawn(process.execPath, ['.ci/stratex.mjs', 'start', '--prebuilt'], {
    cwd: repo,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      HOME: process.env.HOME,
      PATH: nodeAndNpmOnly(),
      PORT: '0',
      FEED_SECONDS: '3600',
      // Were the start path to call .ci/install-browser.sh, it would fail.
      STRATEX_NO_BROWSER: '1',
    },
  });
  start = child;
  let said = '';
  return new Promise((resolve, reject) => {
    const listen = (chunk: Buffer): void => {
      said += chunk.toString();
      const served = /portal demo: (http:\/\/localhost:\d+)\//.exec(said);
      if (served?.[1]) resolve(served[1]);
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.on('exit', (code) =>
      reject(new Error(`npm start ended (${code}) before serving:\n${said}`)),
    );
  });
}

describe('npm start', () => {
  it('serves the portal demo with Node and npm alone, installing no browser', async () => {
    const origin = await startDemo();
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<sx-scorecard');
    const script = await fetch(`${origin}/stratex/stratex.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const exportFile = await fetch(`${origin}/fixtures/template/evaluation.csv`);
    expect(exportFile.status).toBe(200);
  });
});
