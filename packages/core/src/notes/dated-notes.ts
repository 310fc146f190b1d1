import { type CellRecord, isBlankRecord, roleCell, roleText } from '../records/records';
import {
  type ColumnResolution,
  headersOf,
  resolveColumns,
  type RoleSchema,
} from '../records/roles';
import { cellText, readCell } from '../values/cells';
import { normaliseText } from '../values/values';

/**
 * A notes table: dated reasons written beside the figures (the template's 差异原因 and
 * 归因分析, kept as they come). One row per note: its day, what it is about — a metric, a
 * dimension path such as `华东/上海`, or both — who wrote it and what it says.
 */
export const NOTES_SCHEMA: RoleSchema = {
  name: 'notes',
  roles: [
    { role: 'date', required: true, aliases: ['date', '日期', '记录日期', 'day'] },
    { role: 'metric', required: false, aliases: ['metric', '指标', '指标名称', 'kpi'] },
    {
      role: 'path',
      required: false,
      aliases: ['path', '路径', '维度', '维度路径', 'dimension', 'dimension_path'],
    },
    { role: 'author', required: false, aliases: ['author', '作者', '记录人', '填写人'] },
    {
      role: 'text',
      required: true,
      aliases: ['text', '内容', '备注', '说明', 'note', 'notes', 'comment'],
    },
  ],
};

/** One note as read: its day (ISO), what it is about, who wrote it, what it says. */
export interface DatedNote {
  date: string;
  metric?: string;
  /** The dimension path, top level first; empty when the note is about a metric as a whole. */
  path: readonly string[];
  author?: string;
  text: string;
  /** Its row among the table's data rows, counted from 1. */
  row: number;
}

/** Why a row of a notes table could not be used. */
export type BadNoteReason = 'no-date' | 'unreadable-date' | 'no-text' | 'no-subject';

export interface BadNoteRow {
  row: number;
  reason: BadNoteReason;
}

/** A column a notes table cannot do without (`metric`: a metric or a path column). */
export type NotesColumn = 'date' | 'text' | 'metric';

/** A notes table read: the notes latest first, the rows left out and why, the columns found. */
export interface NotesBook {
  notes: DatedNote[];
  bad: BadNoteRow[];
  resolution: ColumnResolution;
  /** Roles the table lacks: `date`, `text`, or `metric` when it names neither a metric nor a path. */
  missing: NotesColumn[];
}

/** What a row, tile or alert is about, as notes are matched to it. */
export interface NoteSubject {
  metric?: string | undefined;
  path: readonly string[];
}

/**
 * Reads a notes table. Every row with a readable day (2024-08-12, 2024/8/12, 2024年8月12日),
 * some text and a metric or a path is a note; every other non-blank row is counted, with
 * why. Notes come latest first; of one day, the row written later first.
 */
export function readNotes(
  records: readonly CellRecord[],
  options: { headers?: readonly string[]; overrides?: Readonly<Record<string, string>> } = {},
): NotesBook {
  const headers = options.headers ?? headersOf(records);
  const resolution = resolveColumns(headers, NOTES_SCHEMA, options.overrides);
  const missing: NotesColumn[] = (['date', 'text'] as const).filter(
    (role) => !resolution.columns[role],
  );
  if (!resolution.columns.metric && !resolution.columns.path) missing.push('metric');
  const notes: DatedNote[] = [];
  const bad: BadNoteRow[] = [];
  if (missing.length > 0) return { notes, bad, resolution, missing };
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const read = readNote(record, resolution, row);
    if ('reason' in read) bad.push(read);
    else notes.push(read);
  });
  notes.sort((a, b) => (a.date === b.date ? b.row - a.row : a.date < b.date ? 1 : -1));
  return { notes, bad, resolution, missing };
}

function readNote(
  record: CellRecord,
  resolution: ColumnResolution,
  row: number,
): DatedNote | BadNoteRow {
  const dateCell = roleCell(record, resolution, 'date');
  if (dateCell === undefined) return { row, reason: 'no-date' };
  const day = readCell(dateCell);
  if (day.kind !== 'date') return { row, reason: 'unreadable-date' };
  const text = writtenText(record, resolution, 'text');
  if (!text) return { row, reason: 'no-text' };
  const metric = roleText(record, resolution, 'metric');
  const path = pathOf(roleText(record, resolution, 'path') ?? '');
  if (!metric && path.length === 0) return { row, reason: 'no-subject' };
  const author = writtenText(record, resolution, 'author');
  return {
    date: day.value,
    ...(metric ? { metric } : {}),
    path,
    ...(author ? { author } : {}),
    text,
    row,
  };
}

/** A cell's text as its writer wrote it (full-width punctuation kept), trimmed; undefined when blank. */
function writtenText(
  record: CellRecord,
  resolution: ColumnResolution,
  role: string,
): string | undefined {
  const header = resolution.columns[role];
  const text = header === undefined ? '' : cellText(record[header]).trim();
  return text || undefined;
}

/** `华东/上海` (or `华东 › 上海`, `华东 > 上海`) as its levels, top first. */
export function pathOf(written: string): string[] {
  return written
    .split(/[/／>›]/)
    .map((level) => normaliseText(level))
    .filter((level) => level !== '');
}

/** A name as people write it, for comparison: full/half width, case and runs of spaces aside. */
function nameKey(name: string): string {
  return normaliseText(name.normalize('NFKC')).toLowerCase();
}

/** A dimension path as one key (levels joined by a character no name holds). */
function pathKey(path: readonly string[]): string {
  return path.map(nameKey).join('\u0000');
}

/** The notes about any of a figure's subjects, latest first, each once. */
export type NotesLookup = (subjects: readonly NoteSubject[]) => DatedNote[];

/**
 * Finds the notes about a subject: those on the same dimension path (both empty for a metric
 * as a whole) and the same metric, unless one of them names none. `notes` are indexed once by
 * path, so a long list of rows or alerts asks in constant time each.
 */
export function notesLookup(notes: readonly DatedNote[]): NotesLookup {
  const byPath = new Map<string, { at: number; metric: string | undefined }[]>();
  notes.forEach((note, at) => {
    const key = pathKey(note.path);
    const entry = { at, metric: note.metric === undefined ? undefined : nameKey(note.metric) };
    byPath.set(key, [...(byPath.get(key) ?? []), entry]);
  });
  return (subjects) => {
    const found = new Set<number>();
    for (const subject of subjects) {
      const metric = subject.metric === undefined ? undefined : nameKey(subject.metric);
      for (const entry of byPath.get(pathKey(subject.path)) ?? []) {
        if (!entry.metric || !metric || entry.metric === metric) found.add(entry.at);
      }
    }
    return [...found].sort((a, b) => a - b).flatMap((at) => notes[at] ?? []);
  };
}

/** What a labelled row is about: the metric of that name, or the top-level dimension value. */
export function labelSubjects(label: string): NoteSubject[] {
  return [{ metric: label, path: [] }, { path: [label] }];
}
