import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type InstalledPackage,
  installStratex,
  lendFrameworkTypes,
  repo,
} from './installed-package';

const tags = [
  'sx-data-source',
  // The drill-through panel a widget opens; a page may also listen to it or style its parts.
  'sx-drill-panel',
  'sx-progress-tracker',
  'sx-scorecard',
  'sx-target-treemap',
  'sx-variance-alerts',
];
let pkg: InstalledPackage;

beforeAll(() => {
  if (!existsSync(join(repo, 'packages/embed/dist/stratex.js'))) {
    throw new Error('packages/embed/dist is missing: run `pnpm run build` before the tests.');
  }
  pkg = installStratex();
}, 120_000);

afterAll(() => rmSync(dirname(pkg.project), { recursive: true, force: true }));

/** The files of a zip archive with their bytes, read from its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    const packedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(archive.subarray(data, data + packedSize)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe('the stratex package', () => {
  it('is one versioned tarball with no dependencies to fetch', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.tarball.endsWith(`stratex-${pkg.version}.tgz`)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(pkg.installed, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'stratex', version: pkg.version, license: 'MIT' });
    expect(manifest.dependencies).toBeUndefined();
    expect(readFileSync(join(pkg.installed, 'CHANGELOG.md'), 'utf8')).toContain(
      `## ${pkg.version}`,
    );
    expect(readFileSync(join(pkg.installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('holds the embed folder, the manifest and the declarations', () => {
    const assets = readdirSync(join(pkg.installed, 'embed', 'assets'));
    expect(existsSync(join(pkg.installed, 'embed', 'stratex.js'))).toBe(true);
    expect(assets.some((name) => /^duckdb-eh-[\w-]+\.wasm$/.test(name))).toBe(true);
    expect(assets.some((name) => /^duckdb-browser-eh\.worker-[\w-]+\.js$/.test(name))).toBe(true);
    const elements = JSON.parse(
      readFileSync(join(pkg.installed, 'custom-elements.json'), 'utf8'),
    ).modules.flatMap((module: { declarations?: { tagName?: string }[] }) =>
      (module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? []),
    );
    expect(elements.sort()).toEqual(tags);
    const types = readFileSync(join(pkg.installed, 'types', 'index.d.ts'), 'utf8');
    const tagMap = types.slice(types.indexOf('interface HTMLElementTagNameMap'));
    for (const tag of tags) expect(tagMap).toContain(`'${tag}':`);
  });

  it('zips the embed folder as it is in the package', () => {
    const files = unzip(readFileSync(pkg.embedZip));
    const script = files.get('stratex/stratex.js');
    expect(script?.equals(readFileSync(join(pkg.installed, 'embed', 'stratex.js')))).toBe(true);
    const wasm = [...files.keys()].find((name) =>
      /^stratex\/assets\/duckdb-eh-.*\.wasm$/.test(name),
    );
    expect(wasm).toBeDefined();
    expect(files.get(wasm ?? '')?.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });

  it('types a React, a Vue and a plain DOM page that use the elements and sx-select', () => {
    lendFrameworkTypes(pkg.project);
    cpSync(join(repo, 'examples', 'typed'), join(pkg.project, 'src'), { recursive: true });
    writeFileSync(
      join(pkg.project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
          skipLibCheck: false,
        },
        include: ['src'],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', pkg.project],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
