import { ownValue, type RecordRow } from '../loaded-table';
import { type CubeMeasure, shapeOf } from './cube-shapes';
import type { BoundSql, Dialect } from './dialect';
import {
  type AggregatePlan,
  GROUPING_SET,
  type PlannedMeasure,
  renderAggregate,
  renderGroupingSets,
} from './render';

/** A database aggregates are sent to: how it spells SQL and how a query reaches it. */
export interface Scanner {
  readonly dialect: Dialect;
  run(query: BoundSql): Promise<RecordRow[]>;
}

/** One group of a grouping computed beside the asked ones: its dimensions as text, its measures. */
export interface KeptGroup {
  dimensions: readonly (string | null)[];
  measures: readonly (number | null)[];
}

/**
 * What else a scan of a table's rows may group by while it is being read (the groupings a
 * drill is likely to ask for next), and who keeps those groups (the source's pre-aggregates).
 */
export interface Alongside {
  /** The groupings likely to be asked for, each as its dimensions. */
  likely(): readonly (readonly string[])[];
  /** The groups of `dimensions`, with `measures` combined as a pre-aggregate keeps them. */
  keep(dimensions: readonly string[], measures: readonly CubeMeasure[], groups: KeptGroup[]): void;
}

interface Pending {
  scanner: Scanner;
  plan: AggregatePlan;
  key: string;
  alongside: Alongside | undefined;
  settle: { resolve(rows: RecordRow[]): void; reject(cause: unknown): void };
}

/**
 * Aggregates asked in the same turn over the same table, grouping and filter share one
 * scan: their measures are computed together and each request gets its own back. Requests
 * share a scan only within one database. Those that come `alongside` a source's
 * pre-aggregates (and ask for no order or limit) also share one scan across groupings,
 * where the database groups several ways at once, and the groupings the pre-aggregates
 * find likely are computed in it too and handed to them.
 */
export class AggregateBatcher {
  #batch: Pending[] | undefined;

  /** The rows of `plan`, computed on `scanner` with every alike plan asked in this turn. */
  aggregate(scanner: Scanner, plan: AggregatePlan, alongside?: Alongside): Promise<RecordRow[]> {
    const key = JSON.stringify([plan.table, plan.groupBy, plan.filter, plan.orderBy, plan.limit]);
    return new Promise<RecordRow[]>((resolve, reject) => {
      if (!this.#batch) {
        const batch: Pending[] = [];
        this.#batch = batch;
        setTimeout(() => {
          this.#batch = undefined;
          void flush(batch);
        }, 0);
      }
      this.#batch.push({ scanner, plan, key, alongside, settle: { resolve, reject } });
    });
  }
}

async function flush(batch: readonly Pending[]): Promise<void> {
  const scans = new Map<Scanner, Map<string, Pending[]>>();
  const alone: Pending[] = [];
  for (const item of batch) {
    const { scanner, plan, alongside } = item;
    if (
      !alongside ||
      !scanner.dialect.groupingSets ||
      plan.orderBy?.length ||
      plan.limit !== undefined
    ) {
      alone.push(item);
      continue;
    }
    const byScan = scans.get(scanner) ?? new Map<string, Pending[]>();
    const key = JSON.stringify([plan.table, plan.filter]);
    byScan.set(key, [...(byScan.get(key) ?? []), item]);
    scans.set(scanner, byScan);
  }
  const scanned = [...scans.values()].flatMap((byScan) => [...byScan.values()]);
  await Promise.all([
    alike(alone),
    ...scanned.map((items) => groupedAtOnce(items).catch(() => alike(items))),
  ]);
}

/** Grouping name of a list of dimensions, whatever their order. */
const groupingKey = (dimensions: readonly string[]): string =>
  JSON.stringify([...new Set(dimensions)].sort());

/**
 * Plans over one table and filter, each grouped its own way, in one scan with the likely
 * groupings beside them; plans of a single grouping with nothing likely go as `alike`.
 */
async function groupedAtOnce(items: readonly Pending[]): Promise<void> {
  const first = items[0]!;
  const { scanner, plan } = first;
  const groupings = new Map<string, readonly string[]>();
  for (const item of items) groupings.set(groupingKey(item.plan.groupBy), item.plan.groupBy);
  const asked = new Set(groupings.keys());
  const likely =
    Object.keys(plan.filter).length > 0
      ? []
      : (first.alongside?.likely() ?? []).filter(
          (dimensions) => !asked.has(groupingKey(dimensions)),
        );
  if (groupings.size + likely.length < 2) return alike(items);
  // Private names: another grouping's dimension may be called as a measure is.
  const merged = mergeMeasures(
    items.map((item) => item.plan.measures),
    true,
  );
  const kept = shapeOf(plan.table, [], merged.measures).measures;
  const rawName = (index: number): string => `sx_raw_${index}`;
  const scan = renderGroupingSets(
    scanner.dialect,
    plan.table,
    plan.filter,
    [...groupings.values(), ...likely],
    merged.measures,
    kept,
    rawName,
  );
  const rows = await scanner.run(scan.query);
  const bySet = new Map<number, RecordRow[]>();
  for (const row of rows) {
    const set = Number(row[GROUPING_SET]);
    const list = bySet.get(set);
    if (list) list.push(row);
    else bySet.set(set, [row]);
  }
  const rowsOf = (dimensions: readonly string[]): RecordRow[] =>
    bySet.get(scan.setOf(dimensions)) ?? [];
  items.forEach((item, index) =>
    item.settle.resolve(merged.pick(index, item.plan, rowsOf(item.plan.groupBy))),
  );
  for (const dimensions of likely) {
    const groups = rowsOf(dimensions).map((row) => ({
      dimensions: dimensions.map((dimension) => text(row[dimension])),
      measures: kept.map((_, index) => number(row[rawName(index)])),
    }));
    first.alongside?.keep(dimensions, kept, groups);
  }
}

const text = (value: unknown): string | null => (value === null ? null : String(value));
const number = (value: unknown): number | null => (value === null ? null : Number(value));

/** Plans that share a scan only with plans of the same grouping and filter. */
async function alike(batch: readonly Pending[]): Promise<void> {
  const groups = new Map<Scanner, Map<string, Pending[]>>();
  for (const item of batch) {
    const byKey = groups.get(item.scanner) ?? new Map<string, Pending[]>();
    byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
    groups.set(item.scanner, byKey);
  }
  await Promise.all(
    [...groups.values()]
      .flatMap((byKey) => [...byKey.values()])
      .map(async (items) => {
        const first = items[0]!;
        const { scanner } = first;
        const merged = mergeMeasures(items.map((item) => item.plan.measures));
        try {
          const rows = await scanner.run(
            renderAggregate(scanner.dialect, { ...first.plan, measures: merged.measures }),
          );
          items.forEach((item, index) => item.settle.resolve(merged.pick(index, item.plan, rows)));
        } catch (cause) {
          for (const item of items) item.settle.reject(cause);
        }
      }),
  );
}

/** Measures of several requests computed once each, and how to hand each request its own. */
function mergeMeasures(
  lists: readonly (readonly PlannedMeasure[])[],
  rename = lists.length > 1,
): {
  measures: PlannedMeasure[];
  pick(index: number, plan: AggregatePlan, rows: RecordRow[]): RecordRow[];
} {
  if (!rename) return { measures: [...lists[0]!], pick: (_, __, rows) => rows };
  const measures: PlannedMeasure[] = [];
  const slots = lists.map((list) =>
    list.map((measure) => {
      const at = measures.findIndex(
        (known) =>
          known.column === measure.column &&
          known.aggregate === measure.aggregate &&
          known.digits === measure.digits,
      );
      if (at >= 0) return measures[at]!.name;
      const name = `sx_m_${measures.length}`;
      measures.push({ ...measure, name });
      return name;
    }),
  );
  return {
    measures,
    pick(index, plan, rows) {
      const mine = slots[index]!;
      return rows.map((row) => {
        const out: RecordRow = {};
        for (const level of plan.groupBy) ownValue(out, level, row[level]);
        plan.measures.forEach((measure, at) => ownValue(out, measure.name, row[mine[at]!]));
        return out;
      });
    },
  };
}
