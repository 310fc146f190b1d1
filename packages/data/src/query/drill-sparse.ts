import type { LoadedTable } from '../loaded-table';
import type { DimensionFilter, Measure } from './contract';
import { summedFigures } from './drill-days';
import type { DrillFigures } from './drill-figures';
import { alignedOn, renderPageIds, renderTwinSums, ROW_ID } from './drill-sql';
import type { Route } from './source-versions';

/** Most matching rows a drill finds by their ids, to count and sum them alone. */
const SPARSE = 1_000;

/** Every row of a source that matches a filter, when they are few, with their count and sums. */
export interface SparseRows {
  /** The text table's ids of the matching rows, in the file's order. */
  ids: number[];
  figures: DrillFigures;
}

/**
 * The rows of a CSV source (text table and typed twin) that match `filter`, when at most
 * `SPARSE` do: one scan finds them all, and their count and the sums of `measures` (with the
 * rows whose cells did not read) are taken from those rows alone, so a figure that no answer
 * or pre-aggregate holds needs no second scan. Undefined when more rows match.
 */
export async function sparseRows(
  route: Route,
  loaded: LoadedTable & { typedTable: string },
  filter: DimensionFilter,
  measures: readonly Measure[],
): Promise<SparseRows | undefined> {
  const tables = { text: loaded.table, typed: loaded.typedTable };
  const page = { filter, offset: 0, limit: SPARSE + 1 };
  const found = await route.run(renderPageIds(route.dialect, tables, page));
  if (found.length > SPARSE) return undefined;
  const ids = found.map((row) => Number(row[ROW_ID]));
  const only = alignedOn(route.dialect, ids);
  const [row] = await route.run(renderTwinSums(only, tables, measures, { filter }));
  return { ids, figures: summedFigures(row, measures) };
}
