import type { ColumnResolution } from './roles';
import { normaliseText } from '../values/values';
import { cellText, isBlank } from '../values/cells';
import type { Lang, ParsedCell } from '../values/values';
import type { Cell } from '../values/cells';
import { messageText } from '../messages/catalogue';

/**
 * One data row as core reads it: header → cell, either already read by the loader or the
 * text as written (see `Cell`); `readCell` reads either.
 */
export type CellRecord = Readonly<Record<string, Cell>>;

/** One data row as text: header → cell text as written (every column VARCHAR). */
export type TableRecord = Readonly<Record<string, string | null>>;

/** A cell that should have held a number or date but did not; reported, never dropped silently. */
export interface UnreadableCell {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** True for a row whose every cell is blank (spreadsheet padding, merged-cell leftovers). */
export function isBlankRecord(record: CellRecord): boolean {
  return Object.values(record).every(isBlank);
}

/** The trimmed text of the cell playing a role, or undefined when the column or the value is absent. */
export function roleText(
  record: CellRecord,
  resolution: ColumnResolution,
  role: string,
): string | undefined {
  const header = resolution.columns[role];
  const value = header === undefined ? '' : normaliseText(cellText(record[header]));
  return value || undefined;
}

/**
 * The cell playing a role, or undefined when the column or the value is absent: a cell the
 * loader read as it is, text trimmed as `roleText` gives it.
 */
export function roleCell(
  record: CellRecord,
  resolution: ColumnResolution,
  role: string,
): Cell | undefined {
  const header = resolution.columns[role];
  if (header === undefined) return undefined;
  const cell = record[header];
  if (cell !== null && cell !== undefined && typeof cell !== 'string') {
    return isBlank(cell) ? undefined : cell;
  }
  return roleText(record, resolution, role);
}

/** Words for a cell that should have held a number but did not. */
export function unreadableReason(cell: ParsedCell, lang: Lang): string {
  if (cell.kind === 'date') return messageText(lang, 'cellNotNumberDate');
  if (cell.kind === 'period') return messageText(lang, 'cellNotNumberPeriod');
  return messageText(lang, 'cellNotNumberText');
}
