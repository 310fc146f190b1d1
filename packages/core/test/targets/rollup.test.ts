import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateValues,
  leavesOf,
  parseAggregate,
  rollupByLevels,
  rollupByParent,
} from '@stratex/core';
import type { TableRecord, TargetNode } from '@stratex/core';

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

describe('rollupByParent', () => {
  it('builds the tree from id and parent columns and checks each split', () => {
    const tree = rollupByParent(
      [
        { id: 'all', parent: '', target: '500万' },
        { id: 'east', parent: 'all', target: '150万' },
        { id: 'south', parent: 'all', target: '200万' },
        { id: 'north', parent: 'all', target: '150万' },
        { id: 'east-sw', parent: 'east', target: '100万' },
        { id: 'east-sv', parent: 'east', target: '40万' },
      ],
      { id: 'id', parent: 'parent', target: 'target' },
    );
    const all = tree.root.children[0];
    expect(all?.target).toBe(4_900_000);
    expect(tree.splits).toEqual([
      { path: ['all'], stated: 5_000_000, allocated: 4_900_000, gap: 100_000, balanced: false },
      {
        path: ['all', 'east'],
        stated: 1_500_000,
        allocated: 1_400_000,
        gap: 100_000,
        balanced: false,
      },
    ]);
    expect(all && find(all, 'east')?.shareOfParent).toBe(0.3);
    expect(tree.problems).toEqual([]);
  });

  it('reports unknown parents, cycles and duplicate ids', () => {
    const tree = rollupByParent(
      [
        { id: 'a', parent: 'b', target: '1' },
        { id: 'b', parent: 'a', target: '1' },
        { id: 'c', parent: 'zzz', target: '1' },
        { id: 'c', parent: '', target: '1' },
      ],
      { id: 'id', parent: 'parent', target: 'target' },
    );
    expect(tree.problems.map((problem) => problem.row).sort()).toEqual([1, 3, 4]);
    expect(tree.root.children.map((node) => node.key)).toEqual(['a', 'c']);
    expect(tree.root.target).toBe(2);
  });
});

describe('aggregateValues and parseAggregate', () => {
  it('combines values', () => {
    expect(aggregateValues([1, 2, 3])).toBe(6);
    expect(aggregateValues([1, 2, 3], 'avg')).toBe(2);
    expect(aggregateValues([], 'max')).toBeNull();
    expect(aggregateValues([4, 5], 'count')).toBe(2);
    expect(aggregateValues([], 'count')).toBe(0);
  });

  it.each([
    ['SUM', 'sum'],
    ['合计', 'sum'],
    ['平均', 'avg'],
    ['最低', 'min'],
    ['MAX', 'max'],
    ['median', undefined],
  ] as const)('%s → %s', (text, how) => expect(parseAggregate(text)).toBe(how));
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

  it('find every id/parent tree balanced when each parent states the sum of its children', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9_999 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (leaves, parents) => {
          const records: TableRecord[] = leaves.map((target, i) => ({
            id: `n${i}`,
            parent: i === 0 ? '' : `n${(parents[i] ?? 0) % i}`,
            target: String(target),
          }));
          const tree = rollupByParent(records, { id: 'id', parent: 'parent', target: 'target' });
          const restate = new Map<string, number>();
          const total = (node: TargetNode): number => {
            const sum =
              node.children.length === 0
                ? (node.stated?.target ?? 0)
                : node.children.reduce((s, c) => s + total(c), 0);
            restate.set(node.key, sum);
            return sum;
          };
          const top = tree.root.children[0];
          if (!top) return;
          total(top);
          const again = rollupByParent(
            records.map((record) => ({
              ...record,
              target: String(restate.get(record.id ?? '') ?? 0),
            })),
            { id: 'id', parent: 'parent', target: 'target' },
          );
          expect(again.splits.every((split) => split.balanced)).toBe(true);
          expect(again.root.target).toBe(
            leavesOf(top).reduce((s, leaf) => s + (leaf.target ?? 0), 0),
          );
        },
      ),
    );
  });
});
