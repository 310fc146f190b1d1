import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Packed, packStratex } from '../../packages/stratex/src/pack';

export const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface InstalledPackage extends Packed {
  /** A blank project with the tarball installed. */
  project: string;
  /** `<project>/node_modules/stratex/`. */
  installed: string;
}

/**
 * Packs `stratex` from the last build and installs the tarball into a blank project, as an
 * app would (`npm install <tarball>`), with no registry: the package has no dependencies.
 */
export function installStratex(): InstalledPackage {
  const work = mkdtempSync(join(tmpdir(), 'stratex-package-'));
  const packed = packStratex(join(work, 'pack'));
  const project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'blank-app', private: true, type: 'module' }),
  );
  const install = spawnSync(
    'npm',
    ['install', packed.tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    { cwd: project, encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  return { ...packed, project, installed: join(project, 'node_modules', 'stratex') };
}

/** Lends the project the repo's own React and Vue types, so that no registry is asked. */
export function lendFrameworkTypes(project: string): void {
  mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
  for (const name of ['@types/react', 'vue']) {
    symlinkSync(
      realpathSync(join(repo, 'node_modules', name)),
      join(project, 'node_modules', name),
    );
  }
}
