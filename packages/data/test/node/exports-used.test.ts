import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Every function, class and constant that packages/core, packages/data and packages/widgets
 * export is used by the product — imported by another module, package, app or story, or
 * called by its own module outside its own body — or is public surface named below. An
 * export only tests (or the bench and fixture scripts) import is code kept alive for its
 * tests. Imports are followed through every re-export (a package index, `export *`,
 * `@stratex/…` by name, a dynamic `import()`) to the declaration, with the repository's own
 * compiler settings (tsconfig.json).
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const checked = /^packages\/(core|data|widgets)\/src\/.+\.ts$/;
/** Who is not the product: tests and their helpers, the bench, fixture generators, build configs. */
const notProduct = /(^|\/)test\/|\.test\.ts$|^bench\/|^fixtures\/|(^|\/)vite\.config\.ts$/;

/**
 * Public surface for users' pages that no file of ours needs to import: `name (file)` → why.
 * Keep it short; every entry needs a reason.
 */
const PUBLIC: Record<string, string> = {
  'nodeEngine (packages/data/src/node/index.ts)':
    '@stratex/data/node: the engine on DuckDB-WASM for Node scripts',
  'nativeEngine (packages/data/src/node/index.ts)':
    '@stratex/data/node: the engine on native DuckDB for Node scripts and servers',
  'startQueryServer (packages/data/src/server/query-server.ts)':
    '@stratex/data/node: serves exports too large for a browser to pages over HTTP',
  'openQueryServer (packages/data/src/server/open.ts)':
    '@stratex/data: a page script connects its sources to such a query server',
};

interface Export {
  key: string;
  symbol: ts.Symbol;
  product: Set<string>;
  tests: Set<string>;
}

const path = (file: string): string => relative(root, file).replaceAll('\\', '/');

function repositoryProgram(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
}

/** The functions, classes and constants a module declares and exports itself (re-exports aside). */
function declaredExports(checker: ts.TypeChecker, file: ts.SourceFile): ts.Symbol[] {
  const module = checker.getSymbolAtLocation(file);
  if (!module) return [];
  return checker
    .getExportsOfModule(module)
    .filter((symbol) =>
      (symbol.declarations ?? []).some(
        (declaration) =>
          declaration.getSourceFile() === file &&
          (ts.isFunctionDeclaration(declaration) ||
            ts.isClassDeclaration(declaration) ||
            ts.isEnumDeclaration(declaration) ||
            ts.isVariableDeclaration(declaration)),
      ),
    );
}

/** The declarations a file imports (as values), each followed to where it is declared. */
function importedBy(checker: ts.TypeChecker, file: ts.SourceFile): ts.Symbol[] {
  const found: ts.Symbol[] = [];
  const original = (symbol: ts.Symbol | undefined): void => {
    if (!symbol) return;
    found.push(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  };
  const wholeModule = (specifier: ts.Node): void => {
    const module = checker.getSymbolAtLocation(specifier);
    if (module) checker.getExportsOfModule(module).forEach(original);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && node.importClause && !node.importClause.isTypeOnly) {
      const { name, namedBindings } = node.importClause;
      if (name) original(checker.getSymbolAtLocation(name));
      if (namedBindings && ts.isNamespaceImport(namedBindings)) wholeModule(node.moduleSpecifier);
      if (namedBindings && ts.isNamedImports(namedBindings))
        for (const element of namedBindings.elements)
          if (!element.isTypeOnly) original(checker.getSymbolAtLocation(element.name));
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0]
    ) {
      dynamicImport(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  /** `const { a, b } = await import('x')` and `(await import('x')).a` take a and b; else all. */
  const dynamicImport = (call: ts.CallExpression, specifier: ts.Expression): void => {
    const module = checker.getSymbolAtLocation(specifier);
    if (!module) return;
    let user: ts.Node = call.parent;
    while (ts.isAwaitExpression(user) || ts.isParenthesizedExpression(user)) user = user.parent;
    const named = (name: string): void =>
      original(checker.getExportsOfModule(module).find((symbol) => symbol.name === name));
    if (ts.isVariableDeclaration(user) && ts.isObjectBindingPattern(user.name)) {
      for (const element of user.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key)) named(key.text);
      }
    } else if (ts.isPropertyAccessExpression(user)) named(user.name.text);
    else wholeModule(specifier);
  };
  visit(file);
  return found;
}

/** True when `symbol` is named in its own module outside its declaration (a call, a reference). */
function usedInItsModule(checker: ts.TypeChecker, file: ts.SourceFile, symbol: ts.Symbol): boolean {
  const own = new Set<ts.Node>(
    (symbol.declarations ?? []).map((declaration) =>
      ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration,
    ),
  );
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used || own.has(node)) return;
    if (ts.isExportSpecifier(node)) return;
    if (ts.isIdentifier(node) && node.text === symbol.name) {
      const named = checker.getSymbolAtLocation(node);
      if (named === symbol || (named && checker.getExportSymbolOfSymbol(named) === symbol))
        used = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return used;
}

function exportsAndImporters(): Export[] {
  const program = repositoryProgram();
  const checker = program.getTypeChecker();
  const files = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));
  const exports = new Map<ts.Symbol, Export>();
  for (const file of files) {
    if (!checked.test(path(file.fileName))) continue;
    for (const symbol of declaredExports(checker, file)) {
      const key = `${symbol.name} (${path(file.fileName)})`;
      const product = new Set<string>();
      if (usedInItsModule(checker, file, symbol)) product.add(`${path(file.fileName)} (itself)`);
      exports.set(symbol, { key, symbol, product, tests: new Set() });
    }
  }
  for (const file of files) {
    const importer = path(file.fileName);
    for (const symbol of importedBy(checker, file)) {
      const entry = exports.get(symbol);
      if (!entry) continue;
      (notProduct.test(importer) ? entry.tests : entry.product).add(importer);
    }
  }
  return [...exports.values()];
}

describe('exports of core, data and widgets', () => {
  let exports: Export[] = [];
  // The whole repository is read and bound once: tens of seconds on a busy machine.
  beforeAll(() => {
    exports = exportsAndImporters();
  }, 180_000);

  it('are read from every package (the check is not empty)', () => {
    const packages = new Set(exports.map((entry) => /packages\/(\w+)\//.exec(entry.key)?.[1]));
    expect([...packages].sort()).toEqual(['core', 'data', 'widgets']);
    const pageEngine = exports.find((entry) => entry.key.startsWith('pageEngine ('));
    expect(pageEngine?.product.size, 'pageEngine is imported by the widgets').toBeGreaterThan(0);
  });

  it('are each imported by the product, not by tests alone', () => {
    const offenders = exports
      .filter((entry) => entry.product.size === 0 && entry.tests.size > 0)
      .filter((entry) => !(entry.key in PUBLIC))
      .map((entry) => `${entry.key} — imported only by ${[...entry.tests].sort().join(', ')}`)
      .sort();
    expect(
      offenders,
      'Exported for tests alone: delete each (and its tests), make the product call it, or name it in PUBLIC with a reason',
    ).toEqual([]);
  });

  it('name in PUBLIC only exports that exist and that the product does not import', () => {
    const stale = Object.keys(PUBLIC).filter((key) => {
      const entry = exports.find((each) => each.key === key);
      return !entry || entry.product.size > 0;
    });
    expect(stale).toEqual([]);
  });
});
