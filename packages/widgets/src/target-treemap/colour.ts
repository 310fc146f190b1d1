import { drawing } from '../base/drawing';

/** Score stops of the diverging scale: 1 (exactly on plan) is the neutral middle. */
export const SCORE_STOPS = [0.7, 0.85, 1, 1.15, 1.3] as const;

/**
 * Red–blue diverging palettes (safe for the common colour-vision deficiencies): red is
 * behind plan, blue ahead. The dark palette keeps the middle dark so light text reads.
 */
const PALETTES = {
  light: ['#b2182b', '#ef8a62', '#e6e6e6', '#67a9cf', '#2166ac'],
  dark: ['#c4343f', '#b8674f', '#474e5c', '#3f7fae', '#2f69b3'],
} as const;

export type Theme = keyof typeof PALETTES;

const NO_SCORE = { light: '#c9ced6', dark: '#3a404c' } as const;

type ScoreScale = (score: number) => string;
let scales: Record<Theme, ScoreScale> | undefined;

function scoreScale(theme: Theme): ScoreScale {
  const { interpolateRgb, scaleLinear } = drawing();
  const scale = (palette: readonly string[]): ScoreScale =>
    scaleLinear<string>()
      .domain([...SCORE_STOPS])
      .range([...palette])
      .interpolate(interpolateRgb)
      .clamp(true);
  scales ??= { light: scale(PALETTES.light), dark: scale(PALETTES.dark) };
  return scales[theme];
}

/** The fill of a tile for its score (1 = on plan), as a hex or rgb() colour. */
export function scoreColour(score: number | null, theme: Theme = 'light'): string {
  if (score === null || !Number.isFinite(score)) return NO_SCORE[theme];
  return scoreScale(theme)(score);
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
export function legendStops(theme: Theme = 'light'): { offset: number; colour: string }[] {
  const low = SCORE_STOPS[0];
  const high = SCORE_STOPS[SCORE_STOPS.length - 1] ?? 1;
  return SCORE_STOPS.map((stop, index) => ({
    offset: (stop - low) / (high - low),
    colour: PALETTES[theme][index] ?? NO_SCORE[theme],
  }));
}
