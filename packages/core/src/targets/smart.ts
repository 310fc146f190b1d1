import { isBlankRecord, roleText } from '../records/records';
import type { TableRecord } from '../records/records';
import { TARGETS_SCHEMA, headersOf, resolveColumns } from '../records/roles';
import type { ColumnResolution } from '../records/roles';
import { parseCell } from '../values/values';
import type { Lang } from '../values/values';

/** S specific, M measurable, A assignable (an owner), R relevant (a plan dimension), T time-bound. */
export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface SmartTarget {
  dimension?: string;
  metric?: string;
  target?: string;
  deadline?: string;
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

const MESSAGES: Record<SmartLetter, { field: keyof SmartTarget; zh: string; en: string }> = {
  S: { field: 'metric', zh: '缺少具体指标（S 具体）', en: 'no metric named (S: specific)' },
  M: {
    field: 'target',
    zh: '目标值不是数字（M 可衡量）',
    en: 'the target is not a number (M: measurable)',
  },
  A: { field: 'owner', zh: '没有责任人（A 可落实）', en: 'no owner (A: assignable)' },
  R: {
    field: 'dimension',
    zh: '没有目标维度（R 相关）',
    en: 'no dimension of the plan (R: relevant)',
  },
  T: {
    field: 'deadline',
    zh: '没有可识别的完成时限（T 有时限）',
    en: 'no readable deadline (T: time-bound)',
  },
};

/** Checks one target against SMART and names each letter it fails. */
export function lintTarget(target: SmartTarget, lang: Lang = 'zh-CN'): SmartFinding[] {
  const value = parseCell(target.target);
  const deadline = parseCell(target.deadline);
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
      const { field, zh, en } = MESSAGES[letter];
      return { letter, field, message: lang === 'zh-CN' ? zh : en };
    });
}

/** Lints every row of a targets table (目标设定表); redacted owners ('**') count as present. */
export function lintTargets(
  records: readonly TableRecord[],
  options: { overrides?: Readonly<Record<string, string>>; lang?: Lang } = {},
): { issues: SmartIssue[]; checked: number; resolution: ColumnResolution } {
  const resolution = resolveColumns(headersOf(records), TARGETS_SCHEMA, options.overrides);
  const issues: SmartIssue[] = [];
  let checked = 0;
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    checked++;
    const target: SmartTarget = {};
    for (const field of ['dimension', 'metric', 'target', 'deadline', 'owner'] as const) {
      const text = roleText(record, resolution, field);
      if (text) target[field] = text;
    }
    for (const finding of lintTarget(target, options.lang))
      issues.push({ ...finding, row: index + 1 });
  });
  return { issues, checked, resolution };
}
