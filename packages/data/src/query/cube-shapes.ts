import type { Aggregate } from './contract';

/** A measure as a pre-aggregate keeps it: the column and how its values are combined. */
export interface CubeMeasure {
  column: string;
  aggregate: Aggregate;
}

/** What a pre-aggregate combines: dimensions and measures in one order, so equal shapes are equal. */
export interface Shape {
  table: string;
  dimensions: readonly string[];
  measures: readonly CubeMeasure[];
  key: string;
}

export const measureKey = (measure: CubeMeasure): string =>
  `${measure.aggregate}\u0000${measure.column}`;

export function shapeOf(
  table: string,
  dimensions: Iterable<string>,
  measures: readonly CubeMeasure[],
): Shape {
  const sortedDimensions = [...new Set(dimensions)].sort();
  const byKey = new Map(
    measures.map(({ column, aggregate }) => [
      measureKey({ column, aggregate }),
      { column, aggregate },
    ]),
  );
  const sortedMeasures = [...byKey.keys()].sort().map((key) => byKey.get(key)!);
  return {
    table,
    dimensions: sortedDimensions,
    measures: sortedMeasures,
    key: JSON.stringify([table, sortedDimensions, sortedMeasures.map(measureKey)]),
  };
}

/**
 * True when `need` can be answered from `cube`: it holds every measure, and the same
 * dimensions, or more when `rollUp` (the measures then combine over the rest exactly).
 */
export function covers(cube: Shape, need: Shape, rollUp: boolean): boolean {
  if (cube.table !== need.table) return false;
  const measures = new Set(cube.measures.map(measureKey));
  if (!need.measures.every((measure) => measures.has(measureKey(measure)))) return false;
  if (!rollUp && cube.dimensions.length !== need.dimensions.length) return false;
  return need.dimensions.every((dimension) => cube.dimensions.includes(dimension));
}
