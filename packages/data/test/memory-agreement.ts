import {
  type Connector,
  DataError,
  type DataRequest,
  type DataResult,
  Engine,
  type EngineOptions,
  type LoadedTable,
} from '@stratex/data';

/** An engine whose database calls are counted. */
export interface CountedEngine {
  engine: Engine;
  /** Statements and files sent to the database so far. */
  calls(): number;
}

export function countedEngine(
  open: () => Promise<Connector>,
  options: EngineOptions = {},
): CountedEngine {
  let calls = 0;
  const counted = async (): Promise<Connector> => {
    const connector = await open();
    return {
      kind: connector.kind,
      ...(connector.lost ? { lost: connector.lost } : {}),
      query: (sql, params) => (calls++, connector.query(sql, params)),
      registerFile: (name, bytes) => (calls++, connector.registerFile(name, bytes)),
      dropFile: (name) => (calls++, connector.dropFile(name)),
      insertArrow: (table, ipc, mode) => (calls++, connector.insertArrow(table, ipc, mode)),
      close: () => connector.close(),
    };
  };
  return { engine: new Engine(counted, { recover: false, ...options }), calls: () => calls };
}

/** What the widgets ask of a loaded CSV (and a few more aggregates), from its columns. */
export function widgetRequests(
  source: string,
  loaded: LoadedTable,
  first: Readonly<Record<string, unknown>>,
): [string, DataRequest][] {
  const columns = loaded.columnTypes ?? [];
  const text = columns.filter((column) => column.kind === 'text').map((column) => column.name);
  const numbers = columns.filter((column) => column.kind === 'number').map((column) => column.name);
  const dimension = text[0] ?? loaded.columns[0];
  const requests: [string, DataRequest][] = [
    ['scorecard, alerts, progress: rows', { kind: 'rows', source }],
    ['treemap: rows as text', { kind: 'rows', source, as: 'text' }],
    ['missing columns: one row', { kind: 'rows', source, limit: 1 }],
    ['widgets: every row as cells', { kind: 'rows', source, as: 'cells' }],
  ];
  if (!dimension) return requests;
  requests.push([
    'rows ordered, descending, cut',
    { kind: 'rows', source, orderBy: [{ column: dimension, descending: true }], limit: 3 },
  ]);
  const levels = text.length > 0 ? text.slice(0, 2) : [dimension];
  const figures = numbers.length > 0 ? numbers.slice(0, 2) : [columns.at(-1)?.name ?? dimension];
  const sums = figures.map((column) => ({ column, aggregate: 'sum' as const, digits: 6 }));
  const chosen = (column: string): string | undefined => {
    const value = first[column];
    return value === undefined || value === null ? undefined : String(value);
  };
  requests.push([
    'treemap: sums per level',
    { kind: 'aggregate', source, groupBy: levels, measures: sums },
  ]);
  const filterColumn = text[2] ?? text[0] ?? dimension;
  requests.push([
    'treemap: sums per level, filtered',
    {
      kind: 'aggregate',
      source,
      groupBy: levels,
      measures: sums,
      filter: { [filterColumn]: chosen(filterColumn) ?? '' },
    },
  ]);
  requests.push([
    'scorecard: sums per dimension, ordered',
    {
      kind: 'aggregate',
      source,
      groupBy: [dimension],
      measures: sums,
      orderBy: [{ column: dimension }],
    },
  ]);
  requests.push([
    'cells of some columns, filtered, ordered, cut',
    {
      kind: 'rows',
      source,
      as: 'cells',
      columns: [dimension, ...numbers.slice(0, 2)],
      filter: { [dimension]: chosen(dimension) ?? '' },
      orderBy: [{ column: dimension, descending: true }],
      limit: 5,
    },
  ]);
  requests.push([
    'rows filtered',
    { kind: 'rows', source, filter: { [dimension]: chosen(dimension) ?? '' } },
  ]);
  const figure = figures[0]!;
  requests.push([
    'count, min, max, avg of the whole table',
    {
      kind: 'aggregate',
      source,
      groupBy: [],
      measures: (['count', 'min', 'max', 'avg'] as const).map((aggregate) => ({
        column: figure,
        aggregate,
        as: aggregate,
        digits: 4,
      })),
    },
  ]);
  requests.push([
    'largest sums first, two of them',
    {
      kind: 'aggregate',
      source,
      groupBy: [dimension],
      measures: [{ column: figure, aggregate: 'sum', as: 'total' }],
      orderBy: [{ column: 'total', descending: true }],
      limit: 2,
    },
  ]);
  return requests;
}

type Outcome = { ok: true; result: DataResult } | { ok: false; code: string; message: string };

async function outcome(engine: Engine, request: DataRequest): Promise<Outcome> {
  try {
    return { ok: true, result: await engine.coordinator.request(request) };
  } catch (cause) {
    if (!(cause instanceof DataError)) throw cause;
    return { ok: false, code: cause.code, message: cause.message };
  }
}

/** JSON that tells -0 from 0. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    typeof item === 'number' && Object.is(item, -0) ? '-0' : item,
  );
}

/** Why two outcomes differ, or undefined: ordered by the request where it orders, else as sets. */
function difference(request: DataRequest, js: Outcome, database: Outcome): string | undefined {
  if (!js.ok || !database.ok) {
    const said = (o: Outcome): string => (o.ok ? 'an answer' : `${o.code}: ${o.message}`);
    return js.ok === database.ok && canonical(js) === canonical(database)
      ? undefined
      : `JS gave ${said(js)}, the database ${said(database)}`;
  }
  const a = js.result;
  const b = database.result;
  if (a.plan !== b.plan) return `plan ${a.plan} against ${b.plan}`;
  if (canonical(a.columns) !== canonical(b.columns)) return 'columns differ';
  const sorted = (rows: readonly unknown[]): string[] => rows.map(canonical).sort();
  if (canonical(sorted(a.rows)) !== canonical(sorted(b.rows))) {
    return `rows differ:\n JS ${canonical(a.rows)}\n DB ${canonical(b.rows)}`;
  }
  const order = request.kind === 'author' ? [] : (request.orderBy ?? []);
  const keys = (rows: readonly Record<string, unknown>[]): string =>
    canonical(rows.map((row) => order.map((item) => row[item.column])));
  if (order.length > 0 && keys(a.rows) !== keys(b.rows)) return 'rows in another order';
  if (request.kind === 'rows' && order.length === 0 && canonical(a.rows) !== canonical(b.rows)) {
    return 'rows in another order';
  }
  return undefined;
}

export interface Agreement {
  /** True when the CSV was read in JS (no database call while it loaded). */
  inJs: boolean;
  /** Requests the JS side left to the database, with how the database answered them. */
  toDatabase: { request: string; plan: string }[];
  differences: string[];
}

/**
 * Loads the same CSV as a source of both engines and puts every widget request to both:
 * the load reports and the answers must be the same.
 */
export async function agreement(
  js: CountedEngine,
  database: Engine,
  source: string,
  bytes: Uint8Array,
  label: string,
): Promise<Agreement> {
  const before = js.calls();
  const loads = await Promise.allSettled([
    js.engine.defineSource(source, { bytes, label }).ready,
    database.defineSource(source, { bytes, label }).ready,
  ]);
  const inJs = js.calls() === before;
  const [mine, theirs] = loads;
  if (mine.status === 'rejected' || theirs.status === 'rejected') {
    const said = (load: PromiseSettledResult<LoadedTable>): string =>
      load.status === 'fulfilled' ? 'loaded' : String((load.reason as Error).message);
    const same = said(mine) === said(theirs);
    return {
      inJs,
      toDatabase: [],
      differences: same ? [] : [`load: JS ${said(mine)}, database ${said(theirs)}`],
    };
  }
  const differences: string[] = [];
  if (canonical(mine.value) !== canonical(theirs.value)) {
    differences.push(`load report:\n JS ${canonical(mine.value)}\n DB ${canonical(theirs.value)}`);
  }
  const first = await database.coordinator.request({ kind: 'rows', source, limit: 1 });
  const toDatabase: Agreement['toDatabase'] = [];
  for (const [name, request] of widgetRequests(source, mine.value, first.rows[0] ?? {})) {
    const calls = js.calls();
    const [a, b] = await Promise.all([outcome(js.engine, request), outcome(database, request)]);
    if (js.calls() > calls) toDatabase.push({ request: name, plan: b.ok ? b.result.plan : b.code });
    const why = difference(request, a, b);
    if (why) differences.push(`${name}: ${why}`);
  }
  return { inJs, toDatabase, differences };
}
