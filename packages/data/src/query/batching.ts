import { ownValue, type RecordRow } from '../loaded-table';
import type { BoundSql, Dialect } from './dialect';
import { type AggregatePlan, type PlannedMeasure, renderAggregate } from './render';

/** A database aggregates are sent to: how it spells SQL and how a query reaches it. */
export interface Scanner {
  readonly dialect: Dialect;
  run(query: BoundSql): Promise<RecordRow[]>;
}

interface Pending {
  scanner: Scanner;
  plan: AggregatePlan;
  key: string;
  settle: { resolve(rows: RecordRow[]): void; reject(cause: unknown): void };
}

/**
 * Aggregates asked in the same turn over the same table, grouping and filter share one
 * scan: their measures are computed together and each request gets its own back. Requests
 * share a scan only within one database.
 */
export class AggregateBatcher {
  #batch: Pending[] | undefined;

  /** The rows of `plan`, computed on `scanner` with every alike plan asked in this turn. */
  aggregate(scanner: Scanner, plan: AggregatePlan): Promise<RecordRow[]> {
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
      this.#batch.push({ scanner, plan, key, settle: { resolve, reject } });
    });
  }
}

async function flush(batch: readonly Pending[]): Promise<void> {
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
function mergeMeasures(lists: readonly (readonly PlannedMeasure[])[]): {
  measures: PlannedMeasure[];
  pick(index: number, plan: AggregatePlan, rows: RecordRow[]): RecordRow[];
} {
  if (lists.length === 1) return { measures: [...lists[0]!], pick: (_, __, rows) => rows };
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
