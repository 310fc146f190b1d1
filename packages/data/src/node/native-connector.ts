import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTypeId,
  DuckDBTimestampMillisecondsValue,
} from '@duckdb/node-api';
import { DataType, type Table, tableFromIPC, Type } from 'apache-arrow';
import { tableFromColumns } from '../arrow/columns';
import type { ArrowInsertMode, Connector, QueryParam } from '../connector';
import { confineFileAccess, REGISTERED_FILE_AREA } from '../guard/file-access';
import { quoteIdentifier } from '../sql';

/**
 * Native DuckDB in Node: the fast path for tests, scripts and the query server. Results
 * come back as Arrow, like DuckDB-WASM's, so callers cannot tell the two apart.
 */
export class NativeConnector implements Connector {
  readonly kind = 'duckdb-native';

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly folder: string,
  ) {}

  /**
   * Opens an in-memory database; registered files live in a private temporary folder.
   * `confineFiles` lets SQL read those files only, as in the page; the query server leaves
   * it off, reads its sources' own paths, then switches file access off itself.
   */
  static async open(path = ':memory:', { confineFiles = false } = {}): Promise<NativeConnector> {
    const instance = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const connection = await instance.connect();
    const folder = mkdtempSync(join(tmpdir(), 'stratex-'));
    await connection.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
    if (confineFiles) {
      // DuckDB checks the name as written and as found on the search path: allow both.
      const area = [REGISTERED_FILE_AREA, join(folder, REGISTERED_FILE_AREA)];
      await confineFileAccess((sql) => connection.run(sql), area);
    }
    return new NativeConnector(instance, connection, folder);
  }

  /** Statements still running: closing the database under one of them crashes the process. */
  readonly #running = new Set<Promise<unknown>>();

  #tracked<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const settled = (): void => void this.#running.delete(work);
    work.then(settled, settled);
    return work;
  }

  async query(sql: string, params: readonly QueryParam[] = []): Promise<Table> {
    const reader = await this.#tracked(
      this.connection.runAndReadAll(sql, params.length ? [...params] : undefined),
    );
    const columns = reader.getColumnsJS() as unknown[][];
    const names = reader.columnNames();
    // A DECIMAL read as its nearest double (`96e-1` is 9.6), as DuckDB's own cast gives it.
    const decimals = names.flatMap((_, index) =>
      reader.columnTypeId(index) === DuckDBTypeId.DECIMAL ? [index] : [],
    );
    const values = decimals.length > 0 ? reader.getColumns() : [];
    for (const index of decimals) {
      columns[index] = (values[index] ?? []).map((value) =>
        value instanceof DuckDBDecimalValue ? Number(`${value.value}e-${value.scale}`) : null,
      );
    }
    return tableFromColumns(names, columns);
  }

  async registerFile(fileName: string, bytes: Uint8Array): Promise<void> {
    const path = join(this.folder, fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }

  async dropFile(fileName: string): Promise<void> {
    rmSync(join(this.folder, fileName), { force: true });
  }

  async insertArrow(table: string, ipc: Uint8Array, options: ArrowInsertMode = {}): Promise<void> {
    const arrow = tableFromIPC(ipc);
    if (!options.append) {
      const columns = arrow.schema.fields.map(
        (field) => `${quoteIdentifier(field.name)} ${sqlType(field.type)}`,
      );
      await this.#tracked(
        this.connection.run(
          `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} (${columns.join(', ')})`,
        ),
      );
    }
    const appender = await this.connection.createAppender(table);
    const types = arrow.schema.fields.map((field) => field.type);
    const columns = arrow.schema.fields.map((_, index) => arrow.getChildAt(index));
    for (let row = 0; row < arrow.numRows; row++) {
      types.forEach((type, index) => append(appender, type, columns[index]?.get(row)));
      appender.endRow();
    }
    appender.closeSync();
  }

  async close(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

function sqlType(type: DataType): string {
  // Exact money and days keep their types, as DuckDB-WASM's Arrow reader keeps them.
  if (DataType.isDecimal(type)) return `DECIMAL(${type.precision}, ${type.scale})`;
  if (DataType.isDate(type)) return 'DATE';
  if (isNumeric(type)) return 'DOUBLE';
  if (type.typeId === Type.Bool) return 'BOOLEAN';
  if (isTemporal(type)) return 'TIMESTAMP_MS';
  return 'VARCHAR';
}

function isNumeric(type: DataType): boolean {
  return [Type.Int, Type.Float, Type.Decimal].includes(type.typeId);
}

function isTemporal(type: DataType): boolean {
  return [Type.Date, Type.Timestamp].includes(type.typeId);
}

/** A decimal's exact text from its unscaled integer: ("-5", 2) → "-0.05". */
function decimalText(unscaled: string, scale: number): string {
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  const point = digits.length - scale;
  const text = scale > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits;
  return negative ? `-${text}` : text;
}

function append(appender: DuckDBAppender, type: DataType, value: unknown): void {
  if (value === null || value === undefined) appender.appendNull();
  // Arrow hands a decimal over as its unscaled integer: 1150343584.08 arrives as 115034358408.
  else if (DataType.isDecimal(type)) appender.appendVarchar(decimalText(String(value), type.scale));
  else if (isNumeric(type)) appender.appendDouble(Number(value));
  else if (type.typeId === Type.Bool) appender.appendBoolean(Boolean(value));
  else if (isTemporal(type)) {
    const millis = value instanceof Date ? value.getTime() : Number(value);
    appender.appendTimestampMilliseconds(new DuckDBTimestampMillisecondsValue(BigInt(millis)));
  } else appender.appendVarchar(typeof value === 'string' ? value : String(value));
}
