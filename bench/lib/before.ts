// `--before REV`: an earlier revision of Stratex built as its own checkout would build it, in a
// git worktree outside this one, so that it runs as one more contestant in the same run. Its
// embed build and portal demo are kept under bench/dist/before/; the worktree is removed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResults } from './results.ts';
import { BEFORE_DIST, benchPath } from './site.ts';

const PNPM = ['-y', 'pnpm@12.4.2'];

export function buildBefore(
  rev: string,
  log: (line: string) => void,
): NonNullable<BenchResults['before']> {
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', benchPath('..'), ...args], { encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
  const checkout = mkdtempSync(join(tmpdir(), 'sx-bench-before-'));
  log(`building ${rev} (${commit.slice(0, 12)}) in ${checkout}`);
  try {
    git('worktree', 'add', '--detach', checkout, commit);
    const run = (...args: string[]): void => {
      execFileSync('npx', [...PNPM, ...args], { cwd: checkout, stdio: 'inherit' });
    };
    run('install', '--frozen-lockfile');
    run('run', 'build');
    const out = benchPath(BEFORE_DIST);
    rmSync(out, { recursive: true, force: true });
    cpSync(join(checkout, 'packages/embed/dist'), join(out, 'stratex'), { recursive: true });
    cpSync(join(checkout, 'apps/portal-demo/dist'), join(out, 'portal'), { recursive: true });
  } finally {
    rmSync(checkout, { recursive: true, force: true });
    git('worktree', 'prune');
  }
  log(`built ${rev}: its embed build and portal demo are in bench/${BEFORE_DIST}/`);
  return { rev, commit };
}
