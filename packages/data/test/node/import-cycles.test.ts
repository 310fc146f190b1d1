import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dataSource = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The package's own modules a file imports or re-exports, types included. */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of tree.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    if (!specifier?.startsWith('.')) continue;
    const target = `${resolve(dirname(file), specifier)}.ts`;
    if (known.has(target)) found.push(target);
  }
  return found;
}

describe('packages/data modules', () => {
  it('import one another without a circle', () => {
    const files = sourceFiles(dataSource);
    const known = new Set(files);
    const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') {
          const circle = path.slice(path.indexOf(next)).concat(next);
          circles.push(circle.map((step) => relative(dataSource, step)).join(' → '));
        } else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(graph.get(join(dataSource, 'engine.ts'))?.length).toBeGreaterThan(5);
    // The engine is composed of its parts, and no part reaches back to the whole.
    expect(graph.get(join(dataSource, 'engine.ts'))).toEqual(
      expect.arrayContaining(
        ['connection', 'loaders', 'live-sources', 'author-queries'].map((part) =>
          join(dataSource, 'engine', `${part}.ts`),
        ),
      ),
    );
    expect(circles).toEqual([]);
  });
});
