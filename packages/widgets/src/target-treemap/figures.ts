import {
  paceStatusWord,
  formatGap,
  formatRate,
  formatValue,
  type Lang,
  type Status,
  type TargetMeasure,
  type TargetNode,
  type Unit,
} from '@stratex/core';
import { message, type MessageKey } from '../base/lang';

export const STATUS_ICON: Record<Status, string> = {
  'on-track': '✓',
  'at-risk': '!',
  'off-track': '✕',
  unknown: '–',
};

export interface FigureWords {
  lang: Lang;
  unit: Unit;
  /** A budget: the words are budget, spent, used, remaining. */
  budget: boolean;
}

/** One item's figures as the tile, the tooltip and the data table show them. */
export interface TileFigures {
  name: string;
  target: string;
  actual: string;
  rate: string;
  gap: string;
  share: string;
  expected: string | null;
  pace: string | null;
  status: string;
  icon: string;
}

/** Column headings for the figures, in the order of `figureRow`. */
export function figureHeadings(words: FigureWords, pacing: boolean): string[] {
  const t = (key: MessageKey): string => message(words.lang, key);
  const headings = words.budget
    ? [t('treemapBudget'), t('treemapSpent'), t('treemapUsed'), t('treemapRemaining')]
    : [t('target'), t('actual'), t('achievement'), t('treemapGap')];
  headings.push(t('treemapShare'));
  if (pacing) headings.push(t('treemapExpected'), t('treemapVsPace'));
  headings.push(t('status'));
  return headings;
}

/** The figures in the order of `figureHeadings`. */
export function figureRow(figures: TileFigures): string[] {
  const row = [figures.target, figures.actual, figures.rate, figures.gap, figures.share];
  if (figures.pace !== null) row.push(figures.expected ?? '—', figures.pace);
  row.push(figures.status);
  return row;
}

export function nodeName(node: TargetNode, lang: Lang): string {
  if (node.path.length === 0) return message(lang, 'treemapAll');
  return node.key || '—';
}

/** Every figure of a node, formatted with the core's formatters. */
export function tileFigures(
  node: TargetNode,
  measure: TargetMeasure,
  words: FigureWords,
): TileFigures {
  const { lang, unit } = words;
  const value = (n: number | null): string => (n === null ? '—' : formatValue(n, unit, lang));
  const pacing = measure.basis === 'pace';
  return {
    name: nodeName(node, lang),
    target: value(node.target),
    actual: value(node.actual),
    rate: formatRate(measure.rate, lang),
    gap: formatGap(measure.gap, unit, lang),
    share: formatRate(node.shareOfParent, lang),
    expected: pacing ? value(measure.expected) : null,
    pace: pacing ? formatRate(measure.score, lang) : null,
    status: pacing
      ? paceStatusWord(measure.status, measure.periodState ?? 'running', lang)
      : message(lang, measure.status),
    icon: STATUS_ICON[measure.status],
  };
}

/** What a screen reader hears on a tile: the name and every figure in words. */
export function tileDescription(figures: TileFigures, words: FigureWords): string {
  const headings = figureHeadings(words, figures.pace !== null);
  const values = figureRow(figures);
  const colon = message(words.lang, 'colon');
  const parts = headings.map((heading, i) => `${heading}${colon}${values[i] ?? ''}`);
  return [figures.name, ...parts].join(message(words.lang, 'listSeparator'));
}
