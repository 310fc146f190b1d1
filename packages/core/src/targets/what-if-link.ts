import type { DifferenceFrom, TargetEdit } from './what-if';

/**
 * An edit as a link keeps it: where the difference comes from (`s` siblings, `r` reserve,
 * `t` total), the new target in the unit, then the tile's path, e.g. `["s",1650000,"华东"]`.
 */
export type LinkedEdit = [string, number, ...string[]];

const LETTER: Record<DifferenceFrom, string> = { siblings: 's', reserve: 'r', total: 't' };
const FROM: Readonly<Record<string, DifferenceFrom>> = { s: 'siblings', r: 'reserve', t: 'total' };

/** Edits in the compact form a page address keeps them in. */
export function linkedEdits(edits: readonly TargetEdit[]): LinkedEdit[] {
  return edits.map((edit) => [LETTER[edit.from], edit.target, ...edit.path]);
}

/** Edits read back from their compact form; undefined when `value` is not a list of them. */
export function editsFromLink(value: unknown): TargetEdit[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const edits: TargetEdit[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item)) return undefined;
    const [letter, target, ...path] = item as unknown[];
    const from =
      typeof letter === 'string' && Object.hasOwn(FROM, letter) ? FROM[letter] : undefined;
    if (!from || typeof target !== 'number' || !Number.isFinite(target)) return undefined;
    if (!path.every((key): key is string => typeof key === 'string')) return undefined;
    edits.push({ path, target, from });
  }
  return edits;
}
