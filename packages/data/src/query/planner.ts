import type { RecordRow } from '../loaded-table';
import type { AggregateBatcher, Alongside } from './batching';
import type { AggregateRequest, DataResult, RowsRequest } from './contract';
import type { JsTable } from './js-table';
import { renderRows, renderTextSums } from './render';
import { planAggregate, planRows, type Question, type RowOptions } from './questions';
import type { Route, SourceVersion } from './source-versions';
import { renderTwinRows, storedCells, twinCells } from './typed-rows';

/**
 * Turns a request over a source version into one question, and decides once who answers
 * it: the source's JS table when it can (a small CSV), else a pre-aggregate when the source
 * is large enough and one holds the answer, else the database (aggregates batched per turn).
 */
export class Planner {
  constructor(
    private readonly batcher: AggregateBatcher,
    /** Sources with at least this many rows answer aggregates from pre-aggregates. */
    private readonly preAggregateFrom: number,
  ) {}

  async answer(
    version: SourceVersion,
    request: RowsRequest | AggregateRequest,
  ): Promise<DataResult> {
    const planned =
      request.kind === 'rows'
        ? await planRows(version, request)
        : await planAggregate(version, request);
    const { question, columns } = planned;
    const fromJs = version.js ? inJs(version.js, question) : undefined;
    if (fromJs) return { columns, rows: fromJs, plan: planned.plan, cached: false };
    const { route, preAggregates, loaded } = version;
    let alongside: Alongside | undefined;
    if (
      question.kind === 'aggregate' &&
      route.preAggregates &&
      loaded.rowCount >= this.preAggregateFrom
    ) {
      preAggregates.declare(question.plan);
      // Only a filter builds one now; a request without finds one built in the background,
      // or has its scan group the rows the likeliest drills will ask for too.
      const build = Object.keys(question.plan.filter).length > 0;
      const rows = await preAggregates.answer(question.plan, build, question.exactSums);
      if (rows) return { columns, rows, plan: 'pre-aggregate', cached: false };
      if (!build) alongside = preAggregates.alongside(question.plan.table);
    }
    const rows = await this.#inDatabase(route, question, alongside);
    return { columns, rows, plan: planned.plan, cached: false };
  }

  async #inDatabase(
    route: Route,
    question: Question,
    alongside?: Alongside,
  ): Promise<readonly RecordRow[]> {
    const { dialect } = route;
    switch (question.kind) {
      case 'rows':
        return route.run(
          rowsSql(route, question.table, question.columns, question.options, question.text),
        );
      case 'twin-rows': {
        const { table, typedTable, twin, options } = question;
        const rows = await route.run(
          renderTwinRows(dialect, { ...options, table, typedTable, columns: twin }),
        );
        return twinCells(rows, twin);
      }
      case 'stored-cells': {
        const { table, columns, options, stored } = question;
        return storedCells(
          await route.run(rowsSql(route, table, columns, options, false)),
          columns,
          stored,
        );
      }
      case 'text-sums':
        return route.run(renderTextSums(dialect, question.plan, question.twin));
      case 'aggregate':
        return this.batcher.aggregate(route, question.plan, alongside);
    }
  }
}

/** The JS table's answer to `question`, or undefined when only the database can give it. */
function inJs(js: JsTable, question: Question): RecordRow[] | undefined {
  switch (question.kind) {
    case 'rows':
      return js.rows(question.columns, question.options);
    case 'twin-rows':
      return js.cells(question.twin, question.options);
    case 'stored-cells':
      return undefined;
    case 'text-sums':
      return question.twin ? js.textSums(question.plan) : undefined;
    case 'aggregate':
      return js.aggregate(question.plan);
  }
}

function rowsSql(
  route: Route,
  table: string,
  columns: readonly string[],
  options: RowOptions,
  text: boolean,
): ReturnType<typeof renderRows> {
  return renderRows(route.dialect, table, columns, {
    filter: options.filter,
    text,
    ...(options.orderBy ? { orderBy: options.orderBy } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
}
