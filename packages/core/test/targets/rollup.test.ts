import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollupByLevels } from '@stratex/core';
import type { TableRecord, TargetNode } from '@stratex/core';

/** Every leaf under a node (the node itself when it has no children). */
const leavesOf = (node: TargetNode): TargetNode[] =>
  node.children.length === 0 ? [node] : node.children.flatMap(leavesOf);

const regions: TableRecord[] = [
  { region: '', product_line: '', target: '500万元', actual: '' },
  { region: '华东', product_line: '', target: '150万元', actual: '' },
  { region: '华东', product_line: '软件', target: '100万元', actual: '90万' },
  { region: '', product_line: '服务', target: '50万元', actual: '60万' },
  { region: '华南', product_line: '软件', target: '200万元', actual: '150万' },
  { region: '华北', product_line: '软件', target: '130万元', actual: '120万' },
  { region: '', product_line: '', target: '', actual: '' },
];

const find = (root: TargetNode, ...path: string[]): TargetNode | undefined =>
  path.reduce<TargetNode | undefined>(
    (node, key) => node?.children.find((c) => c.key === key),
    root,
  );

describe('rollupByLevels', () => {
  const tree = rollupByLevels(regions, {
    levels: ['region', 'product_line'],
    target: 'target',
    actual: 'actual',
  });

  it('rolls the regions up and reports what the split leaves unassigned', () => {
    expect(tree.root.children.map((node) => [node.key, node.target])).toEqual([
      ['华东', 1_500_000],
      ['华南', 2_000_000],
      ['华北', 1_300_000],
    ]);
    expect(tree.root.target).toBe(4_800_000);
    expect(tree.root.stated?.target).toBe(5_000_000);
    expect(tree.splits).toEqual([
      { path: [], stated: 5_000_000, allocated: 4_800_000, gap: 200_000, balanced: false },
      { path: ['华东'], stated: 1_500_000, allocated: 1_500_000, gap: 0, balanced: true },
    ]);
  });

  it('gives East China 150万 of 500万', () => {
    const eastChina = find(tree.root, '华东');
    expect(eastChina?.target).toBe(1_500_000);
    expect(eastChina?.shareOfParent).toBe(0.3);
    expect(eastChina?.actual).toBe(1_500_000);
    expect(eastChina?.achievement.rate).toBe(1);
  });

  it('fills merged-cell leftovers down from the row above', () => {
    expect(find(tree.root, '华东', '服务')?.rows).toEqual([4]);
    expect(find(tree.root, '华东')?.rows).toEqual([2]);
  });

  it('averages, takes the minimum or the maximum where asked', () => {
    const rates = [
      { team: 'A', member: 'x', target: '10%' },
      { team: 'A', member: 'y', target: '20%' },
      { team: 'B', member: 'z', target: '60%' },
    ];
    const levels = ['team', 'member'];
    expect(rollupByLevels(rates, { levels, target: 'target', aggregate: 'avg' }).root.target).toBe(
      0.3,
    );
    expect(rollupByLevels(rates, { levels, target: 'target', aggregate: 'min' }).root.target).toBe(
      0.1,
    );
    expect(rollupByLevels(rates, { levels, target: 'target', aggregate: 'max' }).root.target).toBe(
      0.6,
    );
  });

  it('reports unreadable figures', () => {
    const result = rollupByLevels([{ region: 'East', target: 'n/a' }], {
      levels: ['region'],
      target: 'target',
      lang: 'en',
    });
    expect(result.unreadable).toEqual([
      {
        row: 1,
        column: 'target',
        value: 'n/a',
        reason: expect.stringContaining('expected a number'),
      },
    ]);
    expect(result.root.target).toBeNull();
  });
});

describe('rollups of random trees', () => {
  const leafRows = fc.array(
    fc.record({
      path: fc.tuple(
        fc.constantFrom('A', 'B', 'C'),
        fc.constantFrom('x', 'y'),
        fc.constantFrom('1', '2', '3'),
      ),
      target: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    }),
    { maxLength: 40 },
  );

  it('equal the sum of their leaves at every node', () => {
    fc.assert(
      fc.property(leafRows, (rows) => {
        const records = rows.map(({ path, target }) => ({
          l1: path[0],
          l2: path[1],
          l3: path[2],
          t: String(target),
        }));
        const tree = rollupByLevels(records, { levels: ['l1', 'l2', 'l3'], target: 't' });
        const check = (node: TargetNode): void => {
          const expected = leavesOf(node).reduce((sum, leaf) => sum + (leaf.target ?? 0), 0);
          expect(node.target ?? 0).toBe(expected);
          node.children.forEach(check);
        };
        check(tree.root);
        expect(tree.root.target ?? 0).toBe(rows.reduce((sum, row) => sum + row.target, 0));
      }),
    );
  });
});
