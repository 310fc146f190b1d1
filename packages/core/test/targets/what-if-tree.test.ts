import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTargetOverrides,
  type CellRecord,
  parseCell,
  retargetTree,
  rollupByLevels,
  startWhatIf,
  type TargetEdit,
  targetChanges,
  targetOverrides,
  type TargetNode,
  tryEdit,
  type WhatIf,
} from '@stratex/core';

const levels = ['区域', '产品线'];
const options = { levels, target: '目标值', actual: '实际值' };

/** A plan of regions × product lines, a row per leaf and day, targets and actuals in whole yuan. */
function planRows(targets: number[][]): CellRecord[] {
  const rows: CellRecord[] = [];
  targets.forEach((products, r) =>
    products.forEach((target, p) => {
      for (const day of ['2024-08-01', '2024-08-15']) {
        rows.push({
          区域: parseCell(`区域${r}`),
          产品线: parseCell(`产品${p}`),
          日期: parseCell(day),
          目标值: parseCell(String(target)),
          实际值: parseCell(String(Math.round(target * 0.45))),
        });
      }
    }),
  );
  return rows;
}

/** The figures of a tree, top first: path, target, rate and share of parent. */
function figures(node: TargetNode): unknown[] {
  return [
    [node.path.join('/'), node.target, node.achievement.rate, node.shareOfParent],
    ...node.children.flatMap(figures),
  ];
}

const close = (a: unknown[], b: unknown[]): void => {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) =>
    (row as unknown[]).forEach((value, j) => {
      const other = (b[i] as unknown[])[j];
      if (typeof value === 'number' && typeof other === 'number') {
        expect(value).toBeCloseTo(other, 6);
      } else expect(value).toEqual(other);
    }),
  );
};

describe('a rolled-up tree retargeted by the what-if', () => {
  it('gives the figures rolling up the rows with the new targets gives, over random edits', () => {
    const edit = fc.record({
      region: fc.nat(3),
      product: fc.option(fc.nat(4), { nil: undefined }),
      scale: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      from: fc.constantFrom<TargetEdit['from']>('siblings', 'total'),
    });
    const targets = fc.array(
      fc.array(fc.integer({ min: 1_000, max: 900_000 }), { minLength: 2, maxLength: 5 }),
      {
        minLength: 2,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(targets, fc.array(edit, { maxLength: 4 }), (plan, edits) => {
        const rows = planRows(plan);
        const tree = rollupByLevels(rows, options);
        let whatIf: WhatIf = startWhatIf(tree.root);
        for (const { region, product, scale, from } of edits) {
          const regionNode = tree.root.children[region % tree.root.children.length];
          if (!regionNode) continue;
          const node =
            product === undefined
              ? regionNode
              : regionNode.children[product % regionNode.children.length];
          const target = Math.round((node?.target ?? 0) * scale);
          const outcome = tryEdit(whatIf, { path: node?.path ?? [], target, from });
          if (outcome.ok) whatIf = outcome.whatIf;
        }
        const changes = targetChanges(whatIf);
        const set = { column: '目标值', levels, overrides: targetOverrides(changes, levels) };
        const rolled = rollupByLevels(applyTargetOverrides(rows, set), options);
        const retargeted = retargetTree(tree, changes);
        expect(retargeted).toBeDefined();
        close(figures(retargeted?.root as TargetNode), figures(rolled.root));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps untouched branches as they were, and leaves a tree with stated subtotals to the rows', () => {
    const rows = planRows([
      [100_000, 200_000],
      [300_000, 400_000],
    ]);
    const tree = rollupByLevels(rows, options);
    const outcome = tryEdit(startWhatIf(tree.root), {
      path: ['区域0', '产品0'],
      target: 150_000,
      from: 'siblings',
    });
    if (!outcome.ok) throw new Error(outcome.refusal.code);
    const retargeted = retargetTree(tree, targetChanges(outcome.whatIf));
    expect(retargeted?.root.children[1]).toBe(tree.root.children[1]);
    expect(retargeted?.root.children[0]?.children[0]?.target).toBe(150_000);
    expect(retargeted?.root.children[0]?.children[1]?.target).toBe(450_000);
    const subtotal: CellRecord = {
      区域: parseCell('区域0'),
      产品线: null,
      目标值: parseCell('700000'),
      实际值: null,
    };
    const stated = rollupByLevels([subtotal, ...rows], options);
    expect(retargetTree(stated, targetChanges(outcome.whatIf))).toBeUndefined();
  });
});
