import { isBlankRecord, roleCell, roleText } from '../records/records';
import type { CellRecord } from '../records/records';
import { TARGETS_SCHEMA, headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import { readCell } from '../values/cells';
import type { Lang } from '../values/values';
import type { Cell } from '../values/cells';
import { type MessageCode, messageText } from '../messages/catalogue';

/** S specific, M measurable, A assignable (an owner), R relevant (a plan dimension), T time-bound. */
export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface SmartTarget {
  dimension?: string;
  metric?: string;
  /** The target figure: its text, or the cell the loader read. */
  target?: Cell;
  /** The deadline: its text, or the cell the loader read. */
  deadline?: Cell;
  owner?: string;
}

export interface SmartFinding {
  letter: SmartLetter;
  field: keyof SmartTarget;
  message: string;
}

export interface SmartIssue extends SmartFinding {
  row: number;
}

const FINDINGS: Record<SmartLetter, { field: keyof SmartTarget; code: MessageCode }> = {
  S: { field: 'metric', code: 'smartS' },
  M: { field: 'target', code: 'smartM' },
  A: { field: 'owner', code: 'smartA' },
  R: { field: 'dimension', code: 'smartR' },
  T: { field: 'deadline', code: 'smartT' },
};

/** Checks one target against SMART and names each letter it fails. */
export function lintTarget(target: SmartTarget, lang: Lang = 'zh-CN'): SmartFinding[] {
  const value = readCell(target.target);
  const deadline = readCell(target.deadline);
  const fails: Record<SmartLetter, boolean> = {
    S: !target.metric?.trim(),
    M: value.kind !== 'number',
    A: !target.owner?.trim(),
    R: !target.dimension?.trim(),
    T: deadline.kind !== 'date' && deadline.kind !== 'period',
  };
  return (Object.keys(fails) as SmartLetter[])
    .filter((letter) => fails[letter])
    .map((letter) => {
      const { field, code } = FINDINGS[letter];
      return { letter, field, message: messageText(lang, code) };
    });
}

/** Lints every row of a targets table (目标设定表); redacted owners ('**') count as present. */
export function lintTargets(
  records: readonly CellRecord[],
  options: { overrides?: Readonly<Record<string, string>>; lang?: Lang } = {},
): { issues: SmartIssue[]; checked: number; resolution: ColumnResolution } {
  const resolution = resolveColumns(headersOf(records), TARGETS_SCHEMA, options.overrides);
  const issues: SmartIssue[] = [];
  let checked = 0;
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    checked++;
    const target: SmartTarget = {};
    for (const field of ['dimension', 'metric', 'owner'] as const) {
      const text = roleText(record, resolution, field);
      if (text) target[field] = text;
    }
    for (const field of ['target', 'deadline'] as const) {
      const cell = roleCell(record, resolution, field);
      if (cell) target[field] = cell;
    }
    for (const finding of lintTarget(target, options.lang))
      issues.push({ ...finding, row: index + 1 });
  });
  return { issues, checked, resolution };
}
