import type { CellRecord } from '../records/records';
import { headersOf } from '../records/roles';
import { readCell } from '../values/cells';
import type { NumberCell, Unit } from '../values/values';
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

/** What a table's rows say to a what-if, read once per table: each row's place and its target. */
interface TableReading {
  /** The level columns the rows have, top first. */
  levels: readonly string[];
  paths: readonly string[][];
  /** Per row: its target in fen (0 for none or below zero), or null for text that is no figure. */
  fen: readonly (number | null)[];
  units: readonly Unit[];
  /** Per depth: each row's path to that depth as a key, undefined for a row above it. */
  keys: Map<number, readonly (string | undefined)[]>;
}

const readings = new WeakMap<readonly CellRecord[], Map<string, TableReading | null>>();

/** The rows read for `column` and `levels` (kept while the rows are): null without the target column. */
function readingOf(
  records: readonly CellRecord[],
  column: string,
  levels: readonly string[],
): TableReading | null {
  const byKey = readings.get(records) ?? new Map<string, TableReading | null>();
  readings.set(records, byKey);
  const key = `${column}\u0001${pathKey(levels)}`;
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const headers = new Set(headersOf(records));
  let present = 0;
  while (present < levels.length && headers.has(levels[present] ?? '')) present += 1;
  const reading = headers.has(column) ? readRows(records, column, levels.slice(0, present)) : null;
  byKey.set(key, reading);
  return reading;
}

function readRows(
  records: readonly CellRecord[],
  column: string,
  levels: readonly string[],
): TableReading {
  const paths: string[][] = [];
  const fen: (number | null)[] = [];
  const units: Unit[] = [];
  let previous: string[] = [];
  for (const record of records) {
    previous = levelPath(record, levels, previous);
    paths.push(previous);
    const cell = readCell(record[column]);
    fen.push(
      cell.kind === 'text'
        ? null
        : cell.kind === 'number'
          ? Math.max(0, toFen(cell.value) ?? 0)
          : 0,
    );
    units.push(cell.kind === 'number' ? cell.unit : 'money');
  }
  return { levels, paths, fen, units, keys: new Map() };
}

function keysAt(reading: TableReading, depth: number): readonly (string | undefined)[] {
  let keys = reading.keys.get(depth);
  if (!keys) {
    keys = reading.paths.map((path) =>
      path.length >= depth ? pathKey(path.slice(0, depth)) : undefined,
    );
    reading.keys.set(depth, keys);
  }
  return keys;
}

const parsedSets = new WeakMap<TargetOverrideSet, Map<string, OverridesByPath>>();

interface OverridesByPath {
  byPath: Map<string, TargetOverride>;
  /** The deepest level an override names. */
  depth: number;
}

/** The set's overrides by their path along `levels` (read once per set: every widget on the source reads it). */
function overridesByPath(set: TargetOverrideSet, levels: readonly string[]): OverridesByPath {
  const byLevels = parsedSets.get(set) ?? new Map<string, OverridesByPath>();
  parsedSets.set(set, byLevels);
  const known = byLevels.get(pathKey(levels));
  if (known) return known;
  const byPath = new Map<string, TargetOverride>();
  let depth = 0;
  for (const override of set.overrides) {
    const path = levels.map((level) => override.match[level]);
    const named = path.findIndex((key) => key === undefined);
    const length = named === -1 ? path.length : named;
    if (length !== Object.keys(override.match).length) continue;
    byPath.set(pathKey(path.slice(0, length) as string[]), override);
    depth = Math.max(depth, length);
  }
  const parsed = { byPath, depth };
  byLevels.set(pathKey(levels), parsed);
  return parsed;
}

/**
 * The rows with the what-if's targets in `set.column`: each changed tile's new target spread
 * over the rows below it in proportion to their own (to the fen), a subtotal row given its
 * tile's new figure. Rows read at the deepest level whose columns they all have, so a table
 * summed by region follows edits made per region and product. Rows of unchanged tiles are the
 * same objects; nothing is changed in place. What the rows say is read once per table, so a
 * what-if's every edit only spreads its figures.
 */
export function applyTargetOverrides(
  records: readonly CellRecord[],
  set: TargetOverrideSet | undefined,
): readonly CellRecord[] {
  if (!set || set.overrides.length === 0 || records.length === 0) return records;
  const reading = readingOf(records, set.column, set.levels);
  if (!reading) return records;
  const { byPath, depth } = overridesByPath(set, reading.levels);
  if (depth === 0) return records;
  const keys = keysAt(reading, depth);
  const groups = new Map<string, number[]>();
  const stated = new Map<number, TargetOverride>();
  reading.paths.forEach((path, index) => {
    const key = keys[index];
    if (key !== undefined) {
      if (byPath.has(key)) {
        const group = groups.get(key);
        if (group) group.push(index);
        else groups.set(key, [index]);
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
      const unit = reading.units[index] ?? 'money';
      const cell: NumberCell = { kind: 'number', value: fromFen(fen), unit, raw: fenText(fen) };
      result[index] = { ...record, [set.column]: cell };
    }
  };
  for (const [key, indexes] of groups) {
    const after = toFen(byPath.get(key)?.after ?? 0) ?? 0;
    const readable = indexes.filter((i) => reading.fen[i] !== null);
    if (readable.length === 1) write(readable[0] ?? -1, after);
    else {
      const weights = readable.map((i) => reading.fen[i] ?? 0);
      apportion(after, weights).forEach((fen, i) => write(readable[i] ?? -1, fen));
    }
  }
  for (const [index, override] of stated) write(index, toFen(override.after) ?? 0);
  return result;
}
