import type { ColumnResolution } from './roles';
import { isBlank, normaliseText } from '../values/values';
import type { Lang, ParsedCell } from '../values/values';
import { messageText } from '../messages/catalogue';

/** One data row as read from a file: header → cell text (every column VARCHAR). */
export type TableRecord = Readonly<Record<string, string | null>>;

/** A cell that should have held a number or date but did not; reported, never dropped silently. */
export interface UnreadableCell {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** True for a row whose every cell is blank (spreadsheet padding, merged-cell leftovers). */
export function isBlankRecord(record: TableRecord): boolean {
  return Object.values(record).every(isBlank);
}

/** The trimmed text of the cell playing a role, or undefined when the column or the value is absent. */
export function roleText(
  record: TableRecord,
  resolution: ColumnResolution,
  role: string,
): string | undefined {
  const header = resolution.columns[role];
  const value = header === undefined ? '' : normaliseText(record[header] ?? '');
  return value || undefined;
}

/** Words for a cell that should have held a number but did not. */
export function unreadableReason(cell: ParsedCell, lang: Lang): string {
  if (cell.kind === 'date') return messageText(lang, 'cellNotNumberDate');
  if (cell.kind === 'period') return messageText(lang, 'cellNotNumberPeriod');
  return messageText(lang, 'cellNotNumberText');
}
