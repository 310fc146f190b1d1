import type { TaskState, TrackedTask } from './progress-lag';
import type { Lang } from '../values/values';

/** How a progress table can be ordered: as the table lists it, by planned end, most behind first, by owner. */
export type TaskOrder = 'table' | 'end' | 'lag' | 'owner';

export const TASK_ORDERS: readonly TaskOrder[] = ['table', 'end', 'lag', 'owner'];

/** Task states from the most to the least urgent. */
export const TASK_STATES: readonly TaskState[] = [
  'overdue',
  'lagging',
  'on-track',
  'not-started',
  'done',
  'unknown',
];

export interface TaskFilter {
  /** Keep one owner's tasks; '' keeps tasks without an owner. */
  owner?: string;
  state?: TaskState;
}

const collators = new Map<Lang, Intl.Collator>();

function collator(lang: Lang): Intl.Collator {
  let found = collators.get(lang);
  if (!found) {
    found = new Intl.Collator(lang, { numeric: true });
    collators.set(lang, found);
  }
  return found;
}

/** Orders tasks without changing the input; ties keep the table's order, unknown values go last. */
export function sortTasks(
  tasks: readonly TrackedTask[],
  order: TaskOrder,
  lang: Lang = 'zh-CN',
): TrackedTask[] {
  const compare: Record<TaskOrder, (a: TrackedTask, b: TrackedTask) => number> = {
    table: () => 0,
    end: (a, b) => missingLast(a.plannedEnd, b.plannedEnd, (x, y) => x.localeCompare(y)),
    lag: (a, b) => missingLast(a.lag, b.lag, (x, y) => y - x),
    owner: (a, b) => missingLast(a.owner, b.owner, collator(lang).compare),
  };
  return [...tasks].sort((a, b) => compare[order](a, b) || a.sourceRow - b.sourceRow);
}

function missingLast<T>(
  a: T | null | undefined,
  b: T | null | undefined,
  compare: (a: T, b: T) => number,
): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return compare(a, b);
}

/** Keeps the tasks that match every part of the filter. */
export function filterTasks(tasks: readonly TrackedTask[], filter: TaskFilter): TrackedTask[] {
  return tasks.filter(
    (task) =>
      (filter.owner === undefined || (task.owner ?? '') === filter.owner) &&
      (filter.state === undefined || task.state === filter.state),
  );
}

/** Distinct owners in collation order; '' stands for tasks that name no owner and comes last. */
export function taskOwners(tasks: readonly TrackedTask[], lang: Lang = 'zh-CN'): string[] {
  const owners = [...new Set(tasks.map((task) => task.owner ?? ''))];
  return owners.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator(lang).compare(a, b)));
}

/** How many tasks are in each state, listed in urgency order. */
export function countByState(tasks: readonly TrackedTask[]): Record<TaskState, number> {
  const counts = Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as Record<
    TaskState,
    number
  >;
  for (const task of tasks) counts[task.state] += 1;
  return counts;
}
