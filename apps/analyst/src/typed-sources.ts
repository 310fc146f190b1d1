import { quoteIdentifier } from '@stratex/data';
import type { LoadedFile } from './intake';

/**
 * The analyst's SQL reads each CSV or workbook by its source name as the typed table the
 * loader made beside the text one: numbers as numbers (`500万元` is 5000000, money exact),
 * dates as dates, periods as their text, so `sum(目标值)` needs no cast. A mixed-unit
 * column keeps its column of units beside it. Parquet and Arrow files are typed already
 * and are read as they are.
 */
function typedSources(files: readonly LoadedFile[]): string[] {
  const views = files.flatMap((file) => {
    const loaded = file.loaded;
    if (file.state !== 'ready' || !loaded?.typedTable || !loaded.columnTypes) return [];
    const columns = loaded.columnTypes.flatMap((column) =>
      column.unitColumn ? [column.name, column.unitColumn] : [column.name],
    );
    if (columns.length === 0) return [];
    const list = columns.map(quoteIdentifier).join(', ');
    return [
      `${quoteIdentifier(file.source)} AS (SELECT ${list} FROM ${quoteIdentifier(loaded.typedTable)})`,
    ];
  });
  return views;
}

/**
 * `sql` reading the typed tables under the sources' names, its lines where the analyst wrote
 * them (so the database's messages name the analyst's own lines): the named tables are put
 * before it on its first line, joined to its own WITH clause when it has one.
 */
export function withTypedSources(sql: string, files: readonly LoadedFile[]): string {
  const views = typedSources(files);
  if (views.length === 0) return sql;
  const own = /^(\s*)WITH(\s+RECURSIVE)?\s/i.exec(sql);
  if (!own) return `WITH ${views.join(', ')} ${sql}`;
  const [opening, space, recursive] = own;
  return `${space}WITH${recursive ?? ''} ${views.join(', ')}, ${sql.slice(opening.length)}`;
}
