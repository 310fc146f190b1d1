import type { TargetNode } from './rollup';
import {
  editPlan,
  fromFen,
  type Plan,
  type PlanNode,
  planFromTree,
  type Refusal,
  type ReserveSetting,
  reserveOf,
  type TargetEdit,
} from './what-if';

/** A what-if: the targets as planned, and the edits tried on them, each with the plan it made. */
export interface WhatIf {
  readonly base: Plan;
  readonly steps: readonly { edit: TargetEdit; plan: Plan }[];
}

/** One figure that an edit moved: a tile's target before and after, in the unit. */
export interface TargetChange {
  path: readonly string[];
  before: number;
  after: number;
}

/** A tile's new target as other widgets on the same source read it: level column → value. */
export interface TargetOverride {
  match: Readonly<Record<string, string>>;
  before: number;
  after: number;
}

/** Starts a what-if on a rolled-up target tree, with a reserve kept back if the page sets one. */
export function startWhatIf(root: TargetNode, reserve?: ReserveSetting): WhatIf {
  const plan = planFromTree(root);
  return { base: { root: plan, reserveFen: reserveOf(plan.fen, reserve) }, steps: [] };
}

/** The plan after every edit so far. */
export function currentPlan(whatIf: WhatIf): Plan {
  return whatIf.steps.at(-1)?.plan ?? whatIf.base;
}

/** Tries an edit: the what-if with it added, or why it cannot hold (the what-if unchanged). */
export function tryEdit(
  whatIf: WhatIf,
  edit: TargetEdit,
): { ok: true; whatIf: WhatIf } | { ok: false; refusal: Refusal } {
  const outcome = editPlan(currentPlan(whatIf), edit);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    whatIf: { ...whatIf, steps: [...whatIf.steps, { edit, plan: outcome.plan }] },
  };
}

/** The what-if without its last edit. */
export function undoEdit(whatIf: WhatIf): WhatIf {
  return { ...whatIf, steps: whatIf.steps.slice(0, -1) };
}

/** The what-if back to the targets as planned. */
export function resetWhatIf(whatIf: WhatIf): WhatIf {
  return { ...whatIf, steps: [] };
}

/** Every tile whose target differs from the plan, top first: before → after. */
export function targetChanges(whatIf: WhatIf): TargetChange[] {
  const changes: TargetChange[] = [];
  const walk = (before: PlanNode, after: PlanNode): void => {
    if (before.fen !== after.fen) {
      changes.push({ path: before.path, before: fromFen(before.fen), after: fromFen(after.fen) });
    }
    before.children.forEach((child, i) => {
      const moved = after.children[i];
      if (moved) walk(child, moved);
    });
  };
  walk(whatIf.base.root, currentPlan(whatIf).root);
  return changes.sort((a, b) => a.path.length - b.path.length);
}

/** The reserve before and after the edits, in the unit; null when the page set none. */
export function reserveChange(whatIf: WhatIf): { before: number; after: number } | null {
  const before = whatIf.base.reserveFen;
  const after = currentPlan(whatIf).reserveFen;
  return before === null || after === null
    ? null
    : { before: fromFen(before), after: fromFen(after) };
}

/** The changed tiles below the top as overrides, their path named by the level columns. */
export function targetOverrides(
  changes: readonly TargetChange[],
  levels: readonly string[],
): TargetOverride[] {
  return changes
    .filter((change) => change.path.length > 0 && change.path.length <= levels.length)
    .map((change) => ({
      match: Object.fromEntries(change.path.map((key, i) => [levels[i] ?? '', key])),
      before: change.before,
      after: change.after,
    }));
}
