import { quoteIdentifier } from '@stratex/data';

export interface BreakdownColumns {
  levels: readonly string[];
  target: string;
  actual?: string | undefined;
}

/** Up to this many rows the widget reads rows as written (merged cells, subtotal rows, 万 amounts). */
export const AGGREGATE_FROM_ROWS = 20_000;

const asText = (column: string): string => `CAST(${quoteIdentifier(column)} AS VARCHAR)`;

const asNumber = (column: string): string =>
  `TRY_CAST(REPLACE(TRIM(${asText(column)}), ',', '') AS DOUBLE)`;

/**
 * The SQL that reads a breakdown. Small tables: the level and figure columns as text.
 * Large tables: the engine sums target and actual per level combination; a cell it cannot
 * read as a plain number (say `500万元`) comes through on its own row, for the domain core
 * to read, so nothing is dropped. Columns keep their names; every value arrives as text.
 */
export function breakdownQuery(table: string, columns: BreakdownColumns, rowCount: number): string {
  const figures = [columns.target, ...(columns.actual ? [columns.actual] : [])];
  const levels = columns.levels.map((level) => `${asText(level)} AS ${quoteIdentifier(level)}`);
  const from = quoteIdentifier(table);
  if (rowCount <= AGGREGATE_FROM_ROWS) {
    const texts = figures.map((figure) => `${asText(figure)} AS ${quoteIdentifier(figure)}`);
    return `SELECT ${[...levels, ...texts].join(', ')} FROM ${from}`;
  }
  const number = (index: number): string => quoteIdentifier(`sx_number_${index}`);
  const text = (index: number): string => quoteIdentifier(`sx_text_${index}`);
  const cells = figures.flatMap((figure, index) => [
    `${asText(figure)} AS ${text(index)}`,
    `${asNumber(figure)} AS ${number(index)}`,
  ]);
  const readable = figures
    .map((_, index) => `(${number(index)} IS NOT NULL OR COALESCE(TRIM(${text(index)}), '') = '')`)
    .join(' AND ');
  const levelNames = columns.levels.map(quoteIdentifier);
  const sums = figures.map(
    (figure, index) =>
      `CAST(ROUND(SUM(${number(index)}), 6) AS VARCHAR) AS ${quoteIdentifier(figure)}`,
  );
  const raw = figures.map((figure, index) => `${text(index)} AS ${quoteIdentifier(figure)}`);
  const groupBy = levelNames.length > 0 ? ` GROUP BY ${levelNames.join(', ')}` : '';
  return [
    `WITH cells AS (SELECT ${[...levels, ...cells].join(', ')} FROM ${from})`,
    `SELECT ${[...levelNames, ...sums].join(', ')} FROM cells WHERE ${readable}${groupBy}`,
    `UNION ALL`,
    `SELECT ${[...levelNames, ...raw].join(', ')} FROM cells WHERE NOT (${readable})`,
  ].join('\n');
}
