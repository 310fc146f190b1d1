import { achievement, tidy } from './achievement';
import type { TargetNode, TargetTree } from './rollup';
import type { TargetChange } from './what-if-history';

const pathKey = (path: readonly string[]): string => path.join('\u0000');

/**
 * A rolled-up tree with the what-if's targets: each changed tile (and each tile above it, which
 * `changes` names too) given its new target, its achievement and its tiles' shares of it read
 * again; branches with no change are the same objects. What rolling up the rows with the new targets
 * spread over them would give, for a tree whose figures all read and whose levels state no
 * subtotals of their own (`splits` and `unreadable` empty); undefined for any other tree.
 */
export function retargetTree(
  tree: TargetTree,
  changes: readonly TargetChange[],
): TargetTree | undefined {
  if (tree.splits.length > 0 || tree.unreadable.length > 0) return undefined;
  if (changes.length === 0) return tree;
  const after = new Map(changes.map((change) => [pathKey(change.path), change.after]));
  const deepest = Math.max(...changes.map((change) => change.path.length));
  const shareOf = (target: number | null, whole: number | null): number | null =>
    whole && target !== null ? tidy(target / whole) : null;
  // `parent`: its new target and whether it moved; a node that moved, or whose parent did, has its share read again.
  const walk = (
    node: TargetNode,
    depth: number,
    parent?: { target: number | null; moved: boolean },
  ): TargetNode => {
    const moved = after.get(pathKey(node.path));
    const target = moved === undefined ? node.target : tidy(moved);
    const mine = { target, moved: moved !== undefined };
    const below =
      depth < deepest ? node.children.map((child) => walk(child, depth + 1, mine)) : null;
    const childrenMoved = below !== null && below.some((child, i) => child !== node.children[i]);
    if (moved === undefined && !childrenMoved && !parent?.moved) return node;
    const children =
      below ??
      (moved === undefined
        ? node.children
        : node.children.map((child) => ({
            ...child,
            shareOfParent: shareOf(child.target, target),
          })));
    return {
      ...node,
      target,
      ...(node.stated && moved !== undefined ? { stated: { ...node.stated, target } } : {}),
      achievement: moved === undefined ? node.achievement : achievement(target, node.actual),
      ...(parent ? { shareOfParent: shareOf(target, parent.target) } : {}),
      children,
    };
  };
  return { ...tree, root: walk(tree.root, 0) };
}
