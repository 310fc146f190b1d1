import type { Table } from 'apache-arrow';
import type { LoadedTable } from '../loaded-table';
import type { BytesLoadOptions, SourceLoader } from '../refresh/live-source';
import { resolveFormat } from '../refresh/source-format';
import { tooLargeError } from '../size-limit';
import type { TableLoaders } from './loaders';
import type { MemoryTables } from './memory-tables';

/**
 * What a live source is given to load into: its export read once, by the one format it
 * has, into a staging table (a small CSV in JS, when `memory` is given), then published in
 * place of the last load or dropped.
 */
export class SourceTables implements SourceLoader {
  constructor(
    private readonly loaders: TableLoaders,
    /** Small CSVs read in JS; none when reloading into a rebuilt database. */
    private readonly memory?: MemoryTables,
    /** Told when a load goes to the database, so that it starts while the load reads its bytes. */
    private readonly databaseNeeded: () => void = () => undefined,
  ) {}

  get limits(): TableLoaders['limits'] {
    return this.loaders.limits;
  }

  async loadBytes(
    table: string,
    bytes: Uint8Array,
    options: BytesLoadOptions = {},
  ): Promise<LoadedTable> {
    const file = options.file ?? table;
    const onProgress = options.onProgress ? { onProgress: options.onProgress } : {};
    switch (resolveFormat(options.format ?? 'auto', file, bytes)) {
      case 'csv': {
        const csv = {
          file,
          encoding: options.encoding ?? 'auto',
          maxBytes: this.loaders.csvByteLimit(),
          ...onProgress,
        };
        const inMemory = await this.memory?.load(table, bytes, csv);
        if (inMemory) return inMemory;
        this.databaseNeeded();
        return this.loaders.loadCsvBytes(table, bytes, csv);
      }
      case 'xlsx':
        this.#checkSize(file, bytes);
        return this.#loadWorkbook(table, bytes, file, options);
      case 'arrow':
        this.#checkSize(file, bytes);
        return this.loaders.loadArrowBytes(table, bytes, file);
      case 'parquet':
        this.#checkSize(file, bytes);
        return this.loaders.loadParquetBytes(table, bytes, {
          file,
          ...(options.columns ? { columns: options.columns } : {}),
          ...onProgress,
        });
    }
  }

  /**
   * A workbook's sheet, read into CSV text in a chunk of its own (a page without workbooks
   * never loads it), then loaded as a CSV is: title rows, header, typed columns, rejects.
   */
  async #loadWorkbook(
    table: string,
    bytes: Uint8Array,
    file: string,
    options: BytesLoadOptions,
  ): Promise<LoadedTable> {
    const { readWorkbook } = await import('../xlsx/read-workbook');
    const maxBytes = this.loaders.csvByteLimit();
    const sheet = await readWorkbook(bytes, {
      file,
      maxBytes,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    options.onProgress?.({
      phase: 'decode',
      bytesRead: bytes.byteLength,
      totalBytes: bytes.byteLength,
    });
    const csv = {
      file,
      encoding: 'utf-8' as const,
      delimiter: ',',
      maxBytes,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    const inMemory = await this.memory?.load(table, sheet.csv, csv);
    if (!inMemory) this.databaseNeeded();
    const loaded = inMemory ?? (await this.loaders.loadCsvBytes(table, sheet.csv, csv));
    return { ...loaded, encoding: 'xlsx', notes: [...sheet.notes, ...(loaded.notes ?? [])] };
  }

  loadArrowTable(table: string, arrow: Table, file: string): Promise<LoadedTable> {
    return this.loaders.loadArrowTable(table, arrow, file);
  }

  async publishTable(staging: string, table: string, sourceName: string): Promise<void> {
    if (this.memory?.publish(staging, table, sourceName)) return;
    await this.memory?.settled(table);
    await this.loaders.publishTable(staging, table, sourceName);
  }

  async dropTable(table: string): Promise<void> {
    if (this.memory?.drop(table)) return;
    await this.loaders.dropTable(table);
  }

  #checkSize(file: string, bytes: Uint8Array): void {
    const limit = this.loaders.limits.maxFileBytes;
    if (bytes.byteLength > limit) throw tooLargeError(file, bytes.byteLength, limit);
  }
}
