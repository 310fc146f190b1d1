import type { PacingNoteFacts } from '../base/pacing';
import {
  TARGET_SPLIT_SCHEMA,
  amountFromText,
  checkStatedTotal,
  dateFromText,
  findHeader,
  measureTarget,
  type PacingCurve,
  pacingCurve,
  parseDirection,
  periodFromText,
  readPacing,
  resolveColumns,
  rollupByLevels,
  type SplitCheck,
  type CellRecord,
  type TargetMeasure,
  type TargetMeasureOptions,
  type TargetNode,
  type TargetTree,
  type Unit,
  type UnreadableCell,
} from '@stratex/core';
import { type ColumnAttributes, columnOverrides } from '../base/column-attributes';

export interface BreakdownRequest {
  /** Comma-separated level columns, as the attribute gives them. */
  levels?: string | undefined;
  target?: string | undefined;
  actual?: string | undefined;
}

/** The element's attributes as written. */
export interface BreakdownAttributes {
  levels?: string | undefined;
  target?: string | undefined;
  actual?: string | undefined;
  targetColumn?: string | undefined;
  actualColumn?: string | undefined;
  direction?: string | undefined;
  asOf?: string | undefined;
  period?: string | undefined;
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
  pacing?: string | undefined;
  totalTarget?: string | undefined;
  valueFormat?: string | undefined;
}

export interface BreakdownSettings {
  request: BreakdownRequest;
  measure: TargetMeasureOptions;
  unit: Unit;
  totalTarget: number | null;
}

const UNITS: readonly Unit[] = ['money', 'count', 'number', 'percent'];

/** The treemap's figure columns: `target` (or `target-column`) and `actual` (or `actual-column`). */
export const BREAKDOWN_COLUMN_ATTRIBUTES: ColumnAttributes = {
  target: ['target', 'targetColumn'],
  actual: ['actual', 'actualColumn'],
};

/** Reads the attributes: which columns, which direction, which period, which unit. */
export function readSettings(
  attributes: BreakdownAttributes,
  curve: PacingCurve = pacingCurve(readPacing(attributes.pacing)),
): BreakdownSettings {
  const period = periodFromText(attributes.period, attributes.periodStart, attributes.periodEnd);
  const asOf = dateFromText(attributes.asOf);
  const figures = columnOverrides(attributes, BREAKDOWN_COLUMN_ATTRIBUTES);
  return {
    request: { levels: attributes.levels, target: figures.target, actual: figures.actual },
    measure: {
      direction: parseDirection(attributes.direction),
      ...(period && asOf ? { period, asOf, curve } : {}),
    },
    unit: UNITS.find((unit) => unit === attributes.valueFormat) ?? 'money',
    totalTarget: amountFromText(attributes.totalTarget),
  };
}

/** The columns a breakdown reads: the levels (top first), the target (tile area), the actual. */
export interface BreakdownColumns {
  levels: readonly string[];
  target: string;
  actual?: string | undefined;
}

/** The breakdown's columns among a source's headers, or the requested ones it does not have. */
export interface BreakdownResolution {
  /** Undefined when some are missing. */
  columns: BreakdownColumns | undefined;
  missing: string[];
}

const DATE_LIKE = /date|day|time|日期|时间|月份/i;

/** Finds the level, target and actual columns among the headers (exact, else as `findHeader` says). */
export function resolveBreakdown(
  headers: readonly string[],
  request: BreakdownRequest,
): BreakdownResolution {
  const overrides: Record<string, string> = {};
  if (request.target) overrides.target = request.target;
  if (request.actual) overrides.actual = request.actual;
  const roles = resolveColumns(headers, TARGET_SPLIT_SCHEMA, overrides);
  const missing = roles.unknownOverrides.map((entry) => entry.header);
  if (!roles.columns.target && !request.target) missing.push('target');
  const figures = new Set([roles.columns.target, roles.columns.actual]);
  const wanted = (request.levels ?? '')
    .split(/[,，、]/)
    .map((level) => level.trim())
    .filter(Boolean);
  const levels: string[] = [];
  for (const level of wanted) {
    const header = findHeader(headers, level);
    if (header) levels.push(header);
    else missing.push(level);
  }
  if (wanted.length === 0)
    levels.push(...headers.filter((h) => !figures.has(h) && !DATE_LIKE.test(h)).slice(0, 3));
  if (levels.length === 0) missing.push('levels');
  const { target, actual } = roles.columns;
  if (missing.length > 0 || !target) return { columns: undefined, missing };
  return { columns: { levels, target, actual }, missing };
}

export interface Tile {
  node: TargetNode;
  measure: TargetMeasure;
  /** Rolled-up children do not add up to this node's stated target. */
  split: SplitCheck | undefined;
}

export interface Breakdown {
  tree: TargetTree;
  /** The stated total (total-target, or a total row) checked against the top level. */
  splits: SplitCheck[];
  unreadable: UnreadableCell[];
}

/** Rolls the rows up by the level columns and checks a stated total against the top level. */
export function buildBreakdown(
  rows: readonly CellRecord[],
  columns: BreakdownColumns,
  totalTarget: number | null,
): Breakdown {
  const tree = rollupByLevels(rows, {
    levels: columns.levels,
    target: columns.target,
    ...(columns.actual ? { actual: columns.actual } : {}),
  });
  const splits = tree.splits.filter((split) => split.path.length > 0 || totalTarget === null);
  if (totalTarget !== null) {
    const total = checkStatedTotal(totalTarget, tree.root.target);
    if (total) splits.unshift(total);
  }
  return { tree, splits, unreadable: tree.unreadable };
}

/** The node at a drill path, or the deepest one that still exists. */
export function nodeAt(root: TargetNode, path: readonly string[]): TargetNode {
  let node = root;
  for (const key of path) {
    const child = node.children.find((candidate) => candidate.key === key);
    if (!child) break;
    node = child;
  }
  return node;
}

/** The tiles of one level, largest target first, each measured by the core. */
export function tilesOf(
  node: TargetNode,
  splits: readonly SplitCheck[],
  options: TargetMeasureOptions,
): Tile[] {
  return [...node.children]
    .sort((a, b) => (b.target ?? -Infinity) - (a.target ?? -Infinity))
    .map((child) => ({
      node: child,
      measure: measureTarget(child.target, child.actual, options),
      split: splitOf(child, splits),
    }));
}

/** The unbalanced split of the node being viewed, if its parts do not add up. */
export function splitOf(node: TargetNode, splits: readonly SplitCheck[]): SplitCheck | undefined {
  return splits.find(
    (split) =>
      !split.balanced &&
      split.path.length === node.path.length &&
      split.path.every((key, i) => key === node.path[i]),
  );
}

/** The dates the tiles are paced by, as given, for what the treemap says of them; none without a period. */
export function periodFactsOf(
  attributes: BreakdownAttributes,
  settings: BreakdownSettings,
): PacingNoteFacts | undefined {
  const { period, periodStart, periodEnd, asOf } = attributes;
  if (!period && !periodStart && !periodEnd) return undefined;
  return {
    given: [
      { attribute: 'period', value: period, needed: false, period: true },
      { attribute: 'period-start', value: periodStart, needed: !period },
      { attribute: 'period-end', value: periodEnd, needed: !period },
      { attribute: 'as-of', value: asOf, needed: true },
    ],
    period: settings.measure.period ?? null,
    asOf: settings.measure.asOf ?? null,
  };
}
