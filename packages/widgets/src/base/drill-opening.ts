import type { Lang } from '@stratex/core';
import type { DrillDays, DrillFigures, DrillRequest, Engine, Measure } from '@stratex/data';

/** What a drill-through panel is opened with: the figure, and how to ask for the rows behind it. */
export interface DrillOpening {
  engine: Pick<Engine, 'coordinator'>;
  source: string;
  /** Every filter in force: the figure's own values, the drill path, other widgets' choices. */
  filters: Readonly<Record<string, string>>;
  /** The figure's measures, asked as the figure asked them. */
  measures: readonly Measure[];
  /** The days the figure counts (an alert's, up to its as-of date); every day when absent. */
  days?: DrillDays | undefined;
  figure: { label: string; values: Readonly<Record<string, string>> };
  lang: Lang;
  /** Name (without extension) of an exported slice. */
  fileStem: string;
}

/**
 * The drill-through request of an opening, for the page of rows at `offset`; `known`, what an
 * earlier page said of every row, is not asked again.
 */
export function drillRequest(
  opening: DrillOpening,
  offset = 0,
  limit = 50,
  known?: DrillFigures,
): DrillRequest {
  return {
    source: opening.source,
    filter: opening.filters,
    measures: opening.measures,
    ...(opening.days ? { days: opening.days } : {}),
    offset,
    limit,
    ...(known ? { known } : {}),
  };
}
