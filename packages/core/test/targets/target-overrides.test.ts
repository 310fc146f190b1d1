import { describe, expect, it } from 'vitest';
import {
  applyTargetOverrides,
  buildScorecard,
  currentPlan,
  fenText,
  rollupByLevels,
  startWhatIf,
  type TableRecord,
  targetChanges,
  targetOverrides,
  tryEdit,
  type WhatIf,
} from '@stratex/core';

const levels = ['区域', '产品线'];
const rows: TableRecord[] = [
  { 区域: '华东', 产品线: '', 目标值: '150万元', 实际值: '' },
  { 区域: '华东', 产品线: '软件', 目标值: '60万元', 实际值: '50万' },
  { 区域: '', 产品线: '软件', 目标值: '40万元', 实际值: '40万' },
  { 区域: '', 产品线: '服务', 目标值: '50万元', 实际值: '60万' },
  { 区域: '华南', 产品线: '软件', 目标值: '200万元', 实际值: '150万' },
  { 区域: '华北', 产品线: '软件', 目标值: '150万元', 实际值: '120万' },
];
const options = { levels, target: '目标值', actual: '实际值' };

const edited = (
  whatIf: WhatIf,
  path: string[],
  target: number,
  from: 'siblings' | 'total',
): WhatIf => {
  const outcome = tryEdit(whatIf, { path, target, from });
  if (!outcome.ok) throw new Error(outcome.refusal.code);
  return outcome.whatIf;
};

describe('target overrides', () => {
  const whatIf = edited(
    startWhatIf(rollupByLevels(rows, options).root),
    ['华东'],
    1_650_000,
    'siblings',
  );
  const set = {
    column: '目标值',
    levels,
    overrides: targetOverrides(targetChanges(whatIf), levels),
  };

  it('rolls the rows up to the what-if’s figures, a subtotal row and merged-cell leftovers included', () => {
    const applied = applyTargetOverrides(rows, set);
    const tree = rollupByLevels(applied, options);
    const plan = currentPlan(whatIf).root;
    for (const region of plan.children) {
      const node = tree.root.children.find((child) => child.key === region.key);
      expect(Math.round((node?.target ?? 0) * 100)).toBe(region.fen);
      expect(node?.stated?.target ?? region.fen / 100).toBe(region.fen / 100);
    }
    // 软件 has two rows (60万 + 40万) sharing its new 110万 as they shared 100万.
    expect(
      applied.map((row) => row['目标值'] as { raw: string } | string | undefined),
    ).toMatchObject([
      { raw: '1650000' },
      { raw: '660000' },
      { raw: '440000' },
      { raw: '550000' },
      { raw: '1914285.71' },
      { raw: '1435714.29' },
    ]);
    expect(
      applied.reduce(
        (sum, row, i) => (i === 0 ? sum : sum + Number((row['目标值'] as { value: number }).value)),
        0,
      ),
    ).toBeCloseTo(5_000_000, 6);
    expect(rows[1]?.['目标值']).toBe('60万元');
  });

  it('follows edits at the deepest level a table has: a scorecard by region', () => {
    const byRegion: TableRecord[] = [
      { 区域: '华东', 目标值: '150万', 实际值: '150万' },
      { 区域: '华南', 目标值: '200万', 实际值: '150万' },
      { 区域: '华北', 目标值: '150万', 实际值: '120万' },
    ];
    const before = buildScorecard(byRegion, { overrides: { dimension: '区域' } });
    const after = buildScorecard(applyTargetOverrides(byRegion, set), {
      overrides: { dimension: '区域' },
    });
    expect(before.rows.map((row) => (row.target as { value: number }).value)).toEqual([
      1_500_000, 2_000_000, 1_500_000,
    ]);
    expect(after.rows.map((row) => (row.target as { value: number }).value)).toEqual([
      1_650_000, 1_914_285.71, 1_435_714.29,
    ]);
    expect(after.overall).not.toEqual(before.overall);
    // A table without the level columns is left as it is.
    const elsewhere = [{ 指标: '收入', 目标值: '500万' }];
    expect(applyTargetOverrides(elsewhere, set)).toBe(elsewhere);
  });

  it('writes a figure to the fen without separators', () => {
    expect(fenText(165_000_000)).toBe('1650000');
    expect(fenText(191_428_571)).toBe('1914285.71');
    expect(fenText(10)).toBe('0.1');
    expect(fenText(-205)).toBe('-2.05');
  });
});
