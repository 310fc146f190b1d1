import { PROGRESS_SCHEMA, resolveColumns } from '@stratex/core';
import type { AggregateRequest, DimensionFilter, RowsRequest } from '@stratex/data';

/** How many tasks the tracker reads from a database server unless `max-tasks` says otherwise. */
export const DEFAULT_MAX_TASKS = 200;

/** What the tracker knows of a table on a database server. */
export interface TaskTable {
  columns: readonly string[];
}

/**
 * The part of another widget's selection the server must apply: every choice on a column the
 * table has (only a bounded part of its rows comes to the page, so none can be applied here).
 */
export function taskFilter(
  table: TaskTable,
  selection: Readonly<Record<string, string>> | null | undefined,
): DimensionFilter {
  if (!selection) return {};
  return Object.fromEntries(
    Object.entries(selection).filter(([column]) => table.columns.includes(column)),
  );
}

/**
 * What the tracker asks of a task table on a database server: the `limit` tasks that end
 * first (then by start and name, so the same rows come every time), as core's cells, and
 * how many tasks match in all, so the widget can say how many it shows of how many. A table
 * without the task columns gives one row, enough for the widget to say which are missing.
 */
export function taskRequests(
  source: string,
  table: TaskTable,
  overrides: Readonly<Record<string, string>>,
  limit: number,
  filter: DimensionFilter = {},
): { rows: RowsRequest; count?: AggregateRequest } {
  const found = resolveColumns(table.columns, PROGRESS_SCHEMA, overrides).columns;
  const { task, planned_start: start, planned_end: end } = found;
  if (!task || !start || !end) return { rows: { kind: 'rows', source, as: 'cells', limit: 1 } };
  return {
    rows: {
      kind: 'rows',
      source,
      as: 'cells',
      filter,
      orderBy: [end, start, task].map((column) => ({ column })),
      limit: Math.max(1, Math.trunc(limit)),
    },
    count: {
      kind: 'aggregate',
      source,
      groupBy: [],
      measures: [{ column: task, aggregate: 'count', as: 'sx_tasks' }],
      filter,
    },
  };
}
