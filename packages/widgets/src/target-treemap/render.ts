import {
  formatDayMonth,
  formatRate,
  type Lang,
  measureTarget,
  rateAtScore,
  type Status,
  type TargetMeasureOptions,
  type TargetNode,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { message, type MessageKey } from '../base/lang';
import { type Breakdown, type BreakdownColumns, splitOf } from './breakdown';
import type { ScorePalette } from './colour';
import {
  type FigureWords,
  figureHeadings,
  figureRow,
  type TileFigures,
  tileFigures,
} from './figures';
import { type DrawnTile, legend, type MapEvents, tileMap, tooltip } from './map';
import { type LevelView, splitWarning } from './view';
import { missingColumnsState } from '../base/missing-columns';
import type { NotesAbout } from '../base/notes-controller';
import type { NotesState } from '../base/notes-source';
import { notesCell, notesList, notesStatus } from '../base/notes-view';

export interface BreakdownScene {
  lang: Lang;
  columns: BreakdownColumns | undefined;
  /** Requested columns the rows do not have. */
  missing: readonly string[];
  /** The columns the rows have, named when some are missing. */
  headers: readonly string[];
  breakdown: Breakdown | undefined;
  node: TargetNode | undefined;
  view: LevelView | undefined;
  words: FigureWords;
  size: { width: number; height: number };
  options: TargetMeasureOptions;
  focusKey: string | undefined;
  tooltipKey: string | undefined;
  palette: ScorePalette;
  goTo: (depth: number) => void;
  events: MapEvents;
  /** The dated notes about a tile's path, when the treemap names a notes source, and how it fared. */
  notes?: NotesAbout | undefined;
  notesState?: NotesState | undefined;
}

/** The whole view of one level: heading, trail, warnings, map, colour key and data table. */
export function renderBreakdown(scene: BreakdownScene): TemplateResult {
  const t = (key: MessageKey): string => message(scene.lang, key);
  const { breakdown, node, view } = scene;
  const { columns } = scene;
  if (!breakdown || !node || !view || !columns) {
    return missingColumnsState(scene.lang, scene.missing, scene.headers);
  }
  const total = measureTarget(node.target, node.actual, scene.options);
  const totals = tileFigures(node, total, scene.words);
  const pacing = total.basis === 'pace';
  const headings = figureHeadings(scene.words, pacing);
  const level = columns.levels[node.path.length] ?? '';
  const title = scene.words.budget ? t('treemapBudgetTitle') : t('treemapTitle');
  const focusIndex = Math.max(
    0,
    view.drawn.findIndex((tile) => tile.box.key === scene.focusKey),
  );
  const tip = view.drawn.find((tile) => tile.box.key === scene.tooltipKey);
  const mapLabel = `${title}${t('colon')}${trailNames(node, scene.lang).join(' › ')}, ${byLevel(level, scene.lang)}. ${t('treemapDrill')}; ${t('treemapBack')}.`;
  return html`
    <header role="none">
      <h2>${title}</h2>
      ${summary(totals, headings, total.status)}
    </header>
    ${trail(node, scene, level)} ${warnings(scene, node, view.undrawn)}
    ${notesStatus(scene.notesState, scene.lang)}
    <div class="map-frame">
      ${tileMap(view.drawn, scene.size, focusIndex, mapLabel, scene.events)}
      ${tooltip(tip, scene.size, headings, tip ? figureRow(tip.figures) : [], tileNotes(scene, tip))}
    </div>
    ${colourKey(scene, pacing)} ${dataTable(scene, node, view, totals, headings, title, level)}
  `;
}

function byLevel(level: string, lang: Lang): string {
  return message(lang, 'treemapByLevel', { level });
}

function trailNames(node: TargetNode, lang: Lang): string[] {
  return [message(lang, 'treemapAll'), ...node.path.map((key) => key || '—')];
}

function summary(totals: TileFigures, headings: readonly string[], status: Status): TemplateResult {
  const row = figureRow(totals);
  const shown = [0, 1, 2].map((i) => html`<span>${headings[i]} <strong>${row[i]}</strong></span>`);
  return html`<p class="summary">
    ${shown}
    <span class="status" data-status=${status}
      ><span aria-hidden="true">${totals.icon}</span> ${totals.status}</span
    >
  </p>`;
}

function trail(node: TargetNode, scene: BreakdownScene, level: string): TemplateResult {
  const names = trailNames(node, scene.lang);
  const levels = scene.columns?.levels.join(' › ') ?? '';
  const label = message(scene.lang, 'treemapTrailOf', { levels });
  return html`<nav part="breadcrumb" aria-label=${label}>
    <ol>
      ${names.map((name, depth) =>
        depth === names.length - 1
          ? html`<li aria-current="location">${name}</li>`
          : html`<li><button type="button" @click=${() => scene.goTo(depth)}>${name}</button></li>`,
      )}
    </ol>
    ${level ? html`<span class="level">${byLevel(level, scene.lang)}</span>` : nothing}
  </nav>`;
}

function warnings(
  scene: BreakdownScene,
  node: TargetNode,
  undrawn: number,
): TemplateResult | typeof nothing {
  const { lang, breakdown, columns, words } = scene;
  const lines: string[] = [];
  const split = breakdown ? splitOf(node, breakdown.splits) : undefined;
  if (split && columns) lines.push(splitWarning(split, columns.levels, words.unit, lang));
  if (undrawn > 0) lines.push(`${undrawn} ${message(lang, 'treemapNotDrawn')}`);
  const unreadable = breakdown?.unreadable ?? [];
  if (unreadable.length > 0) {
    const list = unreadable
      .map((cell) => `#${cell.row} ${cell.column}: “${cell.value}”`)
      .join('; ');
    lines.push(`${unreadable.length} ${message(lang, 'unreadable')} — ${list}`);
  }
  if (lines.length === 0) return nothing;
  return html`<div part="warning" role="note">
    <ul class="warnings">
      ${lines.map((line) => html`<li><span aria-hidden="true">⚠</span> ${line}</li>`)}
    </ul>
  </div>`;
}

function colourKey(scene: BreakdownScene, pacing: boolean): TemplateResult {
  const t = (key: MessageKey): string => message(scene.lang, key);
  const { asOf, direction } = scene.options;
  const measure = scene.words.budget ? t('treemapUsed') : t('achievement');
  const asOfText = asOf ? formatDayMonth(asOf, scene.lang) : '';
  const caption = pacing ? `${t('treemapVsPace')} (${asOfText})` : measure;
  const low = scene.words.budget ? t('treemapOverBudget') : t('treemapBehind');
  const high = scene.words.budget ? t('treemapUnderBudget') : t('treemapAhead');
  return legend(scene.palette, caption, low, high, (score) =>
    formatRate(rateAtScore(score, direction), scene.lang),
  );
}

function dataTable(
  scene: BreakdownScene,
  node: TargetNode,
  view: LevelView,
  totals: TileFigures,
  headings: readonly string[],
  caption: string,
  level: string,
): TemplateResult {
  const rows = view.tiles.map((tile) => tileFigures(tile.node, tile.measure, scene.words));
  const { notes } = scene;
  // The notes of a tile's path; none for the whole (its path names no dimension).
  const notesOf = (path: readonly string[]): TemplateResult | typeof nothing =>
    notes
      ? html`<td>${path.length > 0 ? notesCell(notes([{ path }]), scene.lang) : ''}</td>`
      : nothing;
  const row = (figures: TileFigures, path: readonly string[]): TemplateResult =>
    html`<tr>
      <th scope="row">${figures.name}</th>
      ${figureRow(figures).map((value, i) =>
        i === headings.length - 1
          ? html`<td><span aria-hidden="true">${figures.icon}</span> ${value}</td>`
          : html`<td>${value}</td>`,
      )}
      ${notesOf(path)}
    </tr>`;
  return html`<table part="data-table">
    <caption>
      ${caption}${message(scene.lang, 'colon')}${trailNames(node, scene.lang).join(' › ')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${level}</th>
        ${headings.map((heading) => html`<th scope="col">${heading}</th>`)}
        ${notes ? html`<th scope="col">${message(scene.lang, 'notesHeading')}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${rows.map((figures, i) => row(figures, view.tiles[i]?.node.path ?? []))}
    </tbody>
    <tfoot>
      ${row(totals, node.path)}
    </tfoot>
  </table>`;
}

/** The dated notes about the tile whose details are shown. */
function tileNotes(
  scene: BreakdownScene,
  tile: DrawnTile | undefined,
): TemplateResult | typeof nothing {
  if (!scene.notes || !tile) return nothing;
  return notesList(scene.notes([{ path: tile.box.item.node.path }]), scene.lang);
}
