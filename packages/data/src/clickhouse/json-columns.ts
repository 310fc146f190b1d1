import { Table } from 'apache-arrow';
import { columnData, tableOfColumns } from '../arrow/column-data';
import { ClickHouseError } from './errors';
import { arrowKind, parseAnswer } from './json-compact';

/** The body of `FORMAT JSONColumnsWithMetadata`: column names and types, then one array per column. */
interface JsonColumns {
  meta: { name: string; type: string }[];
  data: Record<string, unknown[]>;
}

/**
 * Reads a `JSONColumnsWithMetadata` answer into an Arrow table typed from its `meta`, each
 * column read as a whole, with the same types as a `JSONCompact` answer (`tableFromJsonCompact`).
 */
export function tableFromJsonColumns(body: string): Table {
  if (body.trim() === '') return new Table();
  const { meta, data } = parseAnswer(body) as JsonColumns;
  if (!Array.isArray(meta) || typeof data !== 'object' || data === null)
    throw new ClickHouseError('clickhouse-bad-answer', 'no meta or data in the answer');
  // Columns are keyed by name: two of one name would have come as one.
  if (new Set(meta.map((column) => column.name)).size !== meta.length)
    throw new ClickHouseError('clickhouse-bad-answer', 'two columns of the answer share a name');
  return tableOfColumns(
    meta.map((column) => {
      const values = data[column.name];
      if (!Array.isArray(values))
        throw new ClickHouseError('clickhouse-bad-answer', `no values for column ${column.name}`);
      const kind = arrowKind(column.type);
      return [column.name, columnData(kind.type, values.map(kind.read))];
    }),
  );
}
