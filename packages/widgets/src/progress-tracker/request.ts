import { type CellRecord, PROGRESS_SCHEMA, resolveColumns } from '@stratex/core';
import type { AggregateRequest, DimensionFilter, RowsRequest } from '@stratex/data';
import type { SourceClient } from '../base/client';

/** How many tasks the tracker reads from a database server unless `max-tasks` says otherwise. */
export const DEFAULT_MAX_TASKS = 200;

/** What the tracker knows of a table on a database server. */
export interface TaskTable {
  columns: readonly string[];
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

/**
 * The tracker as a client of a task table on a database server: only the first `limit` tasks
 * come, so its answer is never complete and every choice elsewhere is the server's filter.
 * `counted` hears how many tasks matched in all, with the rows read.
 */
export function taskClient(
  source: string,
  table: TaskTable,
  overrides: Readonly<Record<string, string>>,
  limit: number,
  counted: (rows: CellRecord[], total: number) => void,
): SourceClient {
  return {
    carries: table.columns,
    complete: false,
    request: (filter) => {
      const asked = taskRequests(source, table, overrides, limit, filter);
      return asked.count ? [asked.rows, asked.count] : [asked.rows];
    },
    shape: ({ results }) => {
      const rows = (results[0]?.rows ?? []) as CellRecord[];
      counted(rows, Number(results[1]?.rows[0]?.sx_tasks ?? rows.length));
      return rows;
    },
  };
}
