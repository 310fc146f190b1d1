import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// `packages/data` alone writes SQL: widgets declare what they need. This reads every string
// and template literal under packages/widgets/src and fails on SQL in any of them. Within
// packages/data the engine (its connection, loaders and sources) asks its dialect for every
// statement; the DuckDB loader's own SQL for reading CSV lives in `csv/duckdb/`.
const widgetsSource = fileURLToPath(new URL('../../../widgets/src/', import.meta.url));
const dataSource = fileURLToPath(new URL('../../src/', import.meta.url));

/** Files of packages/data that hold no SQL text: the engine and everything it loads with. */
const sqlFree = [
  'engine.ts',
  'engine/',
  'sources.ts',
  'loaded-table.ts',
  'refresh/',
  'arrow/',
  'parquet/',
  'resilience/',
  'csv/',
];
/** Where packages/data keeps SQL text that the files above may use. */
const sqlHomes = ['query/dialect.ts', 'csv/duckdb/'];

/** SQL shapes, strict enough to let prose such as "Select a tile from the map" through. */
const SQL = [
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bselect\s+(\*|distinct\b|count\s*\(|"[^"]*"\s*(,|from\b))/i,
  /\b(GROUP|ORDER|PARTITION)\s+BY\b/,
  /\bgroup\s+by\s+("|\d|[a-z_]+\s*(,|$))/i,
  /\bfrom\s+("[^"]+"|[a-z_]+\s+where\b)/i,
  /\bwhere\s+("[^"]+"|\w+)\s*(=|<>|!=|\bis\s+(not\s+)?null\b|\bin\s*\()\s*/i,
  /\b(TRY_)?CAST\s*\(.*\bAS\s+[A-Z]+/i,
  /\b(read_csv|read_parquet|read_json)\w*\s*\(/i,
  /\bduckdb_\w+\s*\(/i,
  /\binformation_schema\b/i,
  /\b(CREATE|DROP)\s+(TEMP(ORARY)?\s+)?(TABLE|VIEW)\b/i,
  /\bINSERT\s+INTO\b|\bDELETE\s+FROM\b|\bUNION\s+ALL\b/i,
  /\bALTER\s+TABLE\b|\bRENAME\s+(TO|COLUMN)\b|\bUPDATE\s+("[^"]+"|\w+)\s+SET\s+("|\w+\s*=)/i,
  /\bBEGIN\s+TRANSACTION\b|\bROLLBACK\b|\bCOMMIT\s*;/,
  /::(DOUBLE|INT|INTEGER|BIGINT|VARCHAR|DATE|TIMESTAMP)\b/i,
  /\bUSING\s+SAMPLE\b/i,
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The text of every string literal and template (its fixed parts joined) in a file. */
function literalsOf(file: string, text: string): string[] {
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push(
        [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' x '),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function sqlIn(literal: string): RegExp | undefined {
  return SQL.find((pattern) => pattern.test(literal));
}

/** `file: literal (pattern)` for every literal of `files` that holds SQL. */
function sqlLiterals(files: readonly string[], root: string): string[] {
  return files.flatMap((file) =>
    literalsOf(file, readFileSync(file, 'utf8')).flatMap((literal) => {
      const pattern = sqlIn(literal);
      return pattern ? [`${relative(root, file)}: ${literal.slice(0, 80)} (${pattern})`] : [];
    }),
  );
}

/** The files of packages/data under `places` (a file, or a folder ending in `/`). */
function dataFiles(places: readonly string[]): string[] {
  return sourceFiles(dataSource).filter((file) => {
    const path = relative(dataSource, file).split(sep).join('/');
    return places.some((place) => (place.endsWith('/') ? path.startsWith(place) : path === place));
  });
}

describe('SQL is written in packages/data only', () => {
  it('finds SQL in the shapes widgets used to write, and not in prose', () => {
    const sql = [
      'SELECT * FROM "sx_sales"',
      'SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?',
      `CAST(ROUND(SUM("x"), 6) AS VARCHAR)`,
      ' GROUP BY 1, 2',
      'select count(*) from t',
      `read_csv('x.csv')`,
      'UNION ALL',
      'WHERE "区域" = ?',
      'DROP TABLE IF EXISTS "t"; ALTER TABLE "s" RENAME TO "t"',
      'BEGIN TRANSACTION; x; COMMIT;',
      'SELECT count(*)::INT AS n',
      'UPDATE "t" SET "u" = replace("u", \'~\', \'\')',
      ' USING SAMPLE reservoir(10 ROWS)',
    ];
    const prose = [
      'Select a tile from the map to filter the other widgets.',
      'Choose a file from your computer.',
      'Sorted by due date, then by owner.',
      'SQL over the page’s sources returning level, target and actual columns.',
      '选择一个区域',
      'where the value is missing',
      'Rename the column to match the template.',
      'The update is set to run hourly.',
      'Commit the changes, or roll back.',
      ':host::part(tile)',
    ];
    expect(sql.filter((text) => !sqlIn(text))).toEqual([]);
    expect(prose.filter((text) => sqlIn(text))).toEqual([]);
  });

  it('no file under packages/widgets/src holds SQL text', () => {
    const files = sourceFiles(widgetsSource);
    expect(files.length).toBeGreaterThan(20);
    expect(sqlLiterals(files, widgetsSource)).toEqual([]);
  });

  it('the engine, its loaders and sources write no SQL: every statement comes from the dialect', () => {
    const files = dataFiles(sqlFree).filter((file) => dataFiles(sqlHomes).includes(file) === false);
    const engineParts = files.filter((file) => relative(dataSource, file).startsWith('engine'));
    expect(engineParts.length).toBeGreaterThan(4);
    expect(files.length).toBeGreaterThan(40);
    expect(sqlLiterals(files, dataSource)).toEqual([]);
  });

  it('the SQL those files need is found where it lives: the dialect and the DuckDB CSV loader', () => {
    for (const home of [...sqlHomes, 'csv/duckdb/text-table-sql.ts', 'csv/duckdb/cell-sql.ts']) {
      expect(sqlLiterals(dataFiles([home]), dataSource).length, home).toBeGreaterThan(2);
    }
  });
});
