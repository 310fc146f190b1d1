import { drawing } from '../base/drawing';

/** One item to place: its area is proportional to `value` (the planned target). */
export interface TileInput<T> {
  key: string;
  value: number;
  item: T;
}

export interface TileBox<T> {
  key: string;
  item: T;
  x: number;
  y: number;
  width: number;
  height: number;
}

type Direction = 'left' | 'right' | 'up' | 'down';

/** The map's height for a container width: taller than wide on a phone, wide on a wall screen. */
export function mapHeight(width: number): number {
  const ratio = width < 480 ? 0.9 : 0.56;
  return Math.round(Math.min(560, Math.max(240, width * ratio)));
}

/**
 * Squarified tiles, largest first, with no padding: each tile's area is exactly its
 * share of the total (gaps between tiles are drawn as strokes, not taken from the area).
 */
export function layoutTiles<T>(
  inputs: readonly TileInput<T>[],
  width: number,
  height: number,
): TileBox<T>[] {
  const drawable = inputs.filter((input) => Number.isFinite(input.value) && input.value > 0);
  if (drawable.length === 0 || width <= 0 || height <= 0) return [];
  type Datum = { input?: TileInput<T>; children?: Datum[] };
  const { hierarchy, treemap, treemapSquarify } = drawing();
  const root = hierarchy<Datum>({ children: drawable.map((input) => ({ input })) })
    .sum((datum) => datum.input?.value ?? 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid = treemap<Datum>().tile(treemapSquarify.ratio(1.4)).size([width, height]).round(false)(
    root,
  );
  return laid.leaves().flatMap((leaf) => {
    const input = leaf.data.input;
    if (!input) return [];
    return [
      {
        key: input.key,
        item: input.item,
        x: leaf.x0,
        y: leaf.y0,
        width: leaf.x1 - leaf.x0,
        height: leaf.y1 - leaf.y0,
      },
    ];
  });
}

/** A conservative estimate of a text's width in px, with no DOM: CJK glyphs are square, Latin narrower. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    if (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(char)) ems += 1;
    else if (/[A-Z%@#MW]/.test(char)) ems += 0.72;
    else if (/[ilj.,:;'!|I]/.test(char)) ems += 0.3;
    else ems += 0.6;
  }
  return ems * fontSize;
}

export interface LabelPlan {
  /** The name as it fits (shortened with an ellipsis), or null when it does not fit at all. */
  name: string | null;
  /** Whether the figure line (status icon and rate) fits under the name. */
  figure: boolean;
  /** Whether the detail line (actual / target) fits under the figure. */
  detail: boolean;
  size: LabelSize;
}

export interface LabelSize {
  name: number;
  figure: number;
  detail: number;
}

export const LABEL_PADDING = 6;
export const LINE_GAP = 4;
const LARGE: LabelSize = { name: 15, figure: 22, detail: 12 };
const NORMAL: LabelSize = { name: 13, figure: 12, detail: 11 };

/** Where each line's baseline sits below the tile's top edge. */
export function baselines(size: LabelSize): [number, number, number] {
  const name = LABEL_PADDING + size.name * 0.9;
  const figure = name + LINE_GAP + size.figure * 0.95;
  const detail = figure + LINE_GAP + size.detail;
  return [name, figure, detail];
}

/** What of a tile's label fits inside it; labels never leave their tile, so they never overlap. */
export function planLabel(
  lines: { name: string; figure: string; detail: string },
  width: number,
  height: number,
): LabelPlan {
  const room = width - 2 * LABEL_PADDING;
  const size = width >= 150 && height >= 100 ? LARGE : NORMAL;
  const [nameLine, figureLine, detailLine] = baselines(size);
  const none: LabelPlan = { name: null, figure: false, detail: false, size };
  if (height < nameLine + LABEL_PADDING || room < size.name * 2) return none;
  const name = fitText(lines.name, room, size.name);
  if (name === null) return none;
  const figure =
    height >= figureLine + LABEL_PADDING && textWidth(lines.figure, size.figure) <= room;
  const detail =
    figure && height >= detailLine + LABEL_PADDING && textWidth(lines.detail, size.detail) <= room;
  return { name, figure, detail, size };
}

function fitText(text: string, room: number, fontSize: number): string | null {
  if (textWidth(text, fontSize) <= room) return text;
  const chars = Array.from(text);
  for (let keep = chars.length - 1; keep >= 2; keep--) {
    const shortened = `${chars.slice(0, keep).join('')}…`;
    if (textWidth(shortened, fontSize) <= room) return shortened;
  }
  return null;
}

/** The tile an arrow key moves to: the nearest one beyond that edge, preferring tiles alongside. */
export function neighbour<T>(
  boxes: readonly TileBox<T>[],
  from: number,
  direction: Direction,
): number {
  const origin = boxes[from];
  if (!origin) return from;
  const horizontal = direction === 'left' || direction === 'right';
  const span = (box: TileBox<T>): [number, number] =>
    horizontal ? [box.y, box.y + box.height] : [box.x, box.x + box.width];
  const [start, end] = span(origin);
  let best = from;
  let bestScore = Infinity;
  boxes.forEach((box, index) => {
    if (index === from) return;
    const distance = {
      right: box.x - (origin.x + origin.width),
      left: origin.x - (box.x + box.width),
      down: box.y - (origin.y + origin.height),
      up: origin.y - (box.y + box.height),
    }[direction];
    if (distance < -0.5) return;
    const [boxStart, boxEnd] = span(box);
    const overlap = Math.min(end, boxEnd) - Math.max(start, boxStart);
    const offset = Math.abs((boxStart + boxEnd) / 2 - (start + end) / 2);
    const score = distance + (overlap > 0.5 ? 0 : 100_000) + offset / 1000;
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The tile a navigation key moves to (arrows, Home, End), or undefined for any other key. */
export function tileForKey<T>(
  key: string,
  boxes: readonly TileBox<T>[],
  from: number,
): number | undefined {
  const direction = ARROWS[key];
  if (direction) return neighbour(boxes, from, direction);
  if (key === 'Home') return 0;
  if (key === 'End') return boxes.length - 1;
  return undefined;
}
