import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The workspace's packages say truly where their modules are: every `exports`, `main` and
 * `types` entry names a file that exists; the names the repository resolves by alias (Vite)
 * and by path (TypeScript) are the packages' own exports, to the same files; and a package
 * or app reaches another only by its name, never by a relative path into its folder.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const at = (path: string): string => relative(root, path).split(sep).join('/');

interface Manifest {
  name: string;
  folder: string;
  fields: Record<string, unknown>;
}

/**
 * Folders the workspace leaves out (`!packages/stratex`, the published package, whose files are
 * staged only into its tarball; examples/test/package.test.ts checks that one as installed).
 */
const leftOut = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  .split('\n')
  .flatMap((line) => /^\s*-\s*'!([^']+)'/.exec(line)?.[1] ?? []);

const manifests: Manifest[] = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        !leftOut.includes(`${group}/${entry.name}`) &&
        existsSync(join(root, group, entry.name, 'package.json')),
    )
    .map((entry) => {
      const folder = join(root, group, entry.name);
      const fields = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      return { name: String(fields.name), folder, fields };
    }),
);

/** Each target an `exports` map names (through any conditions), by its subpath. */
function exportTargets(exports: unknown, subpath = '.'): [string, string][] {
  if (typeof exports === 'string') return [[subpath, exports]];
  if (!exports || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) =>
    exportTargets(value, key.startsWith('.') ? key : subpath),
  );
}

/** `@stratex/x/sub` → the file its package's `exports` name for it. */
function exportedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { name, folder, fields } of manifests)
    for (const [subpath, target] of exportTargets(fields.exports))
      files.set(
        subpath === '.' ? name : `${name}/${subpath.slice(2)}`,
        at(resolve(folder, target)),
      );
  return files;
}

/** The module specifiers a file imports, re-exports or loads with `import()`. */
function specifiersOf(file: string): string[] {
  const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('package manifests', () => {
  it('are found for every package and app', () => {
    expect(manifests.map((manifest) => manifest.name)).toEqual(
      expect.arrayContaining([
        '@stratex/core',
        '@stratex/data',
        '@stratex/widgets',
        '@stratex/embed',
      ]),
    );
  });

  it('name only files that exist in exports, main and types', () => {
    const missing: string[] = [];
    for (const { name, folder, fields } of manifests) {
      const named: [string, unknown][] = [
        ...exportTargets(fields.exports).map(([subpath, target]): [string, unknown] => [
          `exports["${subpath}"]`,
          target,
        ]),
        ...['main', 'module', 'types', 'typings'].map((field): [string, unknown] => [
          field,
          fields[field],
        ]),
      ];
      for (const [field, target] of named)
        if (typeof target === 'string' && !existsSync(resolve(folder, target)))
          missing.push(`${name} ${field}: ${target} does not exist`);
    }
    expect(missing).toEqual([]);
  });

  it('export every name the repository resolves by alias or path, to the same file', () => {
    const exported = exportedFiles();
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const paths = Object.entries(tsconfig.compilerOptions.paths).map(
      ([name, [target]]): [string, string] => [name, at(join(root, target ?? ''))],
    );
    const viteConfig = readFileSync(join(root, 'vite.config.ts'), 'utf8');
    const aliases = [...viteConfig.matchAll(/'(@stratex\/[^']+)': here\('([^']+)'\)/g)].map(
      ([, name = '', target = '']): [string, string] => [name, at(join(root, target))],
    );
    expect(aliases.length, 'the aliases are read from vite.config.ts').toBeGreaterThan(3);
    const disagree = [
      ...paths.map(([name, file]) => ['tsconfig path', name, file]),
      ...aliases.map(([name, file]) => ['vite alias', name, file]),
    ]
      .filter(([, name, file]) => exported.get(name ?? '') !== file)
      .map(
        ([kind, name, file]) =>
          `${kind} ${name} → ${file}, but the package exports ${exported.get(name ?? '') ?? 'no such name'}`,
      );
    expect(disagree).toEqual([]);
  });

  it('are reached by name: no package or app imports a relative path into another one', () => {
    const crossing: string[] = [];
    for (const { folder } of manifests) {
      for (const file of sourceFiles(join(folder, 'src'))) {
        for (const specifier of specifiersOf(file)) {
          if (!specifier.startsWith('.')) continue;
          const target = resolve(dirname(file), specifier);
          if (!target.startsWith(folder + sep))
            crossing.push(`${at(file)} imports ${specifier} (${at(target)})`);
        }
      }
    }
    expect(crossing).toEqual([]);
  });
});
