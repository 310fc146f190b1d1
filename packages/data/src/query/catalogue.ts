import type { CsvColumn } from '../csv/report';
import type { LoadedTable, RecordRow } from '../loaded-table';
import { decimalType } from '../csv/exact-decimals';
import type { BoundSql, Dialect, ValueType } from './dialect';

export interface CatalogueColumn {
  name: string;
  /** The engine's own type name. */
  dataType: string;
  type: ValueType;
  /** Cells the loader could not read as the column's kind (a CSV's typed table), else 0. */
  rejects: number;
}

/** What the coordinator knows of a source: its tables, their columns and types, its size. */
export interface SourceCatalogue {
  source: string;
  /** The rows as loaded (a CSV's cells as written). */
  table: string;
  columns: CatalogueColumn[];
  /** A CSV's typed twin, when there is one: numbers, dates and periods read. */
  typedTable?: string;
  typedColumns?: CatalogueColumn[];
  rowCount: number;
}

/**
 * Reads the catalogue of every table asked for in the same turn with one engine call.
 */
export class CatalogueReader {
  #pending: { tables: Set<string>; done: Promise<Map<string, CatalogueColumn[]>> } | undefined;

  constructor(
    private readonly dialect: Dialect,
    private readonly run: (query: BoundSql) => Promise<RecordRow[]>,
  ) {}

  async read(source: string, loaded: LoadedTable): Promise<SourceCatalogue> {
    if (loaded.columnTypes && loaded.typedTable) {
      return fromCsvReport(source, loaded, loaded.columnTypes, loaded.typedTable);
    }
    const tables = [loaded.table, ...(loaded.typedTable ? [loaded.typedTable] : [])];
    const found = await this.#columnsOf(tables);
    const rejects = new Map(loaded.columnTypes?.map((column) => [column.name, column.rejects]));
    const columns = found.get(loaded.table) ?? [];
    const typedColumns = loaded.typedTable
      ? (found.get(loaded.typedTable) ?? []).map((column) => ({
          ...column,
          rejects: rejects.get(column.name) ?? 0,
        }))
      : undefined;
    return {
      source,
      table: loaded.table,
      columns,
      ...(loaded.typedTable && typedColumns ? { typedTable: loaded.typedTable, typedColumns } : {}),
      rowCount: loaded.rowCount,
    };
  }

  #columnsOf(tables: readonly string[]): Promise<Map<string, CatalogueColumn[]>> {
    if (!this.#pending) {
      const asked = new Set<string>();
      const done = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
        this.#pending = undefined;
        const rows = await this.run(this.dialect.columns([...asked]));
        const byTable = new Map<string, CatalogueColumn[]>();
        for (const row of rows) {
          const table = String(row.table_name);
          const dataType = String(row.data_type);
          const list = byTable.get(table) ?? [];
          list.push({
            name: String(row.column_name),
            dataType,
            type: this.dialect.valueType(dataType),
            rejects: 0,
          });
          byTable.set(table, list);
        }
        return byTable;
      });
      this.#pending = { tables: asked, done };
    }
    for (const table of tables) this.#pending.tables.add(table);
    return this.#pending.done;
  }
}

const typedKinds: Record<CsvColumn['kind'], Pick<CatalogueColumn, 'dataType' | 'type'>> = {
  number: { dataType: 'DOUBLE', type: 'number' },
  date: { dataType: 'DATE', type: 'date' },
  period: { dataType: 'period', type: 'other' },
  text: { dataType: 'VARCHAR', type: 'text' },
};

/** A CSV load already tells its columns' kinds: its catalogue costs no engine call. */
function fromCsvReport(
  source: string,
  loaded: LoadedTable,
  columnTypes: readonly CsvColumn[],
  typedTable: string,
): SourceCatalogue {
  return {
    source,
    table: loaded.table,
    columns: loaded.columns.map((name) => ({
      name,
      dataType: 'VARCHAR',
      type: 'text',
      rejects: 0,
    })),
    typedTable,
    typedColumns: columnTypes.map((column) => ({
      name: column.name,
      ...typedKinds[column.kind],
      ...(column.exact ? { dataType: decimalType(column.exact) } : {}),
      rejects: column.rejects,
    })),
    rowCount: loaded.rowCount,
  };
}
