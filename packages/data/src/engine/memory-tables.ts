import type { CsvLoadRequest } from '../csv/load-csv';
import { type MemoryCsv, readCsvInMemory } from '../csv/memory-csv';
import type { LoadedTable } from '../loaded-table';
import { DatabaseLostError } from '../resilience/recovering-connector';
import { EngineTimeoutError } from '../timeout';

/** What reading a CSV into the database takes, for a table first read in JS. */
export interface DatabaseSide {
  loadCsv(
    table: string,
    bytes: Uint8Array,
    request: Omit<CsvLoadRequest, 'table'>,
  ): Promise<unknown>;
  publish(staging: string, table: string, sourceName: string): Promise<void>;
  /** Copies a table read in JS in, published under `table`, `sourceName` a view of it. */
  copy(memory: MemoryCsv, table: string, sourceName: string): Promise<void>;
}

interface Entry {
  memory: MemoryCsv;
  bytes: Uint8Array;
  request: Omit<CsvLoadRequest, 'table' | 'onProgress'>;
  /** The source whose table this is (once published), for SQL that names it. */
  sourceName?: string;
  /** Set once the database has been asked for this version of the table. */
  inDatabase?: Promise<void>;
}

/**
 * Small CSVs read in JS (`readCsvInMemory`), by table: widgets are answered from them at
 * once, and the database gets a table only when something needs it — SQL that names it, or
 * a request the JS answers leave to the engine — copied in from the JS reading in two calls. Loads are staged and published under the
 * same names as the database's, so a refresh swaps the JS table as it swaps the database's.
 */
export class MemoryTables {
  readonly #tables = new Map<string, Entry>();
  /** The entry behind a load, by its `columnTypes` (every copy of a load shares that list). */
  readonly #loads = new WeakMap<object, Entry>();
  /** Per table, the database work in flight for it: each waits for the one before. */
  readonly #queue = new Map<string, Promise<void>>();

  constructor(
    private readonly database: DatabaseSide,
    private readonly maxBytes: number,
  ) {}

  /**
   * Reads `bytes` in JS into the staging table `table`, or returns undefined when the file
   * is for the database to read (too large, kinds its planning draw decides, or JS reading off).
   */
  async load(
    table: string,
    bytes: Uint8Array,
    request: Omit<CsvLoadRequest, 'table'>,
  ): Promise<LoadedTable | undefined> {
    if (this.maxBytes <= 0) return undefined;
    const memory = await readCsvInMemory(bytes, { ...request, table }, this.maxBytes);
    if (!memory) return undefined;
    const entry: Entry = {
      memory,
      bytes,
      request: {
        file: request.file,
        encoding: request.encoding,
        maxBytes: request.maxBytes,
        ...(request.delimiter ? { delimiter: request.delimiter } : {}),
      },
    };
    this.#tables.set(table, entry);
    this.#loads.set(memory.report.columnTypes, entry);
    return { table, file: request.file, ...memory.report };
  }

  /** The JS tables behind a load, if it was read in JS. */
  of(loaded: LoadedTable): MemoryCsv | undefined {
    return loaded.columnTypes ? this.#loads.get(loaded.columnTypes)?.memory : undefined;
  }

  /**
   * Publishes a staged table under `table` when it was read in JS (true). Otherwise (false)
   * the database's own table replaces the JS one: call `settled` before publishing it.
   */
  publish(staging: string, table: string, sourceName: string): boolean {
    const entry = this.#tables.get(staging);
    this.#tables.delete(staging);
    if (!entry) {
      this.#tables.delete(table);
      return false;
    }
    this.#tables.set(table, { ...entry, sourceName });
    this.#loads.set(entry.memory.report.columnTypes, this.#tables.get(table)!);
    return true;
  }

  /** Forgets a table read in JS (true), or says it was not one (false). */
  drop(table: string): boolean {
    return this.#tables.delete(table);
  }

  /** Forgets every JS table: the database was rebuilt and holds every source again. */
  clear(): void {
    this.#tables.clear();
  }

  /** Waits until no database work is in flight for `table`. */
  settled(table: string): Promise<void> {
    return this.#queue.get(table) ?? Promise.resolve();
  }

  /** Makes the database hold `table` as last published, if it was read in JS. */
  inDatabase(table: string): Promise<void> {
    const entry = this.#tables.get(table);
    if (!entry) return this.settled(table);
    if (entry.inDatabase) return entry.inDatabase;
    const loading = this.#enqueue(table, async () => {
      const sourceName = entry.sourceName ?? table;
      if (entry.memory.report.rowCount > 0) {
        try {
          await this.database.copy(entry.memory, table, sourceName);
          return;
        } catch (cause) {
          // A lost or stuck database is said as such; the statements refused, the file is read again.
          if (cause instanceof DatabaseLostError || cause instanceof EngineTimeoutError)
            throw cause;
        }
      }
      const staging = `${table}__sx_database`;
      await this.database.loadCsv(staging, entry.bytes, entry.request);
      await this.database.publish(staging, table, sourceName);
    });
    entry.inDatabase = loading;
    // A failed attempt (the database was lost meanwhile) is not kept: the next need tries again.
    loading.catch(() => {
      if (entry.inDatabase === loading) delete entry.inDatabase;
    });
    return loading;
  }

  /** Makes the database hold every table read in JS. */
  async allInDatabase(): Promise<void> {
    await Promise.all([...this.#published()].map(([table]) => this.inDatabase(table)));
  }

  /**
   * Makes the database hold the JS tables that `sql` may name: its text holds their table or
   * source name (a string that happens to hold one costs a needless load, never a wrong answer).
   */
  async namedInDatabase(sql: string): Promise<void> {
    if (this.#tables.size === 0) return;
    const text = sql.toLowerCase();
    const named = (name: string | undefined): boolean =>
      name !== undefined && text.includes(name.toLowerCase());
    const wanted = [...this.#published()].filter(
      ([table, entry]) => named(table) || named(entry.sourceName),
    );
    await Promise.all(wanted.map(([table]) => this.inDatabase(table)));
  }

  *#published(): Iterable<[string, Entry]> {
    for (const [table, entry] of this.#tables)
      if (entry.sourceName !== undefined) yield [table, entry];
  }

  #enqueue(table: string, work: () => Promise<void>): Promise<void> {
    const next = (this.#queue.get(table) ?? Promise.resolve()).then(work, work);
    const quiet = next.catch(() => undefined);
    this.#queue.set(table, quiet);
    void quiet.then(() => {
      if (this.#queue.get(table) === quiet) this.#queue.delete(table);
    });
    return next;
  }
}
