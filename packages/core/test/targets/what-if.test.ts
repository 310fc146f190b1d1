import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  currentPlan,
  messageText,
  type PlanNode,
  reserveChange,
  resetWhatIf,
  rollupByLevels,
  startWhatIf,
  type TableRecord,
  targetChanges,
  tryEdit,
  undoEdit,
  type WhatIf,
} from '@stratex/core';

const rows: TableRecord[] = [
  { 区域: '华东', 产品线: '软件', 目标值: '100万元', 实际值: '90万' },
  { 区域: '华东', 产品线: '服务', 目标值: '50万元', 实际值: '60万' },
  { 区域: '华南', 产品线: '软件', 目标值: '200万元', 实际值: '150万' },
  { 区域: '华北', 产品线: '软件', 目标值: '130万元', 实际值: '120万' },
  { 区域: '华北', 产品线: '服务', 目标值: '20万元', 实际值: '25万' },
];
const tree = rollupByLevels(rows, {
  levels: ['区域', '产品线'],
  target: '目标值',
  actual: '实际值',
});

const fenAt = (whatIf: WhatIf, ...path: string[]): number | undefined => {
  let node: PlanNode | undefined = currentPlan(whatIf).root;
  for (const key of path) node = node?.children.find((child) => child.key === key);
  return node?.fen;
};

const mustEdit = (
  whatIf: WhatIf,
  path: string[],
  target: number,
  from: 'siblings' | 'reserve' | 'total',
): WhatIf => {
  const outcome = tryEdit(whatIf, { path, target, from });
  if (!outcome.ok) throw new Error(outcome.refusal.code);
  return outcome.whatIf;
};

/** Every node holds what its children add up to. */
const consistent = (node: PlanNode): boolean =>
  node.children.length === 0 ||
  (node.children.reduce((sum, child) => sum + child.fen, 0) === node.fen &&
    node.children.every(consistent));

describe('apportion', () => {
  it('splits to the fen and adds up exactly', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(apportion(10, [0, 0])).toEqual([5, 5]);
    expect(apportion(7, [3, 0, 1])).toEqual([5, 0, 2]);
  });

  it('keeps any total exactly, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => apportion(total, weights).reduce((a, b) => a + b, 0) === total,
      ),
    );
  });
});

describe('what-if on a target tree', () => {
  it('takes a raise from the siblings in proportion, keeping the total', () => {
    const start = startWhatIf(tree.root);
    expect(currentPlan(start).root.fen).toBe(500_000_000);
    const raised = mustEdit(start, ['华东'], 1_650_000, 'siblings');
    expect(fenAt(raised, '华东')).toBe(165_000_000);
    // 15万 taken from 华南 (200万) and 华北 (150万): 200:150 → 8.571428…万 and 6.428571…万.
    expect(fenAt(raised, '华南')).toBe(191_428_571);
    expect(fenAt(raised, '华北')).toBe(143_571_429);
    expect(fenAt(raised)).toBe(500_000_000);
    // The tiles below a moved tile move with it, in proportion.
    expect(fenAt(raised, '华东', '软件')).toBe(110_000_000);
    expect(fenAt(raised, '华东', '服务')).toBe(55_000_000);
    expect(consistent(currentPlan(raised).root)).toBe(true);
    expect(
      targetChanges(raised).map((change) => [change.path.join('/'), change.before, change.after]),
    ).toContainEqual(['华东', 1_500_000, 1_650_000]);
  });

  it('gives a cut back to the siblings, and keeps the total to the fen under any edits', () => {
    const cut = mustEdit(startWhatIf(tree.root), ['华南', '软件'], 1_000_000.01, 'total');
    expect(fenAt(cut)).toBe(400_000_001);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            region: fc.constantFrom('华东', '华南', '华北'),
            target: fc.integer({ min: 0, max: 300_000_000 }).map((fen) => fen / 100),
          }),
          { maxLength: 12 },
        ),
        (edits) => {
          let whatIf = startWhatIf(tree.root);
          for (const edit of edits) {
            const outcome = tryEdit(whatIf, {
              path: [edit.region],
              target: edit.target,
              from: 'siblings',
            });
            if (outcome.ok) whatIf = outcome.whatIf;
          }
          const root = currentPlan(whatIf).root;
          return (
            root.fen === 500_000_000 &&
            consistent(root) &&
            root.children.every((child) => child.fen >= 0)
          );
        },
      ),
    );
  });

  it('draws on the reserve the page sets, and refuses once it is used up', () => {
    const start = startWhatIf(tree.root, { share: 0.1 });
    expect(reserveChange(start)).toEqual({ before: 500_000, after: 500_000 });
    const drawn = mustEdit(start, ['华北'], 1_800_000, 'reserve');
    expect(fenAt(drawn, '华北')).toBe(180_000_000);
    expect(fenAt(drawn, '华南')).toBe(200_000_000);
    expect(fenAt(drawn)).toBe(530_000_000);
    expect(reserveChange(drawn)).toEqual({ before: 500_000, after: 200_000 });
    const refused = tryEdit(drawn, { path: ['华东'], target: 1_800_000, from: 'reserve' });
    expect(refused).toEqual({
      ok: false,
      refusal: { code: 'whatIfReserveShort', params: { tile: '华东', available: 200_000 } },
    });
    // Giving a target back fills the reserve again.
    const back = mustEdit(drawn, ['华东'], 1_000_000, 'reserve');
    expect(reserveChange(back)?.after).toBe(700_000);
    expect(
      currentPlan(
        mustEdit(startWhatIf(tree.root, { amount: 120_000 }), ['华东'], 1_620_000, 'reserve'),
      ).reserveFen,
    ).toBe(0);
  });

  it('refuses edits that cannot hold, with a reason', () => {
    const start = startWhatIf(tree.root);
    const refusal = (
      path: string[],
      target: number,
      from: 'siblings' | 'reserve' | 'total',
    ): string => {
      const outcome = tryEdit(start, { path, target, from });
      return outcome.ok
        ? 'accepted'
        : messageText('zh-CN', outcome.refusal.code, outcome.refusal.params);
    };
    expect(refusal(['华东'], -1, 'siblings')).toBe('华东：目标不能为负数。');
    expect(refusal(['华东'], Number.NaN, 'siblings')).toBe('华东：新目标不是数字。');
    expect(refusal(['华西'], 1, 'siblings')).toBe('华西：数据中已没有这个板块。');
    expect(refusal(['华东'], 5_100_000, 'siblings')).toBe(
      '华东：同级其他板块合计只有 3500000，不足以让出这么多。',
    );
    expect(refusal(['华南', '软件'], 2_100_000, 'siblings')).toContain('同级没有其他板块');
    expect(refusal(['华东'], 1_600_000, 'reserve')).toBe('华东：页面未设置预备金，无法从中调拨。');
    const en = tryEdit(start, { path: ['华东'], target: -5, from: 'siblings' });
    expect(en.ok ? '' : messageText('en', en.refusal.code, en.refusal.params)).toBe(
      '华东: a target cannot be negative.',
    );
  });

  it('undoes the last edit and resets to the plan', () => {
    const once = mustEdit(startWhatIf(tree.root), ['华东'], 1_650_000, 'siblings');
    const twice = mustEdit(once, ['华南'], 2_500_000, 'total');
    expect(fenAt(twice)).toBe(ofFen(twice));
    expect(fenAt(undoEdit(twice), '华南')).toBe(191_428_571);
    expect(targetChanges(resetWhatIf(twice))).toEqual([]);
    expect(fenAt(resetWhatIf(twice), '华东')).toBe(150_000_000);
  });
});

function ofFen(whatIf: WhatIf): number {
  return currentPlan(whatIf).root.children.reduce((sum, child) => sum + child.fen, 0);
}
