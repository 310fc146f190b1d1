import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packages = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import or re-export of `file` (types included), as `[from, to]` under `root`. */
function importsUnder(root: string): [string, string][] {
  return sourceFiles(root).flatMap((file) => {
    const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    return tree.statements.flatMap((statement): [string, string][] => {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (!specifier?.startsWith('.')) return [];
      const target = resolve(dirname(file), specifier).replace(/\.(js|ts)$/, '');
      return [[relative(root, file).replace(/\.ts$/, ''), relative(root, target)]];
    });
  });
}

/**
 * packages/data, lowest first: a module may import its own folder and any lower step, never
 * a higher one. Folders are named with a slash; files at the top of `src/` by name.
 */
const DATA_STEPS: readonly (readonly string[])[] = [
  ['connector', 'coded-failure', 'decode', 'fetch-bytes', 'sql', 'timeout'],
  ['capped-read', 'header-names', 'size-limit'],
  ['arrow/', 'guard/', 'resilience/'],
  ['csv/', 'parquet/', 'xlsx/'],
  ['loaded-table'],
  ['refresh/'],
  ['sources'],
  ['query/'],
  ['clickhouse/', 'engine/'],
  ['engine'],
  ['browser/', 'node/'],
  ['server/'],
  // What the package exports, by entry.
  ['index', 'light', 'node/index'],
];

function stepOf(module: string): number {
  const unit = (name: string): boolean =>
    name.endsWith('/') ? module.startsWith(name) : module === name;
  // An entry is named by file; it is looked for before its folder.
  const entry = DATA_STEPS.findIndex((names) =>
    names.some((name) => !name.endsWith('/') && unit(name)),
  );
  if (entry >= 0) return entry;
  return DATA_STEPS.findIndex((names) => names.some(unit));
}

const folderOf = (module: string): string =>
  module.includes('/') ? `${module.split('/')[0]!}/` : module;

describe('import directions', () => {
  it('packages/data: every module imports only its own folder and lower steps', () => {
    const imports = importsUnder(join(packages, 'data/src'));
    const unplaced = [...new Set(imports.flat())].filter((module) => stepOf(module) < 0);
    expect(unplaced).toEqual([]);
    const upward = imports
      .filter(
        ([from, to]) =>
          folderOf(from) !== folderOf(to) && !from.endsWith('/index') && stepOf(to) > stepOf(from),
      )
      .map(([from, to]) => `${from} → ${to}`);
    expect(upward).toEqual([]);
    // The rule has teeth: the engine composes its parts, which never reach back to it.
    expect(imports).toContainEqual(['engine', 'engine/loaders']);
  });

  it('packages/widgets: widget folders import base (and the package root nothing of theirs)', () => {
    const imports = importsUnder(join(packages, 'widgets/src'));
    const crossing = imports
      .filter(([from, to]) => {
        const [fromFolder, toFolder] = [folderOf(from), folderOf(to)];
        if (!fromFolder.endsWith('/') || fromFolder === toFolder) return false;
        // A widget folder takes from base; base takes from no widget.
        return !(toFolder === 'base/' && fromFolder !== 'base/');
      })
      .map(([from, to]) => `${from} → ${to}`);
    // Known, and to go with the widgets' shared request (issue 18): the scorecard takes the
    // treemap's rule for when rows answer an aggregate.
    const known = [
      'scorecard/request → target-treemap/request',
      'scorecard/scorecard → target-treemap/request',
    ];
    expect(crossing.filter((edge) => !known.includes(edge))).toEqual([]);
  });
});
