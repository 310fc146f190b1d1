import {
  allocateBudget,
  type BudgetAllocation,
  budgetLinesAfter,
  budgetWhatIf,
  isContingency,
  type Lang,
  type TargetChange,
  type TargetNode,
  type WhatIf,
} from '@stratex/core';

/**
 * A budget split by module with a contingency module (预备金…) at the top: the what-if draws
 * on that module as its reserve. Undefined for any other tree.
 */
export function budgetStart(
  root: TargetNode,
): { allocation: BudgetAllocation; whatIf: WhatIf } | undefined {
  if (!root.children.some((module) => isContingency(module.key))) return undefined;
  const allocation = allocateBudget(
    root.children.map((module) => ({ module: module.key, planned: module.target })),
  );
  return { allocation, whatIf: budgetWhatIf(allocation) };
}

/** The contingency modules the what-if drew on, before → after, and the contingency checked against the 10–20 % guidance. */
export function contingencyAfter(
  allocation: BudgetAllocation,
  whatIf: WhatIf,
  lang: Lang,
): { changes: TargetChange[]; guidance: string } {
  const lines = budgetLinesAfter(allocation, whatIf);
  const changes: TargetChange[] = [];
  allocation.modules.forEach((module, i) => {
    const after = lines[i]?.planned ?? module.planned;
    if (module.contingency && after !== module.planned) {
      changes.push({ path: [module.module], before: module.planned, after });
    }
  });
  return { changes, guidance: allocateBudget(lines, { lang }).contingency.message };
}
