import { describe, expect, it } from 'vitest';
import {
  allocateBudget,
  budgetLinesAfter,
  budgetWhatIf,
  splitBudget,
  tryEdit,
  type WhatIf,
} from '@stratex/core';

describe('budget what-if', () => {
  it('splits a budget the template’s way, to the fen', () => {
    expect(splitBudget(1_000_000.01)).toEqual([
      { module: '推广', planned: 400_000.01 },
      { module: '渠道支持', planned: 300_000 },
      { module: '培训', planned: 100_000 },
      { module: '预备金', planned: 200_000 },
    ]);
  });

  it('moves money from the contingency to a module and checks the guidance again', () => {
    const allocation = allocateBudget(splitBudget(1_000_000), { lang: 'en' });
    expect(allocation.contingency.withinGuidance).toBe(true);
    const start: WhatIf = budgetWhatIf(allocation);
    const outcome = tryEdit(start, { path: ['推广'], target: 520_000, from: 'reserve' });
    if (!outcome.ok) throw new Error(outcome.refusal.code);
    const after = allocateBudget(budgetLinesAfter(allocation, outcome.whatIf), { lang: 'en' });
    expect(after.total).toBe(1_000_000);
    expect(after.modules.map((module) => [module.module, module.planned, module.share])).toEqual([
      ['推广', 520_000, 0.52],
      ['渠道支持', 300_000, 0.3],
      ['培训', 100_000, 0.1],
      ['预备金', 80_000, 0.08],
    ]);
    expect(after.contingency.withinGuidance).toBe(false);
    const tooMuch = tryEdit(outcome.whatIf, { path: ['培训'], target: 200_000, from: 'reserve' });
    expect(tooMuch.ok ? null : tooMuch.refusal).toEqual({
      code: 'whatIfReserveShort',
      params: { tile: '培训', available: 80_000 },
    });
  });

  it('moves money between modules, the contingency untouched', () => {
    const allocation = allocateBudget(splitBudget(1_000_000));
    const outcome = tryEdit(budgetWhatIf(allocation), {
      path: ['培训'],
      target: 150_000,
      from: 'siblings',
    });
    if (!outcome.ok) throw new Error(outcome.refusal.code);
    const lines = budgetLinesAfter(allocation, outcome.whatIf);
    expect(lines.map((line) => line.planned)).toEqual([371_428.57, 278_571.43, 150_000, 200_000]);
  });
});
