import type { Connector, QueryParam } from '../connector';
import type { MemoryCsv } from '../csv/memory-csv';
import { LoadError } from '../fetch-bytes';
import { type LoadedTable, ownValue, type RecordRow, recordsOf } from '../loaded-table';
import type { SourceRegistry } from '../sources';
import { CatalogueReader, type CatalogueColumn, type SourceCatalogue } from './catalogue';
import {
  type AggregateRequest,
  type AnswerPlan,
  DataError,
  type DataRequest,
  type DataResult,
  type Measure,
  type RowsRequest,
} from './contract';
import { type BoundSql, type Dialect, duckdbDialect } from './dialect';
import { JsTable } from './js-table';
import { PreAggregates } from './pre-aggregates';
import { type AggregatePlan, renderAggregate, renderRows, renderTextSums } from './render';
import { renderTwinRows, storedCells, twinCells, type TwinColumn } from './typed-rows';

/** Answers with more rows than this are not kept once delivered. */
const KEEP_ROWS = 50_000;

/** What the coordinator needs from the engine it speaks for. */
export interface CoordinatorHost {
  readonly sources: SourceRegistry;
  records(sql: string, params?: readonly QueryParam[]): Promise<RecordRow[]>;
  readOnlyRecords(
    sql: string,
    params?: readonly QueryParam[],
    declared?: Iterable<string>,
  ): Promise<RecordRow[]>;
  /** The database a source lives in when it is not the engine's own (a ClickHouse table). */
  remoteOf?(loaded: LoadedTable): RemoteDatabase | undefined;
  /**
   * The tables of a source read in JS (a small CSV): they answer without the database. SQL
   * that names such a source puts it in the database first.
   */
  inMemory?(loaded: LoadedTable): MemoryCsv | undefined;
}

/** A database of its own behind a source: its connector, and how it spells SQL. */
export interface RemoteDatabase {
  connector: Connector;
  dialect: Dialect;
}

/** Where a source's queries go, and how they are spelt there. */
interface Route {
  dialect: Dialect;
  run(query: BoundSql): Promise<RecordRow[]>;
  catalogue: CatalogueReader;
  /** False for a remote database: it answers from its own rows (no temporary tables there). */
  preAggregates: boolean;
  /** False for a remote database: its columns are typed, and sums of text need table CTEs. */
  textSums: boolean;
}

export interface CoordinatorOptions {
  dialect?: Dialect;
  /** Answers kept per source version (default 64). */
  cacheSize?: number;
  /**
   * Sources with at least this many rows answer filtered aggregates from pre-aggregates
   * (default 50,000; 0 always; Infinity never).
   */
  preAggregateFrom?: number;
}

/** One source as it is now loaded, with what was learnt and answered about this version. */
interface SourceVersion {
  loaded: LoadedTable;
  catalogue: Promise<SourceCatalogue>;
  answers: Map<string, Promise<DataResult>>;
  preAggregates: PreAggregates;
  route: Route;
  /** A source read in JS: what answers before the database is asked. */
  js?: JsTable;
}

/**
 * Answers the requests widgets declare. It knows the catalogue of every source, waits for
 * the sources a request names, renders SQL through its dialect, sends the aggregates asked
 * for in the same turn as one query where they share a scan, keeps answers per source
 * version, and answers filtered aggregates from pre-aggregates. The pre-aggregates that the
 * declared groupings make likely are built while no request is being answered, one at a
 * time, so that the first drill or cross-filter already finds one.
 */
export class Coordinator {
  readonly dialect: Dialect;
  /** Every load seen, so that a request begun before a reload still finds its own. */
  readonly #versions = new WeakMap<LoadedTable, SourceVersion>();
  /** The newest version of each source, whose pre-aggregates go when the next one comes. */
  readonly #latest = new Map<string, SourceVersion>();
  readonly #local: Route;
  readonly #remotes = new WeakMap<Connector, Route>();
  readonly #cacheSize: number;
  readonly #preAggregateFrom: number;
  #batch: Pending[] | undefined;
  /** Requests being answered: pre-aggregates are built in the background only when none is. */
  #busy = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The background build running, if any. */
  #building: Promise<void> | undefined;
  /** Callers of `prepared`, told once nothing is left to build. */
  #prepared: (() => void)[] = [];

  constructor(
    private readonly host: CoordinatorHost,
    options: CoordinatorOptions = {},
  ) {
    this.dialect = options.dialect ?? duckdbDialect;
    this.#cacheSize = options.cacheSize ?? 64;
    this.#preAggregateFrom = options.preAggregateFrom ?? 50_000;
    const run = (query: BoundSql): Promise<RecordRow[]> => this.#run(query);
    this.#local = {
      dialect: this.dialect,
      run,
      catalogue: new CatalogueReader(this.dialect, run),
      preAggregates: true,
      textSums: true,
    };
  }

  /** Answers a request, or rejects with a `DataError` that says why not. */
  async request(request: DataRequest): Promise<DataResult> {
    if (request.kind === 'author')
      return this.#foreground(this.#author(request.sql, request.declared ?? []));
    const version = await this.#version(request.source);
    return this.#foreground(this.#answer(version, request));
  }

  /**
   * Resolves once the pre-aggregates that the requests so far make likely are built (or
   * given up), and no request is being answered.
   */
  prepared(): Promise<void> {
    return new Promise((resolve) => {
      this.#prepared.push(resolve);
      this.#whenIdle();
    });
  }

  async #foreground(answer: Promise<DataResult>): Promise<DataResult> {
    this.#busy++;
    try {
      return await answer;
    } finally {
      if (--this.#busy === 0) this.#whenIdle();
    }
  }

  /** Once no request is being answered: builds the next likely pre-aggregate, one at a time. */
  #whenIdle(): void {
    if (this.#idleTimer !== undefined || this.#building) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      // The last request to settle calls again.
      if (this.#busy > 0) return;
      const build = this.#nextBuild();
      if (!build) {
        for (const resolve of this.#prepared.splice(0)) resolve();
        return;
      }
      this.#building = build.finally(() => {
        this.#building = undefined;
        this.#whenIdle();
      });
    }, 0);
  }

  #nextBuild(): Promise<void> | undefined {
    for (const [source, version] of this.#latest) {
      // A source loaded again since its last request: the new load's requests will say.
      const current = this.host.sources.live(source)?.loaded;
      if (current && current !== version.loaded) continue;
      const build = version.preAggregates.next();
      if (build) return build;
    }
    return undefined;
  }

  #answer(version: SourceVersion, request: RowsRequest | AggregateRequest): Promise<DataResult> {
    const key = JSON.stringify(request);
    const kept = version.answers.get(key);
    if (kept) {
      // Most recently used last: the oldest answer is the first to go.
      version.answers.delete(key);
      version.answers.set(key, kept);
      return kept.then((result) => ({ ...result, cached: true }));
    }
    const answer =
      request.kind === 'rows' ? this.#rows(version, request) : this.#aggregate(version, request);
    version.answers.set(key, answer);
    // Large answers are shared while in flight but not kept: the widget holds them already.
    answer.then(
      (result) => {
        if (result.rows.length > KEEP_ROWS) version.answers.delete(key);
      },
      () => version.answers.delete(key),
    );
    while (version.answers.size > this.#cacheSize) {
      const oldest = version.answers.keys().next().value;
      if (oldest === undefined) break;
      version.answers.delete(oldest);
    }
    return answer;
  }

  /** The columns and types of a source, once it has loaded. */
  async catalogue(source: string): Promise<SourceCatalogue> {
    return (await this.#version(source)).catalogue;
  }

  async #version(source: string): Promise<SourceVersion> {
    let loaded: LoadedTable;
    try {
      loaded = await this.host.sources.get(source);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const detail = cause instanceof LoadError ? cause.detail : undefined;
      throw new DataError('source', message, detail, { cause });
    }
    const known = this.#versions.get(loaded);
    if (known) return known;
    const memory = this.host.inMemory?.(loaded);
    const route = this.#routeOf(loaded);
    const catalogue = route.catalogue.read(source, loaded);
    catalogue.catch(() => undefined);
    const version: SourceVersion = {
      loaded,
      catalogue,
      answers: new Map(),
      preAggregates: new PreAggregates(route.dialect, route.run, loaded.rowCount),
      route,
      ...(memory
        ? { js: new JsTable(memory, loaded.table, loaded.typedTable ?? `${loaded.table}_typed`) }
        : {}),
    };
    this.#versions.set(loaded, version);
    this.#latest.get(source)?.preAggregates.drop();
    this.#latest.set(source, version);
    return version;
  }

  #routeOf(loaded: LoadedTable): Route {
    const remote = this.host.remoteOf?.(loaded);
    if (!remote) return this.#local;
    let route = this.#remotes.get(remote.connector);
    if (!route) {
      const { connector, dialect } = remote;
      const run = (query: BoundSql): Promise<RecordRow[]> =>
        this.#run(query, async (sql, params) => recordsOf(await connector.query(sql, params)));
      const catalogue = new CatalogueReader(dialect, run);
      route = { dialect, run, catalogue, preAggregates: false, textSums: false };
      this.#remotes.set(connector, route);
    }
    return route;
  }

  async #author(sql: string, declared: readonly string[]): Promise<DataResult> {
    try {
      const rows = await this.host.readOnlyRecords(sql, [], declared);
      return { columns: Object.keys(rows[0] ?? {}), rows, plan: 'author', cached: false };
    } catch (cause) {
      if (cause instanceof DataError) throw cause;
      const message = cause instanceof Error ? cause.message : String(cause);
      const detail = cause instanceof LoadError ? cause.detail : undefined;
      throw new DataError('author', message, detail, { cause });
    }
  }

  async #rows(version: SourceVersion, request: RowsRequest): Promise<DataResult> {
    // The load already names its columns: rows need no catalogue call.
    const { loaded } = version;
    const columns = request.columns ?? loaded.columns;
    checkColumns(request.source, loaded.columns, [
      ...columns,
      ...Object.keys(request.filter ?? {}),
    ]);
    if (request.as === 'cells') return this.#cells(version, request, columns);
    // A small CSV read in JS answers from its tables there.
    const answered = version.js?.rows(columns, {
      filter: request.filter ?? {},
      orderBy: request.orderBy,
      limit: request.limit,
    });
    if (answered) return { columns: [...columns], rows: answered, plan: 'rows', cached: false };
    const query = renderRows(version.route.dialect, loaded.table, columns, {
      filter: request.filter ?? {},
      text: request.as === 'text',
      ...(request.orderBy ? { orderBy: request.orderBy } : {}),
      ...(request.limit !== undefined ? { limit: request.limit } : {}),
    });
    const rows = await version.route.run(query);
    return { columns: [...columns], rows, plan: 'rows', cached: false };
  }

  /** Rows as core's cells: a CSV's from its typed twin, another source's from its column types. */
  async #cells(
    version: SourceVersion,
    request: RowsRequest,
    columns: readonly string[],
  ): Promise<DataResult> {
    const { loaded, route } = version;
    const options = {
      filter: request.filter ?? {},
      orderBy: request.orderBy,
      limit: request.limit,
    };
    const kinds = loaded.columnTypes;
    if (kinds && loaded.typedTable && route.dialect.alignRows) {
      const twin = columns.map(
        (name): TwinColumn =>
          kinds.find((column) => column.name === name) ?? { name, kind: 'text' },
      );
      const fromJs = version.js?.cells(twin, options);
      if (fromJs) return { columns: [...columns], rows: fromJs, plan: 'rows-typed', cached: false };
      const query = renderTwinRows(route.dialect, {
        ...options,
        table: loaded.table,
        typedTable: loaded.typedTable,
        columns: twin,
      });
      const rows = twinCells(await route.run(query), twin);
      return { columns: [...columns], rows, plan: 'rows-typed', cached: false };
    }
    const catalogue = await version.catalogue;
    const query = renderRows(route.dialect, loaded.table, columns, {
      filter: options.filter,
      text: false,
      ...(request.orderBy ? { orderBy: request.orderBy } : {}),
      ...(request.limit !== undefined ? { limit: request.limit } : {}),
    });
    const rows = storedCells(await route.run(query), columns, catalogue.columns);
    return { columns: [...columns], rows, plan: 'rows', cached: false };
  }

  async #aggregate(version: SourceVersion, request: AggregateRequest): Promise<DataResult> {
    const { route } = version;
    const catalogue = await version.catalogue;
    const names = catalogue.columns.map((column) => column.name);
    checkColumns(request.source, names, [
      ...request.groupBy,
      ...request.measures.map((measure) => measure.column),
      ...Object.keys(request.filter ?? {}),
    ]);
    const measures = request.measures.map((measure) => ({
      ...measure,
      name: measure.as ?? measure.column,
    }));
    const columns = [...request.groupBy, ...measures.map((measure) => measure.name)];
    const typed = numberTable(catalogue, request.measures);
    const base = {
      groupBy: request.groupBy,
      measures,
      filter: request.filter ?? {},
      orderBy: request.orderBy,
      limit: request.limit,
    };
    if (!typed) {
      const text = request.measures.find(
        (measure) =>
          measure.aggregate !== 'count' &&
          catalogue.columns.find((column) => column.name === measure.column)?.type !== 'number',
      );
      if (!route.textSums && text) {
        throw new DataError(
          'unsupported',
          `The column "${text.column}" of "${request.source}" does not hold numbers on its server, so its ${text.aggregate} cannot be taken.`,
        );
      }
      if (!request.measures.every((measure) => measure.aggregate === 'sum')) {
        const which = request.measures.find((measure) => measure.aggregate !== 'sum');
        throw new DataError(
          'unsupported',
          `The column "${which?.column}" does not hold numbers, so its ${which?.aggregate} cannot be taken.`,
        );
      }
      // A CSV's typed twin holds every cell its rules read; only the rejected ones come as text.
      const inTwin = (column: string): boolean =>
        catalogue.typedColumns?.find((candidate) => candidate.name === column)?.type === 'number';
      const twin =
        route.dialect.alignRows && request.measures.every((measure) => inTwin(measure.column))
          ? catalogue.typedTable
          : undefined;
      const answered = twin ? version.js?.textSums({ ...base, table: catalogue.table }) : undefined;
      const rows =
        answered ??
        (await route.run(renderTextSums(route.dialect, { ...base, table: catalogue.table }, twin)));
      return { columns, rows, plan: twin ? 'sum-rejects' : 'sum-text', cached: false };
    }
    const plan: AggregatePlan = { ...base, table: typed };
    const plain: AnswerPlan =
      typed === catalogue.typedTable && measures.every((measure) => measure.aggregate === 'sum')
        ? 'sum-typed'
        : 'aggregate';
    const answered = version.js?.aggregate(plan);
    if (answered) return { columns, rows: answered, plan: plain, cached: false };
    if (route.preAggregates && catalogue.rowCount >= this.#preAggregateFrom) {
      version.preAggregates.declare(plan);
      // Only a filter builds one now; a request without finds one built in the background.
      const filtered = Object.keys(plan.filter).length > 0;
      const rows = await version.preAggregates.answer(plan, filtered, exactSums(catalogue, typed));
      if (rows) return { columns, rows, plan: 'pre-aggregate', cached: false };
    }
    return { columns, rows: await this.#batched(route, plan), plan: plain, cached: false };
  }

  /**
   * Aggregates asked in the same turn over the same table, grouping and filter share one
   * scan: their measures are computed together and each request gets its own back.
   */
  #batched(route: Route, plan: AggregatePlan): Promise<RecordRow[]> {
    const key = JSON.stringify([plan.table, plan.groupBy, plan.filter, plan.orderBy, plan.limit]);
    return new Promise<RecordRow[]>((resolve, reject) => {
      if (!this.#batch) {
        const batch: Pending[] = [];
        this.#batch = batch;
        setTimeout(() => {
          this.#batch = undefined;
          void this.#flush(batch);
        }, 0);
      }
      this.#batch.push({ route, plan, key, settle: { resolve, reject } });
    });
  }

  async #flush(batch: Pending[]): Promise<void> {
    // Requests share a scan only within one database: the key is per route.
    const groups = new Map<Route, Map<string, Pending[]>>();
    for (const item of batch) {
      const byKey = groups.get(item.route) ?? new Map<string, Pending[]>();
      byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
      groups.set(item.route, byKey);
    }
    await Promise.all(
      [...groups.values()]
        .flatMap((byKey) => [...byKey.values()])
        .map(async (items) => {
          const first = items[0]!;
          const { route } = first;
          const merged = mergeMeasures(items.map((item) => item.plan.measures));
          try {
            const rows = await route.run(
              renderAggregate(route.dialect, { ...first.plan, measures: merged.measures }),
            );
            items.forEach((item, index) =>
              item.settle.resolve(merged.pick(index, item.plan, rows)),
            );
          } catch (cause) {
            for (const item of items) item.settle.reject(cause);
          }
        }),
    );
  }

  async #run(
    query: BoundSql,
    records: CoordinatorHost['records'] = (sql, params) => this.host.records(sql, params),
  ): Promise<RecordRow[]> {
    try {
      return await records(query.sql, query.params);
    } catch (cause) {
      if (cause instanceof DataError) throw cause;
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new DataError('engine', message, undefined, { cause });
    }
  }
}

interface Pending {
  route: Route;
  plan: AggregatePlan;
  key: string;
  settle: { resolve(rows: RecordRow[]): void; reject(cause: unknown): void };
}

function checkColumns(source: string, names: readonly string[], asked: readonly string[]): void {
  const missing = asked.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new DataError(
      'unknown-column',
      `The source "${source}" has no column ${missing.map((name) => `"${name}"`).join(', ')}.`,
    );
  }
}

/**
 * The table whose measure columns already hold clean numbers: a CSV's typed twin when
 * none of their cells was rejected, else the table itself when it was stored typed.
 */
function numberTable(catalogue: SourceCatalogue, measures: readonly Measure[]): string | undefined {
  const needsNumbers = measures.filter((measure) => measure.aggregate !== 'count');
  const clean = (columns: readonly CatalogueColumn[] | undefined): boolean =>
    columns !== undefined &&
    needsNumbers.every((measure) => {
      const column = columns.find((candidate) => candidate.name === measure.column);
      return column?.type === 'number' && column.rejects === 0;
    });
  if (catalogue.typedTable && clean(catalogue.typedColumns)) return catalogue.typedTable;
  if (clean(catalogue.columns)) return catalogue.table;
  return undefined;
}

/** Columns of `table` whose sums are exact, being whole or decimal numbers (not floating point). */
function exactSums(catalogue: SourceCatalogue, table: string): Set<string> {
  const columns = table === catalogue.typedTable ? catalogue.typedColumns : catalogue.columns;
  return new Set(
    (columns ?? [])
      .filter((column) => /int|decimal|numeric/i.test(column.dataType) && column.type === 'number')
      .map((column) => column.name),
  );
}

/** Measures of several requests computed once each, and how to hand each request its own. */
function mergeMeasures(lists: readonly (readonly (Measure & { name: string })[])[]): {
  measures: (Measure & { name: string })[];
  pick(index: number, plan: AggregatePlan, rows: RecordRow[]): RecordRow[];
} {
  if (lists.length === 1) return { measures: [...lists[0]!], pick: (_, __, rows) => rows };
  const measures: (Measure & { name: string })[] = [];
  const slots = lists.map((list) =>
    list.map((measure) => {
      const at = measures.findIndex(
        (known) =>
          known.column === measure.column &&
          known.aggregate === measure.aggregate &&
          known.digits === measure.digits,
      );
      if (at >= 0) return measures[at]!.name;
      const name = `sx_m_${measures.length}`;
      measures.push({ ...measure, name });
      return name;
    }),
  );
  return {
    measures,
    pick(index, plan, rows) {
      const mine = slots[index]!;
      return rows.map((row) => {
        const out: RecordRow = {};
        for (const level of plan.groupBy) ownValue(out, level, row[level]);
        plan.measures.forEach((measure, at) => ownValue(out, measure.name, row[mine[at]!]));
        return out;
      });
    },
  };
}
