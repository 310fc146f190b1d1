#!/usr/bin/env node
// The two entry points of the README: `npm start` (portal demo) and `npm test` (everything).
// Works on a machine with only Node 20 and npm: pnpm is fetched through npx, pinned. Only the
// test path installs a browser; the demo is built and served without one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = ['npx', '-y', 'pnpm@12.4.2'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpmRun(...args) {
  run(pnpm[0], [...pnpm.slice(1), ...args]);
}

function installDependencies() {
  pnpmRun('install', '--frozen-lockfile', '--reporter=append-only');
}

function installBrowser() {
  run('bash', ['.ci/install-browser.sh']);
}

const stages = [
  ['lint', ['run', 'lint']],
  ['type-check', ['run', 'typecheck']],
  ['build', ['run', 'build']],
  ['fixtures', ['run', 'fixtures', '--rows', '100000,1000000']],
];

function test() {
  installDependencies();
  installBrowser();
  for (const [name, args] of stages) {
    console.log(`\n== ${name}`);
    pnpmRun(...args);
  }
  console.log('\n== tests (Node and Chromium)');
  const report = `${root}.vitest-results.json`;
  rmSync(report, { force: true });
  const vitest = spawnSync(
    pnpm[0],
    [
      ...pnpm.slice(1),
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  console.log('\n== storybook build');
  pnpmRun('run', 'build:storybook');

  if (!existsSync(report)) {
    console.error('The test runner wrote no report.');
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  // A test file that could not run (no failing test inside it) counts as a failure too.
  const brokenFiles = results.testResults.filter(
    (file) =>
      file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed'),
  ).length;
  const failed = results.numFailedTests + brokenFiles;
  console.log(
    `\nStratex: ${results.testResults.length} test files, ${results.numTotalTests} tests`,
  );
  console.log(`tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  if (vitest.status !== 0 || failed > 0 || results.numPassedTests === 0) process.exit(1);
}

/** `--prebuilt` serves the last build as it is (the test path's check of this path uses it). */
function start(prebuilt) {
  installDependencies();
  if (!prebuilt) pnpmRun('run', 'build');
  run(process.execPath, ['apps/portal-demo/serve.mjs']);
}

const [command, option] = process.argv.slice(2);
if (command === 'test') test();
else if (command === 'start') start(option === '--prebuilt');
else {
  console.error('usage: node .ci/stratex.mjs start [--prebuilt] | test');
  process.exit(2);
}
