import type { CatalogueColumn, SourceCatalogue } from './catalogue';
import {
  type AggregateRequest,
  type AnswerPlan,
  DataError,
  type DimensionFilter,
  type Measure,
  type Ordering,
  type RowsRequest,
} from './contract';
import type { AggregatePlan } from './render';
import type { SourceVersion } from './source-versions';
import type { TwinColumn } from './typed-rows';

/** Which rows a question reads: those that match `filter`, ordered and cut. */
export interface RowOptions {
  filter: DimensionFilter;
  orderBy?: readonly Ordering[] | undefined;
  limit?: number | undefined;
}

/** What a request asks, in the one form that the JS table and the database both take. */
export type Question =
  | { kind: 'rows'; table: string; columns: readonly string[]; options: RowOptions; text: boolean }
  | {
      kind: 'twin-rows';
      table: string;
      typedTable: string;
      twin: TwinColumn[];
      options: RowOptions;
    }
  | {
      kind: 'stored-cells';
      table: string;
      columns: readonly string[];
      options: RowOptions;
      stored: readonly CatalogueColumn[];
    }
  | { kind: 'text-sums'; plan: AggregatePlan; twin: string | undefined }
  | { kind: 'aggregate'; plan: AggregatePlan; exactSums: ReadonlySet<string> };

/** A request planned: its question, the columns of its answer, and the plan it is told as. */
export interface Planned {
  question: Question;
  columns: string[];
  plan: AnswerPlan;
}

/**
 * A rows request as a question. The load names the columns, so only the cells of a source
 * without a typed twin read the catalogue (for their column types).
 */
export async function planRows(version: SourceVersion, request: RowsRequest): Promise<Planned> {
  const { loaded, route } = version;
  const columns = [...(request.columns ?? loaded.columns)];
  checkColumns(request.source, loaded.columns, [...columns, ...Object.keys(request.filter ?? {})]);
  const options: RowOptions = {
    filter: request.filter ?? {},
    orderBy: request.orderBy,
    limit: request.limit,
  };
  const { table } = loaded;
  if (request.as !== 'cells') {
    const question: Question = {
      kind: 'rows',
      table,
      columns,
      options,
      text: request.as === 'text',
    };
    return { question, columns, plan: 'rows' };
  }
  // Cells: a CSV's from its typed twin, another source's from its column types.
  const kinds = loaded.columnTypes;
  if (kinds && loaded.typedTable && route.dialect.alignRows) {
    const twin = columns.map(
      (name): TwinColumn => kinds.find((column) => column.name === name) ?? { name, kind: 'text' },
    );
    const question: Question = {
      kind: 'twin-rows',
      table,
      typedTable: loaded.typedTable,
      twin,
      options,
    };
    return { question, columns, plan: 'rows-typed' };
  }
  const stored = (await version.catalogue).columns;
  return {
    question: { kind: 'stored-cells', table, columns, options, stored },
    columns,
    plan: 'rows',
  };
}

/** An aggregate request as a question over the table whose measures read as numbers. */
export async function planAggregate(
  version: SourceVersion,
  request: AggregateRequest,
): Promise<Planned> {
  const catalogue = await version.catalogue;
  checkColumns(
    request.source,
    catalogue.columns.map((column) => column.name),
    [
      ...request.groupBy,
      ...request.measures.map((measure) => measure.column),
      ...Object.keys(request.filter ?? {}),
    ],
  );
  const measures = request.measures.map((measure) => ({
    ...measure,
    name: measure.as ?? measure.column,
  }));
  const columns = [...request.groupBy, ...measures.map((measure) => measure.name)];
  const base = {
    groupBy: request.groupBy,
    measures,
    filter: request.filter ?? {},
    orderBy: request.orderBy,
    limit: request.limit,
  };
  const typed = numberTable(catalogue, request.measures);
  if (typed) {
    const plain =
      typed === catalogue.typedTable && measures.every((measure) => measure.aggregate === 'sum');
    const question: Question = {
      kind: 'aggregate',
      plan: { ...base, table: typed },
      exactSums: exactSums(catalogue, typed),
    };
    return { question, columns, plan: plain ? 'sum-typed' : 'aggregate' };
  }
  checkTextSums(version, request, catalogue);
  // A CSV's typed twin holds every cell its rules read; only the rejected ones come as text.
  const inTwin = (column: string): boolean =>
    catalogue.typedColumns?.find((candidate) => candidate.name === column)?.type === 'number';
  const twin =
    version.route.dialect.alignRows && request.measures.every((measure) => inTwin(measure.column))
      ? catalogue.typedTable
      : undefined;
  const question: Question = { kind: 'text-sums', plan: { ...base, table: catalogue.table }, twin };
  return { question, columns, plan: twin ? 'sum-rejects' : 'sum-text' };
}

/** Measures over cells that are not all clean numbers: only sums, and only where text sums are. */
function checkTextSums(
  version: SourceVersion,
  request: AggregateRequest,
  catalogue: SourceCatalogue,
): void {
  const text = request.measures.find(
    (measure) =>
      measure.aggregate !== 'count' &&
      catalogue.columns.find((column) => column.name === measure.column)?.type !== 'number',
  );
  if (!version.route.textSums && text) {
    throw new DataError(
      'unsupported',
      `The column "${text.column}" of "${request.source}" does not hold numbers on its server, so its ${text.aggregate} cannot be taken.`,
    );
  }
  const which = request.measures.find((measure) => measure.aggregate !== 'sum');
  if (which) {
    throw new DataError(
      'unsupported',
      `The column "${which.column}" does not hold numbers, so its ${which.aggregate} cannot be taken.`,
    );
  }
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
