import { tidy } from '../targets/achievement';
import { daysBetween } from '../values/dates';
import { formatDayMonth, formatRate } from '../values/format';
import { elapsedShare, type PacingCurve } from '../targets/pacing';
import { PROGRESS_SCHEMA, headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import { isBlankRecord, roleCell, roleText } from '../records/records';
import type { CellRecord, UnreadableCell } from '../records/records';
import type { Status } from '../targets/status';
import { readCell } from '../values/cells';
import type { Lang } from '../values/values';
import type { Cell } from '../values/cells';
import { type MessageCode, messageText } from '../messages/catalogue';

export type TaskState = 'not-started' | 'on-track' | 'lagging' | 'overdue' | 'done' | 'unknown';

export interface ProgressReading {
  value: number | null;
  note?: string;
}

export interface TaskLag {
  expected: number | null;
  actual: number | null;
  /** expected − actual, in share of the task (0.23 = 23 points behind). */
  lag: number | null;
  state: TaskState;
  status: Status;
  reason: string;
  daysLate?: number;
}

export interface TaskPlan {
  task: string;
  plannedStart?: string;
  plannedEnd?: string;
  progress: number | null;
}

export interface TrackedTask extends TaskPlan, TaskLag {
  owner?: string;
  note?: string;
  risk?: string;
  mitigation?: string;
  sourceRow: number;
}

export interface ProgressReport {
  tasks: TrackedTask[];
  resolution: ColumnResolution;
  unreadable: UnreadableCell[];
}

const DONE_WORDS = /^(已?完成|已结束|done|completed?|finished)$/i;
const NOT_STARTED_WORDS = /^(未开始|待开始|not started|to do|todo)$/i;

/** Reads a progress cell: '90%（设计中）' → 0.9 with note, '完成' → 1, '未开始' → 0, '60' → 0.6. */
export function readProgress(raw: Cell): ProgressReading {
  const cell = readCell(raw, 'percent');
  if (cell.kind === 'number' && cell.unit !== 'money' && cell.unit !== 'count') {
    const value = cell.unit === 'number' && cell.value > 1 ? tidy(cell.value / 100) : cell.value;
    return cell.note ? { value, note: cell.note } : { value };
  }
  if (cell.kind === 'text') {
    if (DONE_WORDS.test(cell.value)) return { value: 1, note: cell.value };
    if (NOT_STARTED_WORDS.test(cell.value)) return { value: 0, note: cell.value };
    return { value: null, note: cell.value };
  }
  return { value: null };
}

/** Share of a task that should be done by the end of the as-of day, on the pacing curve between planned start and end (default linear). */
export function expectedProgress(
  plannedStart: string,
  plannedEnd: string,
  asOf: string,
  curve?: PacingCurve,
): number | null {
  return elapsedShare({ start: plannedStart, end: plannedEnd }, asOf, curve)?.share ?? null;
}

/** Compares actual with expected progress at the as-of date; lagging means behind by the tolerance (default 10 points) or more. */
export function progressLag(
  plan: TaskPlan,
  asOf: string,
  options: { tolerance?: number; lang?: Lang; curve?: PacingCurve } = {},
): TaskLag {
  const lang = options.lang ?? 'zh-CN';
  const tolerance = options.tolerance ?? 0.1;
  const { task, plannedStart: start, plannedEnd: end, progress: actual } = plan;
  const unknown = (code: MessageCode, expected: number | null = null): TaskLag => ({
    expected,
    actual,
    lag: null,
    state: 'unknown',
    status: 'unknown',
    reason: messageText(lang, code, { task }),
  });
  if (!start || !end) return unknown('taskNoDates');
  const span = daysBetween(start, end);
  if (span === null) return unknown('taskDatesUnreadable');
  if (span < 0) return unknown('taskEndBeforeStart');
  const expected = expectedProgress(start, end, asOf, options.curve);
  if (actual === null) return unknown('taskProgressUnreadable', expected);
  const lag = expected === null ? null : tidy(expected - actual);
  const shown = formatRate(actual, lang);
  const base = { expected, actual, lag };
  if (actual >= 1) {
    return {
      ...base,
      state: 'done',
      status: 'on-track',
      reason: messageText(lang, 'taskDone', { task, progress: shown }),
    };
  }
  const late = daysBetween(end, asOf) ?? 0;
  if (late > 0) {
    const due = formatDayMonth(end, lang);
    const reason = messageText(lang, late === 1 ? 'taskOverdueOneDay' : 'taskOverdue', {
      task,
      days: late,
      progress: shown,
      due,
    });
    return { ...base, state: 'overdue', status: 'off-track', reason, daysLate: late };
  }
  if ((daysBetween(asOf, start) ?? 0) > 0 && actual === 0) {
    const starts = formatDayMonth(start, lang);
    const reason = messageText(lang, 'taskStarts', { task, starts });
    return { ...base, state: 'not-started', status: 'on-track', reason };
  }
  const by = formatDayMonth(asOf, lang);
  const should = formatRate(expected, lang);
  const lagging = lag !== null && lag >= tolerance;
  const points = Math.round(Math.abs(lag ?? 0) * 100);
  const reason = messageText(lang, lagging ? 'taskLagging' : 'taskOnPace', {
    task,
    progress: shown,
    expected: should,
    by,
    points,
  });
  return lagging
    ? { ...base, state: 'lagging', status: 'at-risk', reason }
    : { ...base, state: 'on-track', status: 'on-track', reason };
}

/** Reads a progress table (执行进度跟踪表) and judges every task at the as-of date. */
export function trackProgress(
  records: readonly CellRecord[],
  options: {
    asOf: string;
    overrides?: Readonly<Record<string, string>>;
    lang?: Lang;
    tolerance?: number;
    curve?: PacingCurve;
  },
): ProgressReport {
  const lang = options.lang ?? 'zh-CN';
  const resolution = resolveColumns(headersOf(records), PROGRESS_SCHEMA, options.overrides);
  const unreadable: UnreadableCell[] = [];
  const tasks: TrackedTask[] = [];
  if (resolution.missing.length > 0) return { tasks, resolution, unreadable };
  const text = (record: CellRecord, role: string): string | undefined =>
    roleText(record, resolution, role);
  const expectations = { date: 'cellExpectedTaskDate', progress: 'cellExpectedProgress' } as const;
  const problem = (row: number, role: string, value: string, kind: 'date' | 'progress'): void => {
    const column = resolution.columns[role] ?? role;
    unreadable.push({ row, column, value, reason: messageText(lang, expectations[kind]) });
  };

  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const sourceRow = index + 1;
    const dateOf = (role: 'planned_start' | 'planned_end'): string | undefined => {
      const raw = roleCell(record, resolution, role);
      const cell = readCell(raw);
      if (cell.kind === 'date') return cell.value;
      if (cell.kind === 'period') return role === 'planned_start' ? cell.start : cell.end;
      if (raw) problem(sourceRow, role, text(record, role) ?? '', 'date');
      return undefined;
    };
    const plannedStart = dateOf('planned_start');
    const plannedEnd = dateOf('planned_end');
    const rawProgress = roleCell(record, resolution, 'progress');
    const reading = readProgress(rawProgress);
    if (reading.value === null && rawProgress)
      problem(sourceRow, 'progress', text(record, 'progress') ?? '', 'progress');
    const plan: TaskPlan = {
      task: text(record, 'task') ?? '',
      plannedStart,
      plannedEnd,
      progress: reading.value,
    };
    const judged = progressLag(plan, options.asOf, {
      lang,
      tolerance: options.tolerance,
      curve: options.curve,
    });
    const tracked: TrackedTask = { ...plan, ...judged, sourceRow };
    for (const role of ['owner', 'risk', 'mitigation'] as const) {
      const value = text(record, role);
      if (value) tracked[role] = value;
    }
    if (reading.note) tracked.note = reading.note;
    tasks.push(tracked);
  });
  return { tasks, resolution, unreadable };
}
