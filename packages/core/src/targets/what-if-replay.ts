import { fromFen, planNodeAt, type Refusal, type TargetEdit } from './what-if';
import { type TargetChange, tryEdit, type WhatIf } from './what-if-history';

/** Edits tried again on a what-if started anew: what held, and what did not and why. */
export interface ReplayedEdits {
  whatIf: WhatIf;
  /** The edits that no longer hold (a tile gone, a reserve now too small…), each with its refusal. */
  dropped: { edit: TargetEdit; refusal: Refusal }[];
  /** Tiles whose edit held but whose planned target is not what it was before: old plan → new plan. */
  rebased: TargetChange[];
}

/**
 * Tries `edits` again, in order, on `fresh` (a what-if started on new rows, or a link's edits on
 * the rows loaded): an edit that cannot hold is left out and the next ones go on without it.
 * With `was`, the what-if the edits were made on, an edited tile whose planned target differs
 * between the two is named in `rebased`.
 */
export function replayEdits(
  fresh: WhatIf,
  edits: readonly TargetEdit[],
  was?: WhatIf,
): ReplayedEdits {
  let whatIf: WhatIf = { ...fresh, steps: [] };
  const dropped: ReplayedEdits['dropped'] = [];
  const rebased: TargetChange[] = [];
  const named = new Set<string>();
  for (const edit of edits) {
    const outcome = tryEdit(whatIf, edit);
    if (!outcome.ok) {
      dropped.push({ edit, refusal: outcome.refusal });
      continue;
    }
    whatIf = outcome.whatIf;
    const key = edit.path.join('\u0000');
    const before = was && planNodeAt(was.base.root, edit.path)?.fen;
    const after = planNodeAt(fresh.base.root, edit.path)?.fen;
    if (before === undefined || after === undefined || before === after || named.has(key)) continue;
    named.add(key);
    rebased.push({ path: edit.path, before: fromFen(before), after: fromFen(after) });
  }
  return { whatIf, dropped, rebased };
}

/** The edits of a what-if, in the order they were made. */
export function editsOf(whatIf: WhatIf): TargetEdit[] {
  return whatIf.steps.map((step) => step.edit);
}
