/** The d3 pieces the widgets draw with. Loaded apart from the elements: see `drawing.ts`. */
export { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
export { interpolateRgb } from 'd3-interpolate';
export { scaleLinear, scaleUtc } from 'd3-scale';
export { line } from 'd3-shape';
export { utcDay, utcMonday, utcMonth, utcYear } from 'd3-time';
