import type { TargetNode } from '../targets/rollup';
import { achievement } from '../targets/achievement';
import { apportion, fromFen, toFen } from '../targets/what-if';
import { currentPlan, startWhatIf, type WhatIf } from '../targets/what-if-history';
import type { BudgetAllocation, BudgetLine } from './budget';

/** The template's split of a budget: promotion 40 %, channel support 30 %, training 10 %, 20 % kept back. */
export const TEMPLATE_BUDGET_SPLIT: readonly { module: string; share: number }[] = [
  { module: '推广', share: 0.4 },
  { module: '渠道支持', share: 0.3 },
  { module: '培训', share: 0.1 },
  { module: '预备金', share: 0.2 },
];

/** A total split by shares, to the fen: the parts add up to the total exactly. */
export function splitBudget(
  total: number,
  split: readonly { module: string; share: number }[] = TEMPLATE_BUDGET_SPLIT,
): BudgetLine[] {
  const totalFen = toFen(total) ?? 0;
  const weights = split.map((part) => Math.round(part.share * 1_000_000));
  const parts = apportion(totalFen, weights);
  return split.map((part, i) => ({ module: part.module, planned: fromFen(parts[i] ?? 0) }));
}

const leaf = (key: string, planned: number): TargetNode => ({
  key,
  path: [key],
  target: planned,
  actual: null,
  achievement: achievement(planned, null),
  shareOfParent: null,
  children: [],
  rows: [],
});

/**
 * A what-if on a budget: the modules are the tiles, and the contingency modules (预备金…) are
 * the reserve that edits may draw on; what they hold together is the reserve's amount.
 */
export function budgetWhatIf(allocation: BudgetAllocation): WhatIf {
  const modules = allocation.modules.filter((module) => !module.contingency);
  const root: TargetNode = {
    ...leaf('', allocation.total),
    path: [],
    children: modules.map((module) => leaf(module.module, module.planned)),
  };
  return startWhatIf(root, { amount: allocation.contingency.amount });
}

/**
 * The budget lines after the what-if: each module's new amount, the contingency modules
 * holding what is left of the reserve (split as they held it). Hand them to `allocateBudget`
 * for the new shares and the contingency checked against the 10–20 % guidance.
 */
export function budgetLinesAfter(allocation: BudgetAllocation, whatIf: WhatIf): BudgetLine[] {
  const plan = currentPlan(whatIf);
  const reserves = allocation.modules.filter((module) => module.contingency);
  const left = apportion(
    plan.reserveFen ?? 0,
    reserves.map((module) => toFen(module.planned) ?? 0),
  );
  return allocation.modules.map((module) => {
    if (module.contingency) {
      const index = reserves.indexOf(module);
      return { module: module.module, planned: fromFen(left[index] ?? 0), spent: module.spent };
    }
    const node = plan.root.children.find((child) => child.key === module.module);
    return { module: module.module, planned: fromFen(node?.fen ?? 0), spent: module.spent };
  });
}
