import {
  resolveColumns,
  headersOf,
  type ColumnResolution,
  type RoleSchema,
} from '../records/roles';
import { isBlankRecord, roleCell, roleText, type CellRecord } from '../records/records';
import { readCell } from '../values/cells';
import { headerKey } from '../records/roles';
import type { PacingCurve } from './pacing';

/** The columns of a page's own calendar: 日期 / date, 类型 / kind, 名称 / name. */
export const CALENDAR_FILE_SCHEMA: RoleSchema = {
  name: 'calendar',
  roles: [
    { role: 'date', required: true, aliases: ['date', '日期', 'day'] },
    { role: 'kind', required: true, aliases: ['kind', '类型', '类别', 'type'] },
    { role: 'name', required: false, aliases: ['name', '名称', '节日', 'holiday'] },
  ],
};

/** What a row of a page's file says of its day: a day off, or a worked day (调休 or a company day). */
export type CalendarDayKind = 'off' | 'work';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** A row of a pacing file that was left out: its number among the data rows (1 = the first under the header) and why. */
export interface BadPacingRow {
  row: number;
  reason: 'date' | 'kind' | 'weight';
  value: string;
}

/** A page's calendar as read: the days it names, the rows left out, the columns it lacks. */
export interface PageCalendar {
  days: CalendarDay[];
  bad: BadPacingRow[];
  missing: string[];
}

const KIND_WORDS: Record<string, CalendarDayKind> = Object.fromEntries([
  ...['假日', '休', '假', '休息', '放假', '节假日', 'holiday', 'off', 'dayoff'].map(
    (word) => [headerKey(word), 'off'] as const,
  ),
  ...['班', '上班', '补班', '调休', 'workday', 'work', 'working', 'workingday'].map(
    (word) => [headerKey(word), 'work'] as const,
  ),
]);

/** A kind cell as a day's kind: 假日 / 休 / holiday / off, or 班 / 调休 / workday / work. */
export function readDayKind(text: string): CalendarDayKind | undefined {
  return KIND_WORDS[headerKey(text)];
}

/** The ISO day a row's date cell holds, or undefined. */
export function rowDate(record: CellRecord, resolution: ColumnResolution): string | undefined {
  const cell = readCell(roleCell(record, resolution, 'date'));
  return cell.kind === 'date' ? cell.value : undefined;
}

/** Reads a page's calendar file; rows whose date or kind cannot be read are counted, the rest kept. */
export function readCalendarFile(records: readonly CellRecord[]): PageCalendar {
  const resolution = resolveColumns(headersOf(records), CALENDAR_FILE_SCHEMA);
  if (resolution.missing.length > 0) return { days: [], bad: [], missing: resolution.missing };
  const days: CalendarDay[] = [];
  const bad: BadPacingRow[] = [];
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const date = rowDate(record, resolution);
    const kindText = roleText(record, resolution, 'kind') ?? '';
    const kind = readDayKind(kindText);
    if (!date) bad.push({ row, reason: 'date', value: roleText(record, resolution, 'date') ?? '' });
    else if (!kind) bad.push({ row, reason: 'kind', value: kindText });
    else days.push({ date, kind, name: roleText(record, resolution, 'name') ?? '' });
  });
  return { days, bad, missing: [] };
}

type WorkingDays = Extract<PacingCurve, { kind: 'working-days' }>;

/**
 * The shipped calendar with a page's own days laid over it: a day the page names takes the
 * page's kind (a day off, or a worked day), whatever the shipped calendar said of it; every
 * other day keeps the shipped calendar's word. A later row for the same day wins.
 */
export function withPageCalendar(shipped: WorkingDays, days: readonly CalendarDay[]): WorkingDays {
  const holidays = new Set(shipped.holidays ?? []);
  const extraWorkdays = new Set(shipped.extraWorkdays ?? []);
  for (const day of days) {
    if (day.kind === 'off') {
      holidays.add(day.date);
      extraWorkdays.delete(day.date);
    } else {
      extraWorkdays.add(day.date);
      holidays.delete(day.date);
    }
  }
  return { ...shipped, holidays: [...holidays], extraWorkdays: [...extraWorkdays] };
}
