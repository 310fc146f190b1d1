import type { KpiPacing, KpiPoint } from '@stratex/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { drawing } from '../base/drawing';

/** The drawing box; the picture stretches to its container, strokes keep their width. */
export const SPARKLINE_WIDTH = 200;
export const SPARKLINE_HEIGHT = 48;
const INSET = 4;

export interface SparklineGeometry {
  /** Path of the running total (or running mean) through the as-of date. */
  actual: string;
  /** Path of the target's pace over the whole period. */
  pace: string;
  /** Where the actual line ends, or null when there is nothing yet. */
  now: { x: number; y: number } | null;
}

/** Totals rise from zero; a rate's range is its own, padded, so that the gap to target shows. */
function valueRange(values: readonly number[], fromZero: boolean): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (fromZero) return [Math.min(0, low), Math.max(0, high)];
  const pad = (high - low) * 0.15 || Math.abs(high) * 0.1 || 1;
  return [low - pad, high + pad];
}

/** Scales a KPI's actual and pace lines into the sparkline box: days across, value up. */
export function sparklineGeometry(kpi: KpiPacing): SparklineGeometry {
  const values = [...kpi.actualLine, ...kpi.paceLine].map((point) => point.value);
  const [low, high] = valueRange(values, kpi.measure === 'total');
  const { line, scaleLinear } = drawing();
  const x = scaleLinear()
    .domain([0, Math.max(1, kpi.daysTotal)])
    .range([INSET, SPARKLINE_WIDTH - INSET]);
  const y = scaleLinear()
    .domain([low, high === low ? low + 1 : high])
    .range([SPARKLINE_HEIGHT - INSET, INSET]);
  const path = line<KpiPoint>()
    .x((point) => x(point.day))
    .y((point) => y(point.value));
  const last = kpi.actualLine[kpi.actualLine.length - 1];
  return {
    actual: path(kpi.actualLine) ?? '',
    pace: path(kpi.paceLine) ?? '',
    now: last ? { x: x(last.day), y: y(last.value) } : null,
  };
}

/** A sparkline of a KPI: its cumulative line, the dashed pace line, a dot at the as-of day. */
export function sparkline(kpi: KpiPacing, label: string): TemplateResult {
  const geometry = sparklineGeometry(kpi);
  const { now } = geometry;
  return html`<svg
    part="sparkline"
    viewBox="0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}"
    preserveAspectRatio="none"
    role="img"
    aria-label=${label}
  >
    <path class="pace" d=${geometry.pace}></path>
    <path class="actual" d=${geometry.actual}></path>
    ${now ? svg`<path class="now" d="M${now.x},${now.y}h0"></path>` : nothing}
  </svg>`;
}
