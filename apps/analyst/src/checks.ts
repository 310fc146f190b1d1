import {
  amountFromText,
  checkStatedTotal,
  describeSplit,
  type Lang,
  lintTargets,
  rollupByLevels,
  type SmartIssue,
  type SplitCheck,
  type TableRecord,
  type Unit,
} from '@stratex/core';
import { type Engine, quoteIdentifier, type RecordRow } from '@stratex/data';
import type { LoadedFile } from './intake';

/** Rows read for the SMART check: a targets table is short; a long file is checked in its start. */
const SMART_ROWS = 2000;

export interface SmartResult {
  checked: number;
  issues: SmartIssue[];
}

export interface RollupResult {
  unit: Unit;
  target: number | null;
  actual: number | null;
  /** Subtotal rows of the file against what their parts add up to, in words. */
  splits: { check: SplitCheck; text: string }[];
  /** The stated overall target against the levels' sum, in words. */
  total?: { check: SplitCheck; text: string };
}

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function textRecords(rows: readonly RecordRow[]): TableRecord[] {
  return rows.map((row) => {
    const record: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(row)) record[key] = asText(value);
    return record;
  });
}

/** Which target lacks a metric, a number, an owner, a dimension or a deadline. */
export async function smartCheck(
  engine: Engine,
  entry: LoadedFile,
  lang: Lang,
): Promise<SmartResult | undefined> {
  const mapping = entry.mapping?.targets;
  if (!entry.loaded || !mapping?.columns.target || !mapping.columns.metric) return undefined;
  const rows = await engine.records(
    `SELECT * FROM ${quoteIdentifier(entry.loaded.table)} LIMIT ${SMART_ROWS}`,
  );
  const overrides: Record<string, string> = {};
  for (const [role, column] of Object.entries(mapping.columns))
    if (column) overrides[role] = column;
  const { issues, checked } = lintTargets(textRecords(rows), { overrides, lang });
  return { issues, checked };
}

/**
 * Adds the breakdown up level by level, in the engine (one row per leaf), then lets the
 * core reconcile subtotal rows and the stated overall target against their parts.
 */
export async function rollupCheck(
  engine: Engine,
  entry: LoadedFile,
  statedTotal: string,
  lang: Lang,
): Promise<RollupResult | undefined> {
  const mapping = entry.mapping?.treemap;
  const loaded = entry.loaded;
  const target = mapping?.columns.target;
  if (!loaded || !mapping || !target || mapping.levels.length === 0) return undefined;
  const actual = mapping.columns.actual;
  const table = quoteIdentifier(loaded.typedTable ?? loaded.table);
  const levels = mapping.levels.map(
    (level, index) => `${quoteIdentifier(level)}::VARCHAR AS ${quoteIdentifier(`l${index}`)}`,
  );
  const figure = (column: string | undefined, name: string): string =>
    column
      ? `sum(TRY_CAST(${quoteIdentifier(column)} AS DOUBLE)) AS ${name}`
      : `NULL::DOUBLE AS ${name}`;
  const rows = await engine.records(
    `SELECT ${levels.join(', ')}, ${figure(target, 'target')}, ${figure(actual, 'actual')}
     FROM ${table} GROUP BY ALL ORDER BY min(rowid)`,
  );
  const levelNames = mapping.levels.map((_, index) => `l${index}`);
  const tree = rollupByLevels(textRecords(rows), {
    levels: levelNames,
    target: 'target',
    actual: 'actual',
    lang,
  });
  const unit = entry.columns?.find((column) => column.name === target)?.unit;
  // Plain numbers are shown as the treemap shows them by default: as money.
  const shownUnit: Unit = unit === 'count' || unit === 'percent' ? unit : 'money';
  const levelLabel = (path: readonly string[]): string =>
    path.length === 0
      ? (mapping.levels[0] ?? '')
      : `${path.join(' › ')} ${mapping.levels[path.length] ?? ''}`;
  const result: RollupResult = {
    unit: shownUnit,
    target: tree.root.target,
    actual: tree.root.actual,
    splits: tree.splits.map((check) => ({
      check,
      text: describeSplit(check, levelLabel(check.path), shownUnit, lang),
    })),
  };
  const stated = amountFromText(statedTotal);
  const total = stated === null ? null : checkStatedTotal(stated, tree.root.target);
  if (total)
    result.total = { check: total, text: describeSplit(total, levelLabel([]), shownUnit, lang) };
  return result;
}
