import { type CubeMeasure, type Shape, shapeOf } from './cube-shapes';

/** What the requests over one table declared: their groupings, in order, every measure, and filters. */
export interface Declared {
  groupings: (readonly string[])[];
  measures: CubeMeasure[];
  /** The dimensions of each filter seen: how deep a drill has gone. */
  filters: (readonly string[])[];
}

/**
 * The pre-aggregates a drill would ask for, the likeliest first: grouping A filtered by the
 * first level of grouping B; by B's first two levels once a filter went one level down B,
 * and so on; at each depth the one with fewer dimensions first (the quicker to build).
 */
export function drillWishes(declared: ReadonlyMap<string, Declared>): Shape[] {
  const wishes: Shape[] = [];
  for (const [table, { groupings, measures, filters }] of declared) {
    // One level below the deepest a filter has reached along a grouping.
    const reach = (drilled: readonly string[]): number =>
      1 +
      Math.max(
        0,
        ...filters.map((filter) => {
          const depth = drilled.findIndex((dimension) => !filter.includes(dimension));
          return depth < 0 ? drilled.length : depth;
        }),
      );
    const deepest = Math.max(0, ...groupings.map((grouping) => grouping.length));
    for (let depth = 1; depth <= deepest; depth++) {
      const level: Shape[] = [];
      for (const grouped of groupings)
        for (const drilled of groupings) {
          if (grouped === drilled || drilled.length < depth || reach(drilled) < depth) continue;
          const path = drilled.slice(0, depth);
          if (!path.some((dimension) => !grouped.includes(dimension))) continue;
          level.push(shapeOf(table, [...grouped, ...path], measures));
        }
      level.sort((a, b) => a.dimensions.length - b.dimensions.length);
      wishes.push(...level);
    }
  }
  return wishes;
}
