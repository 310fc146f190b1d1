import { achievement, tidy } from './achievement';
import type { Achievement } from './achievement';
import { isBlankRecord, unreadableReason } from '../records/records';
import type { CellRecord, UnreadableCell } from '../records/records';
import { normaliseText } from '../values/values';
import { cellText, readCell } from '../values/cells';
import type { Lang } from '../values/values';

/** How values are combined within a group; the one spelling core and data share. */
export type Aggregate = 'sum' | 'count' | 'min' | 'max' | 'avg';

export interface TargetNode {
  key: string;
  /** Level values from the top; the root's path is empty. */
  path: string[];
  /** Rolled up from the data rows below (or the node's own stated figure when nothing is below). */
  target: number | null;
  actual: number | null;
  achievement: Achievement;
  /** Figures the file states for this node itself (a subtotal row). */
  stated?: { target: number | null; actual: number | null; row: number };
  /** This node's planned target (stated, else rolled up) as a share of its parent's. */
  shareOfParent: number | null;
  children: TargetNode[];
  rows: number[];
}

export interface SplitCheck {
  path: string[];
  stated: number;
  allocated: number;
  /** stated − allocated: positive means the children leave part of the target unassigned. */
  gap: number;
  balanced: boolean;
}

export interface TargetTree {
  root: TargetNode;
  splits: SplitCheck[];
  unreadable: UnreadableCell[];
}

export interface RollupOptions {
  target: string;
  actual?: string;
  aggregate?: Aggregate;
  lang?: Lang;
  /** Relative difference tolerated before a split counts as unbalanced; default 1e-9. */
  tolerance?: number;
}

interface Summary {
  sum: number;
  count: number;
  min: number;
  max: number;
}

const EMPTY: Summary = { sum: 0, count: 0, min: Infinity, max: -Infinity };

const single = (value: number | null): Summary =>
  value === null ? EMPTY : { sum: value, count: 1, min: value, max: value };

const merge = (a: Summary, b: Summary): Summary => ({
  sum: a.sum + b.sum,
  count: a.count + b.count,
  min: Math.min(a.min, b.min),
  max: Math.max(a.max, b.max),
});

function finish(summary: Summary, how: Aggregate): number | null {
  if (how === 'count') return summary.count;
  if (summary.count === 0) return null;
  const value = {
    sum: summary.sum,
    avg: summary.sum / summary.count,
    min: summary.min,
    max: summary.max,
  }[how];
  return tidy(value);
}

interface Draft {
  key: string;
  path: string[];
  children: Draft[];
  rows: { row: number; target: number | null; actual: number | null }[];
  stated?: { target: number | null; actual: number | null; row: number };
}

const draft = (key: string, path: string[]): Draft => ({ key, path, children: [], rows: [] });

class CellReader {
  readonly unreadable: UnreadableCell[] = [];
  constructor(private readonly lang: Lang) {}
  number(record: CellRecord, header: string | undefined, row: number): number | null {
    if (header === undefined) return null;
    const cell = readCell(record[header]);
    if (cell.kind === 'number') return cell.value;
    if (cell.kind !== 'empty') {
      const value = cellText(record[header]);
      this.unreadable.push({
        row,
        column: header,
        value,
        reason: unreadableReason(cell, this.lang),
      });
    }
    return null;
  }
}

/**
 * A row's place in the tree: its level values down to the last one written, a blank above
 * it taken from the row before (what merged cells leave behind).
 */
export function levelPath(
  record: CellRecord,
  levels: readonly string[],
  previous: readonly string[],
): string[] {
  const values = levels.map((level) => normaliseText(cellText(record[level])));
  const depth = values.reduce((last, value, i) => (value ? i + 1 : last), 0);
  return values.slice(0, depth).map((value, i) => value || (previous[i] ?? ''));
}

/** Builds a target tree from level columns (e.g. region, product_line); rows with trailing blank levels state a subtotal. */
export function rollupByLevels(
  records: readonly CellRecord[],
  options: RollupOptions & { levels: readonly string[] },
): TargetTree {
  const reader = new CellReader(options.lang ?? 'zh-CN');
  const root = draft('', []);
  let previous: string[] = [];
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const path = levelPath(record, options.levels, previous);
    previous = path;
    let node = root;
    for (const [i, key] of path.entries()) {
      let child = node.children.find((candidate) => candidate.key === key);
      if (!child) {
        child = draft(key, path.slice(0, i + 1));
        node.children.push(child);
      }
      node = child;
    }
    const target = reader.number(record, options.target, row);
    const actual = reader.number(record, options.actual, row);
    if (path.length < options.levels.length) node.stated = { target, actual, row };
    else node.rows.push({ row, target, actual });
  });
  return finishTree(root, options, reader.unreadable);
}

const plannedTarget = (node: TargetNode): number | null => node.stated?.target ?? node.target;

function finishTree(root: Draft, options: RollupOptions, unreadable: UnreadableCell[]): TargetTree {
  const how = options.aggregate ?? 'sum';
  const tolerance = options.tolerance ?? 1e-9;
  const splits: SplitCheck[] = [];
  const build = (node: Draft): { built: TargetNode; target: Summary; actual: Summary } => {
    const children = node.children.map(build);
    let target = node.rows.map((row) => single(row.target)).reduce(merge, EMPTY);
    let actual = node.rows.map((row) => single(row.actual)).reduce(merge, EMPTY);
    for (const child of children) {
      target = merge(target, child.target);
      actual = merge(actual, child.actual);
    }
    if (target.count === 0) target = single(node.stated?.target ?? null);
    if (actual.count === 0) actual = single(node.stated?.actual ?? null);
    const built: TargetNode = {
      key: node.key,
      path: node.path,
      target: finish(target, how),
      actual: finish(actual, how),
      achievement: achievement(finish(target, how), finish(actual, how)),
      shareOfParent: null,
      children: children.map((child) => child.built),
      rows: [...(node.stated ? [node.stated.row] : []), ...node.rows.map((row) => row.row)],
    };
    if (node.stated) built.stated = node.stated;
    const base = plannedTarget(built);
    for (const child of built.children) {
      const planned = plannedTarget(child);
      child.shareOfParent = base && planned !== null ? tidy(planned / base) : null;
    }
    const stated = node.stated?.target;
    const allocated = built.target;
    if (children.length > 0 && stated !== undefined && stated !== null && allocated !== null) {
      const gap = tidy(stated - allocated);
      const balanced = Math.abs(gap) <= tolerance * Math.max(1, Math.abs(stated));
      splits.push({ path: node.path, stated, allocated, gap, balanced });
    }
    return { built, target, actual };
  };
  const built = build(root).built;
  splits.sort((a, b) => a.path.length - b.path.length);
  return { root: built, splits, unreadable };
}
