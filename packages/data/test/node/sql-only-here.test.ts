import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// `packages/data` alone writes SQL: widgets declare what they need. This reads every string
// and template literal under packages/widgets/src and fails on SQL in any of them.
const widgetsSource = fileURLToPath(new URL('../../../widgets/src/', import.meta.url));

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
    ];
    const prose = [
      'Select a tile from the map to filter the other widgets.',
      'Choose a file from your computer.',
      'Sorted by due date, then by owner.',
      'SQL over the page’s sources returning level, target and actual columns.',
      '选择一个区域',
      'where the value is missing',
    ];
    expect(sql.filter((text) => !sqlIn(text))).toEqual([]);
    expect(prose.filter((text) => sqlIn(text))).toEqual([]);
  });

  it('no file under packages/widgets/src holds SQL text', () => {
    const files = sourceFiles(widgetsSource);
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      literalsOf(file, readFileSync(file, 'utf8')).flatMap((literal) => {
        const pattern = sqlIn(literal);
        return pattern
          ? [`${relative(widgetsSource, file)}: ${literal.slice(0, 80)} (${pattern})`]
          : [];
      }),
    );
    expect(offending).toEqual([]);
  });
});
