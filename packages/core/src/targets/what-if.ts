import type { TargetNode } from './rollup';

/**
 * A target tree in whole fen (hundredths of the unit), so that moving money between tiles
 * never drifts: every figure is an integer and every split adds up exactly.
 */
export interface PlanNode {
  key: string;
  /** Level values from the top; the root's path is empty. */
  path: readonly string[];
  fen: number;
  children: readonly PlanNode[];
}

/** The targets as they stand in a what-if, with what is left of the contingency reserve. */
export interface Plan {
  root: PlanNode;
  /** Fen left in the reserve the page set aside; null when it set none. */
  reserveFen: number | null;
}

/**
 * Where the difference of an edit comes from: the `siblings` in proportion to their targets
 * (the parent's total kept), the contingency `reserve`, or nowhere (`total`: the totals above
 * the tile change with it).
 */
export type DifferenceFrom = 'siblings' | 'reserve' | 'total';

/** Setting one tile's target, e.g. `{ path: ['华东'], target: 1_650_000, from: 'siblings' }`. */
export interface TargetEdit {
  path: readonly string[];
  target: number;
  from: DifferenceFrom;
}

/** Why an edit cannot hold; `params` fill the catalogue's message of the same code. */
export type RefusalCode =
  | 'whatIfNotANumber'
  | 'whatIfNegative'
  | 'whatIfUnknownTile'
  | 'whatIfNoSiblings'
  | 'whatIfSiblingsShort'
  | 'whatIfNoReserve'
  | 'whatIfReserveShort';

export interface Refusal {
  code: RefusalCode;
  /** `tile` names the tile; `available` is what could be moved, in the unit (not fen). */
  params: { tile: string; available?: number };
}

export type EditOutcome = { ok: true; plan: Plan } | { ok: false; refusal: Refusal };

/** How much the page keeps back: an amount, or a share of the overall target (0.1 for 10 %). */
export type ReserveSetting = { amount: number } | { share: number };

/** A figure in whole fen; null for one too large to count exactly or not a number. */
export function toFen(value: number): number | null {
  const fen = Math.round(value * 100);
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen back to the unit: 165000012 → 1650000.12. */
export const fromFen = (fen: number): number => fen / 100;

/**
 * Splits `total` fen into integer parts in proportion to `weights` (largest remainders get the
 * odd fen, earlier first on a tie); equal parts when every weight is zero. The parts add up to
 * `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [total];
  if (total < 0) return apportion(-total, weights).map((part) => (part === 0 ? 0 : -part));
  const sum = weights.reduce((a, b) => a + b, 0);
  const used = sum > 0 ? weights : weights.map(() => 1);
  const whole = BigInt(sum > 0 ? sum : weights.length);
  const amount = BigInt(total);
  const parts = used.map((weight) => (amount * BigInt(weight)) / whole);
  const remainders = used.map((weight, i) => ({
    i,
    rest: (amount * BigInt(weight)) % whole,
  }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** A rolled-up target tree as a plan: a tile with tiles below holds what they add up to. */
export function planFromTree(node: TargetNode): PlanNode {
  const children = node.children.map(planFromTree);
  const fen =
    children.length > 0
      ? children.reduce((sum, child) => sum + child.fen, 0)
      : Math.max(0, toFen(node.target ?? 0) ?? 0);
  return { key: node.key, path: node.path, fen, children };
}

/** The fen a reserve setting keeps back from an overall target of `totalFen`; null for none. */
export function reserveOf(totalFen: number, setting: ReserveSetting | undefined): number | null {
  if (!setting) return null;
  const fen = 'amount' in setting ? toFen(setting.amount) : Math.round(totalFen * setting.share);
  return fen === null || !Number.isFinite(fen) || fen < 0 ? null : fen;
}

/** The node at `path`, if the plan has it. */
export function planNodeAt(root: PlanNode, path: readonly string[]): PlanNode | undefined {
  let node: PlanNode | undefined = root;
  for (const key of path) node = node?.children.find((child) => child.key === key);
  return node;
}

/** The node given a new target, the tiles below it scaled in proportion to theirs. */
export function withTarget(node: PlanNode, fen: number): PlanNode {
  if (node.children.length === 0) return { ...node, fen };
  const parts = apportion(
    fen,
    node.children.map((child) => child.fen),
  );
  return {
    ...node,
    fen,
    children: node.children.map((child, i) => withTarget(child, parts[i] ?? 0)),
  };
}

/** Rebuilds the branch down to `path`: `change` makes the node's parent anew, `above` its ancestors' figures. */
function alongPath(
  node: PlanNode,
  path: readonly string[],
  depth: number,
  change: (parent: PlanNode) => PlanNode,
  above: (fen: number) => number,
): PlanNode {
  if (depth === path.length - 1) return change(node);
  const children = node.children.map((child) =>
    child.key === path[depth] ? alongPath(child, path, depth + 1, change, above) : child,
  );
  return { ...node, fen: above(node.fen), children };
}

const tileName = (path: readonly string[]): string => path.join(' / ');

/** Applies one edit to a plan, or says why it cannot hold. */
export function editPlan(plan: Plan, edit: TargetEdit): EditOutcome {
  const tile = tileName(edit.path);
  const refuse = (code: RefusalCode, available?: number): EditOutcome => ({
    ok: false,
    refusal: { code, params: available === undefined ? { tile } : { tile, available } },
  });
  if (!Number.isFinite(edit.target)) return refuse('whatIfNotANumber');
  if (edit.target < 0) return refuse('whatIfNegative');
  const fen = toFen(edit.target);
  const node = planNodeAt(plan.root, edit.path);
  if (fen === null) return refuse('whatIfNotANumber');
  if (!node) return refuse('whatIfUnknownTile');
  const difference = fen - node.fen;
  if (edit.from === 'siblings') {
    const parent = planNodeAt(plan.root, edit.path.slice(0, -1));
    const siblings = parent?.children.filter((child) => child.key !== node.key) ?? [];
    if (edit.path.length === 0 || siblings.length === 0) return refuse('whatIfNoSiblings');
    const available = siblings.reduce((sum, child) => sum + child.fen, 0);
    if (difference > available) return refuse('whatIfSiblingsShort', fromFen(available));
    const cuts = apportion(
      difference,
      siblings.map((child) => child.fen),
    );
    const cutOf = new Map(siblings.map((child, i) => [child.key, cuts[i] ?? 0]));
    const root = alongPath(
      plan.root,
      edit.path,
      0,
      (p) => ({
        ...p,
        children: p.children.map((child) =>
          child.key === node.key
            ? withTarget(child, fen)
            : withTarget(child, child.fen - (cutOf.get(child.key) ?? 0)),
        ),
      }),
      (total) => total,
    );
    return { ok: true, plan: { root, reserveFen: plan.reserveFen } };
  }
  let reserveFen = plan.reserveFen;
  if (edit.from === 'reserve') {
    if (reserveFen === null) return refuse('whatIfNoReserve');
    if (difference > reserveFen) return refuse('whatIfReserveShort', fromFen(reserveFen));
    reserveFen -= difference;
  }
  if (edit.path.length === 0)
    return { ok: true, plan: { root: withTarget(plan.root, fen), reserveFen } };
  const root = alongPath(
    plan.root,
    edit.path,
    0,
    (p) => ({
      ...p,
      fen: p.fen + difference,
      children: p.children.map((child) =>
        child.key === node.key ? withTarget(child, fen) : child,
      ),
    }),
    (total) => total + difference,
  );
  return { ok: true, plan: { root, reserveFen } };
}
