import {
  describeSplit,
  type Lang,
  type SplitCheck,
  type TargetMeasureOptions,
  type TargetNode,
  type Unit,
} from '@stratex/core';
import { message } from '../base/lang';
import type { Selection } from '../base/selection';
import { type BreakdownColumns, type Tile, tilesOf } from './breakdown';
import { prefersDarkText, type ScorePalette, scoreColour } from './colour';
import { type FigureWords, tileDescription, tileFigures } from './figures';
import { layoutTiles, planLabel } from './layout';
import type { DrawnTile } from './map';

export interface LevelView {
  tiles: Tile[];
  drawn: DrawnTile[];
  /** Tiles with no positive target: listed in the table, not drawn. */
  undrawn: number;
}

export interface LevelViewOptions {
  columns: BreakdownColumns;
  splits: readonly SplitCheck[];
  measure: TargetMeasureOptions;
  words: FigureWords;
  palette: ScorePalette;
  size: { width: number; height: number };
  selection: Selection | null;
}

/** The path of a node as a selection: level column → value, from the top down. */
export function selectionOf(node: TargetNode, levels: readonly string[]): Selection {
  const selection: Record<string, string> = {};
  node.path.forEach((key, i) => {
    const level = levels[i];
    if (level !== undefined) selection[level] = key;
  });
  return selection;
}

function withinSelection(
  node: TargetNode,
  levels: readonly string[],
  selection: Selection,
): boolean {
  return node.path.every((key, i) => {
    const level = levels[i];
    return level === undefined || !(level in selection) || selection[level] === key;
  });
}

/** Explains a split that does not add up, naming the node it belongs to below the top. */
export function splitWarning(
  split: SplitCheck,
  levels: readonly string[],
  unit: Unit,
  lang: Lang,
): string {
  const level = levels[split.path.length] ?? '';
  const sentence = describeSplit(split, level, unit, lang);
  const owner = split.path.at(-1);
  return owner ? `${owner}${message(lang, 'colon')}${sentence}` : sentence;
}

/** One level of the breakdown laid out, coloured and labelled. */
export function levelView(node: TargetNode, options: LevelViewOptions): LevelView {
  const { columns, words, size, selection } = options;
  const tiles = tilesOf(node, options.splits, options.measure);
  const boxes = layoutTiles(
    tiles.map((tile) => ({ key: tile.node.key, value: tile.node.target ?? 0, item: tile })),
    size.width,
    size.height,
  );
  const chosenHere =
    selection !== null && Object.keys(selection).length > node.path.length ? selection : null;
  const drawn = boxes.map((box): DrawnTile => {
    const tile = box.item;
    const figures = tileFigures(tile.node, tile.measure, words);
    const fill = scoreColour(tile.measure.score, options.palette);
    const figureLine = `${figures.icon} ${figures.rate}${tile.split ? ' ⚠' : ''}`;
    const detailLine = `${figures.actual} / ${figures.target}`;
    const inSelection =
      chosenHere !== null && withinSelection(tile.node, columns.levels, chosenHere);
    return {
      box,
      figures,
      status: tile.measure.status,
      fill,
      darkText: prefersDarkText(fill),
      label: planLabel(
        { name: figures.name, figure: figureLine, detail: detailLine },
        box.width,
        box.height,
      ),
      figureLine,
      detailLine,
      description: tileDescription(figures, words),
      drillable: tile.node.children.length > 0,
      selected: inSelection,
      dimmed: chosenHere !== null && !inSelection,
      warning: tile.split ? splitWarning(tile.split, columns.levels, words.unit, words.lang) : null,
    };
  });
  return { tiles, drawn, undrawn: tiles.length - drawn.length };
}
