import type { CellRecord } from '../records/records';
import { headersOf } from '../records/roles';
import { readCell } from '../values/cells';
import type { NumberCell } from '../values/values';
import { levelPath } from './rollup';
import { apportion, fromFen, toFen } from './what-if';
import type { TargetOverride } from './what-if-history';

/** What-if targets for one source: the target column, the level columns top first, the changed tiles. */
export interface TargetOverrideSet {
  column: string;
  levels: readonly string[];
  overrides: readonly TargetOverride[];
}

const pathKey = (path: readonly string[]): string => path.join('\u0000');

/** The text a new target is written as: the figure in the unit, to the fen, no separators. */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const whole = Math.abs(fen);
  const cents = whole % 100;
  const units = (whole - cents) / 100;
  if (cents === 0) return `${sign}${units}`;
  return `${sign}${units}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

function targetCell(fen: number, was: ReturnType<typeof readCell>): NumberCell {
  const unit = was.kind === 'number' ? was.unit : 'money';
  return { kind: 'number', value: fromFen(fen), unit, raw: fenText(fen) };
}

/**
 * The rows with the what-if's targets in `set.column`: each changed tile's new target spread
 * over the rows below it in proportion to their own (to the fen), a subtotal row given its
 * tile's new figure. Rows read at the deepest level whose columns they all have, so a table
 * summed by region follows edits made per region and product. Rows of unchanged tiles are the
 * same objects; nothing is changed in place.
 */
export function applyTargetOverrides(
  records: readonly CellRecord[],
  set: TargetOverrideSet | undefined,
): readonly CellRecord[] {
  if (!set || set.overrides.length === 0 || records.length === 0) return records;
  const headers = new Set(headersOf(records));
  if (!headers.has(set.column)) return records;
  let present = 0;
  while (present < set.levels.length && headers.has(set.levels[present] ?? '')) present += 1;
  const levels = set.levels.slice(0, present);
  const byPath = new Map<string, TargetOverride>();
  let depth = 0;
  for (const override of set.overrides) {
    const path = levels.map((level) => override.match[level]);
    const known = path.findIndex((key) => key === undefined);
    const length = known === -1 ? path.length : known;
    if (length !== Object.keys(override.match).length) continue;
    byPath.set(pathKey(path.slice(0, length) as string[]), override);
    depth = Math.max(depth, length);
  }
  if (depth === 0) return records;
  const groups = new Map<string, number[]>();
  const stated = new Map<number, TargetOverride>();
  let previous: string[] = [];
  records.forEach((record, index) => {
    const path = levelPath(record, levels, previous);
    previous = path;
    if (path.length >= depth) {
      const key = pathKey(path.slice(0, depth));
      if (byPath.has(key)) {
        const group = groups.get(key) ?? [];
        group.push(index);
        groups.set(key, group);
      }
    } else {
      const override = byPath.get(pathKey(path));
      if (override && path.length > 0) stated.set(index, override);
    }
  });
  const result = [...records];
  const write = (index: number, fen: number): void => {
    const record = records[index];
    if (record) {
      result[index] = { ...record, [set.column]: targetCell(fen, readCell(record[set.column])) };
    }
  };
  for (const [key, indexes] of groups) {
    const after = toFen(byPath.get(key)?.after ?? 0) ?? 0;
    const readable = indexes.filter((i) => readCell(records[i]?.[set.column]).kind !== 'text');
    const weights = readable.map((i) => {
      const cell = readCell(records[i]?.[set.column]);
      return cell.kind === 'number' ? Math.max(0, toFen(cell.value) ?? 0) : 0;
    });
    apportion(after, weights).forEach((fen, i) => write(readable[i] ?? -1, fen));
  }
  for (const [index, override] of stated) write(index, toFen(override.after) ?? 0);
  return result;
}
