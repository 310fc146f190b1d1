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
  /** Figures the file states for this node itself (a subtotal row, or its own row in an id/parent table). */
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
  /** Rows the tree could not place, in words (unknown parent, cycle, duplicate id). */
  problems: { row: number; message: string }[];
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

/**
 * Combines values the way a metric says: SUM, COUNT, AVERAGE, MIN or MAX; null when there
 * are none to combine (a count is then 0).
 */
export function aggregateValues(values: readonly number[], how: Aggregate = 'sum'): number | null {
  return finish(values.map(single).reduce(merge, EMPTY), how);
}

/** Reads an aggregation word: 'SUM'/'合计', 'AVERAGE'/'平均', 'MIN'/'最低', 'MAX'/'最高'. */
export function parseAggregate(text: string | null | undefined): Aggregate | undefined {
  const key = normaliseText(text ?? '').toLowerCase();
  if (/^(sum|total|求和|合计|汇总|累计)$/.test(key)) return 'sum';
  if (/^(avg|average|mean|平均|平均值|均值)$/.test(key)) return 'avg';
  if (/^(min|minimum|最小|最小值|最低)$/.test(key)) return 'min';
  if (/^(max|maximum|最大|最大值|最高)$/.test(key)) return 'max';
  return undefined;
}

/** Every leaf under a node (the node itself when it has no children). */
export function leavesOf(node: TargetNode): TargetNode[] {
  return node.children.length === 0 ? [node] : node.children.flatMap(leavesOf);
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
    const values = options.levels.map((level) => normaliseText(cellText(record[level])));
    const depth = values.reduce((last, value, i) => (value ? i + 1 : last), 0);
    const path = values.slice(0, depth).map((value, i) => value || (previous[i] ?? ''));
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
    if (depth < options.levels.length) node.stated = { target, actual, row };
    else node.rows.push({ row, target, actual });
  });
  return finishTree(root, options, reader.unreadable, []);
}

/** Builds a target tree from id and parent columns; every row states its node's own figures. */
export function rollupByParent(
  records: readonly CellRecord[],
  options: RollupOptions & { id: string; parent: string },
): TargetTree {
  const reader = new CellReader(options.lang ?? 'zh-CN');
  const problems: { row: number; message: string }[] = [];
  const root = draft('', []);
  const nodes = new Map<string, { node: Draft; parent: string; row: number }>();
  records.forEach((record, index) => {
    if (isBlankRecord(record)) return;
    const row = index + 1;
    const id = normaliseText(cellText(record[options.id]));
    if (!id || nodes.has(id)) {
      problems.push({ row, message: id ? `duplicate id "${id}"` : 'row has no id' });
      return;
    }
    const target = reader.number(record, options.target, row);
    const actual = reader.number(record, options.actual, row);
    const node = { ...draft(id, []), stated: { target, actual, row } };
    nodes.set(id, { node, parent: normaliseText(cellText(record[options.parent])), row });
  });
  for (const [id, entry] of nodes) {
    let parent = entry.parent ? nodes.get(entry.parent)?.node : root;
    if (!parent) {
      problems.push({ row: entry.row, message: `parent "${entry.parent}" of "${id}" not found` });
      parent = root;
    } else if (parent !== root && ancestors(entry.parent, nodes).has(id)) {
      problems.push({ row: entry.row, message: `"${id}" is its own ancestor` });
      entry.parent = '';
      parent = root;
    }
    parent.children.push(entry.node);
  }
  const setPaths = (node: Draft): void => {
    for (const child of node.children) {
      child.path = [...node.path, child.key];
      setPaths(child);
    }
  };
  setPaths(root);
  return finishTree(root, options, reader.unreadable, problems);
}

function ancestors(start: string, nodes: ReadonlyMap<string, { parent: string }>): Set<string> {
  const seen = new Set<string>();
  for (let id = start; id && !seen.has(id); id = nodes.get(id)?.parent ?? '') seen.add(id);
  return seen;
}

const plannedTarget = (node: TargetNode): number | null => node.stated?.target ?? node.target;

function finishTree(
  root: Draft,
  options: RollupOptions,
  unreadable: UnreadableCell[],
  problems: { row: number; message: string }[],
): TargetTree {
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
  return { root: built, splits, unreadable, problems };
}
