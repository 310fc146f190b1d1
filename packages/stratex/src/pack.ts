import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementDeclarations, vocabularyNames } from './declarations';
import { reactDeclarations, vueDeclarations } from './framework-types';
import { type Manifest, publicElements } from './manifest';
import { zip } from './zip';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const at = (...path: string[]): string => join(repo, ...path);

export interface Packed {
  version: string;
  /** `dist-pack/stratex-<version>.tgz`, what `npm install` takes. */
  tarball: string;
  /** `dist-pack/stratex-embed-<version>.zip`: the embed folder alone, for a page's server. */
  embedZip: string;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function needBuilt(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`${relative(repo, path)} is missing: run \`npm run build\` first.`);
  }
  return path;
}

/** Writes the element, React and Vue declarations of the manifest into `types`. */
function writeTypes(manifestPath: string, types: string): void {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const elements = publicElements(manifest);
  const vocabulary = readFileSync(at('packages/stratex/src/vocabulary.d.ts'), 'utf8');
  mkdirSync(types, { recursive: true });
  writeFileSync(join(types, 'vocabulary.d.ts'), vocabulary);
  const words = vocabularyNames(vocabulary);
  writeFileSync(join(types, 'index.d.ts'), elementDeclarations(elements, words));
  writeFileSync(join(types, 'react.d.ts'), reactDeclarations(elements, words));
  writeFileSync(join(types, 'vue.d.ts'), vueDeclarations(elements, words));
}

/**
 * Builds the `stratex` package from the last build (`npm run build`): the embed folder, the
 * manifest and the declarations generated from it, as an npm tarball and the folder as a zip.
 */
export function packStratex(out = at('dist-pack')): Packed {
  const embed = needBuilt(at('packages/embed/dist'));
  needBuilt(join(embed, 'stratex.js'));
  const manifest = needBuilt(at('packages/widgets/custom-elements.json'));
  const { version } = JSON.parse(readFileSync(at('packages/stratex/package.json'), 'utf8')) as {
    version: string;
  };

  const stage = join(out, 'stratex');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const file of ['package.json', 'README.md']) {
    cpSync(at('packages/stratex', file), join(stage, file));
  }
  for (const file of ['LICENSE', 'CHANGELOG.md']) cpSync(at(file), join(stage, file));
  cpSync(embed, join(stage, 'embed'), { recursive: true });
  cpSync(manifest, join(stage, 'custom-elements.json'));
  writeTypes(manifest, join(stage, 'types'));

  const packed = spawnSync('npm', ['pack', '--pack-destination', out, '--json', '--offline'], {
    cwd: stage,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];

  const embedZip = join(out, `stratex-embed-${version}.zip`);
  const folder = join(stage, 'embed');
  const entries = filesUnder(folder).map((file) => ({
    path: `stratex/${relative(folder, file).split(sep).join('/')}`,
    bytes: readFileSync(file),
  }));
  writeFileSync(embedZip, zip(entries));
  return { version, tarball: join(out, filename), embedZip };
}
