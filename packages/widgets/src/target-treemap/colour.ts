import { drawing } from '../base/drawing';

/** Score stops of the diverging scale: 1 (exactly on plan) is the neutral middle. */
export const SCORE_STOPS = [0.7, 0.85, 1, 1.15, 1.3] as const;

/** The custom properties behind the five score stops, from far behind plan to far ahead. */
const STOP_TOKENS = [
  '--_sx-achievement-far-behind',
  '--_sx-achievement-behind',
  '--_sx-achievement-on-plan',
  '--_sx-achievement-ahead',
  '--_sx-achievement-far-ahead',
] as const;

/** The colours a map is drawn with, read from the widget's achievement tokens. */
export interface ScorePalette {
  stops: readonly string[];
  unknown: string;
}

/** The achievement tokens as the element resolves them (its theme, the page's overrides). */
export function paletteOf(element: Element): ScorePalette {
  const style = getComputedStyle(element);
  const read = (name: string): string => hexOf(style.getPropertyValue(name).trim());
  return { stops: STOP_TOKENS.map(read), unknown: read('--_sx-achievement-unknown') };
}

/** Any colour the stylesheet may hold (a name, hsl(), #abc), as #rrggbb. */
function hexOf(colour: string): string {
  const rgb = drawing().interpolateRgb(colour || 'grey', colour || 'grey')(0);
  const hex = parseColour(rgb).map((channel) => channel.toString(16).padStart(2, '0'));
  return `#${hex.join('')}`;
}

const scales = new Map<string, (score: number) => string>();

function scoreScale(stops: readonly string[]): (score: number) => string {
  const key = stops.join();
  const known = scales.get(key);
  if (known) return known;
  const { interpolateRgb, scaleLinear } = drawing();
  const scale = scaleLinear<string>()
    .domain([...SCORE_STOPS])
    .range([...stops])
    .interpolate(interpolateRgb)
    .clamp(true);
  scales.set(key, scale);
  return scale;
}

/** The fill of a tile for its score (1 = on plan), as a hex or rgb() colour. */
export function scoreColour(score: number | null, palette: ScorePalette): string {
  if (score === null || !Number.isFinite(score)) return palette.unknown;
  return scoreScale(palette.stops)(score);
}

/** Whether text on this fill should be dark (for light fills) or light. */
export function prefersDarkText(fill: string): boolean {
  return relativeLuminance(fill) > 0.179;
}

function relativeLuminance(colour: string): number {
  const channels = parseColour(colour).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function parseColour(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1).map((part) => parseInt(part, 16));
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(colour);
  return rgb ? rgb.slice(1).map(Number) : [128, 128, 128];
}

/** Colour stops for the legend's gradient, from the lowest score to the highest. */
export function legendStops(palette: ScorePalette): { offset: number; colour: string }[] {
  const low = SCORE_STOPS[0];
  const high = SCORE_STOPS[SCORE_STOPS.length - 1] ?? 1;
  return SCORE_STOPS.map((stop, index) => ({
    offset: (stop - low) / (high - low),
    colour: palette.stops[index] ?? palette.unknown,
  }));
}
