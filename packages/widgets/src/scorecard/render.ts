import {
  formatDate,
  labelSubjects,
  formatRate,
  formatValue,
  type Lang,
  paceStatusWord,
  type ParsedCell,
  type Scorecard,
  type ScorecardRow,
  type Status,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../base/lang';
import type { NotesAbout } from '../base/notes-controller';
import type { NotesState } from '../base/notes-source';
import type { RowRange, RowWindow } from '../base/row-window';
import { notesCell, notesList, notesStatus } from '../base/notes-view';
import { bulletChart } from './bullet';

const statusIcon: Record<Status, string> = {
  'on-track': '✓',
  'at-risk': '!',
  'off-track': '✕',
  unknown: '–',
};

/** A row's status in words: a paced row's in the one vocabulary of a period's figures. */
export function rowStatusWord(
  row: ScorecardRow,
  lang: Lang,
  t: (key: MessageKey) => string,
): string {
  return row.pace ? paceStatusWord(row.status, row.pace.state, lang) : t(row.status);
}

/** What the scorecard's view needs from its element: words, focus and choosing a dimension. */
export interface ScorecardScene {
  lang: Lang;
  t: (key: MessageKey) => string;
  /** The row that takes Tab. */
  focusIndex: number;
  isChosen: (row: ScorecardRow) => boolean;
  choose: (row: ScorecardRow, index: number) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** When the rows are paced: the day they are to date of and the share of the period elapsed. */
  paced?: { asOf: string; elapsed: number } | undefined;
  /** The dated notes about a row, when the scorecard names a notes source, and how it fared. */
  notes?: NotesAbout | undefined;
  notesState?: NotesState | undefined;
  /** Draws the rows into the list, a long list only around what is in view; without it every row is drawn. */
  rowWindow?: RowWindow<ScorecardRow> | undefined;
  /** Takes the data table's content, drawn into the empty table by the widget (see `TableCatchUp`); without it the table is drawn whole here. */
  table?: ((content: () => TemplateResult) => void) | undefined;
}

/** The scorecard: its overall score, a row per dimension, cells it could not read, the data table. */
export function renderScorecard(scorecard: Scorecard, scene: ScorecardScene): TemplateResult {
  const { lang, t } = scene;
  return html`
    <header role="none">
      <h2>${t('scorecard')}</h2>
      ${
        scene.paced
          ? html`<span class="as-of"
              >${t('asOf')} ${formatDate(scene.paced.asOf, lang)} · ${t('alertsElapsed')}
              ${formatRate(scene.paced.elapsed, lang)}</span
            >`
          : nothing
      }
      <span class="overall"
        >${t('overall')} <strong>${formatRate(scorecard.overall, lang)}</strong></span
      >
    </header>
    <ol role="listbox" aria-label=${t('scorecard')} @keydown=${scene.onKeydown}>
      ${scene.rowWindow ? nothing : scorecard.rows.map((row, index) => renderRow(row, index, scene))}
    </ol>
    ${renderUnreadable(scorecard, t)} ${notesStatus(scene.notesState, lang)}
    ${renderTable(scorecard, scene)}
  `;
}

/** One dimension; when `drawn` is a window of the rows, the first drawn takes Tab if the focused one is not drawn. */
export function renderRow(
  row: ScorecardRow,
  index: number,
  scene: ScorecardScene,
  drawn?: RowRange,
): TemplateResult {
  const { lang, t } = scene;
  const focusDrawn = !drawn || (scene.focusIndex >= drawn.start && scene.focusIndex < drawn.end);
  const takesTab = focusDrawn ? index === scene.focusIndex : index === drawn.start;
  const rate = formatRate(row.achievement.rate, lang);
  const status = rowStatusWord(row, lang, t);
  const chosen = scene.isChosen(row);
  return html`<li
    part=${chosen ? 'row selected' : 'row'}
    role="option"
    aria-selected=${chosen ? 'true' : 'false'}
    tabindex=${takesTab ? 0 : -1}
    data-status=${row.status}
    title=${row.statusReason}
    @click=${() => scene.choose(row, index)}
  >
    <span class="dimension">${row.dimension}</span>
    <span class="rate">${rate}</span>
    ${bulletChart(row.achievement.rate, `${row.dimension} ${rate}`, expectedShare(row))}
    <span part="status"><span aria-hidden="true">${statusIcon[row.status]}</span> ${status}</span>
    <span class="figures"
      >${t('actual')} ${cellText(row.actual, lang)} · ${t('target')}
      ${cellText(row.target, lang)}${paceText(row, lang, t)}</span
    >
    ${row.achievement.rate === null ? html`<span class="no-rate">${row.statusReason}</span>` : nothing}
    ${notes(row, t)}
    ${scene.notes ? notesList(scene.notes(labelSubjects(row.dimension)), lang) : nothing}
  </li>`;
}

/** The share of the target expected by the as-of day, while a paced row's period runs. */
function expectedShare(row: ScorecardRow): number | null {
  const { pace } = row;
  const target = row.target.kind === 'number' ? row.target.value : null;
  if (!pace || pace.state === 'over' || pace.expected === null || !target) return null;
  return pace.expected / target;
}

/** ' · 截至当日应达 250万 · 进度达成 96.5%' for a paced row of a running period. */
function paceText(row: ScorecardRow, lang: Lang, t: (key: MessageKey) => string): string {
  if (!row.pace || row.pace.state === 'over' || row.pace.expected === null) return '';
  const expected = formatValue(row.pace.expected, row.unit, lang);
  return ` · ${t('expectedToDate')} ${expected} · ${t('ofPace')} ${formatRate(row.pace.ratio, lang)}`;
}

function notes(row: ScorecardRow, t: (key: MessageKey) => string): TemplateResult | typeof nothing {
  if (!row.variance && !row.suggestion) return nothing;
  return html`<dl class="notes">
    ${
      row.variance
        ? html`<div>
            <dt>${t('variance')}${t('colon')}</dt>
            <dd>${row.variance}</dd>
          </div>`
        : nothing
    }
    ${
      row.suggestion
        ? html`<div>
            <dt>${t('suggestion')}${t('colon')}</dt>
            <dd>${row.suggestion}</dd>
          </div>`
        : nothing
    }
  </dl>`;
}

function renderUnreadable(
  scorecard: Scorecard,
  t: (key: MessageKey) => string,
): TemplateResult | typeof nothing {
  if (scorecard.unreadable.length === 0) return nothing;
  const list = scorecard.unreadable
    .map((cell) => `#${cell.row} ${cell.column}: “${cell.value}”`)
    .join('; ');
  return html`<p class="warning" role="note">
    ⚠ ${scorecard.unreadable.length} ${t('unreadable')} — ${list}
  </p>`;
}

function paceCells(row: ScorecardRow, lang: Lang): TemplateResult {
  const expected = row.pace?.expected ?? null;
  return html`<td>${expected === null ? '—' : formatValue(expected, row.unit, lang)}</td>
    <td>${formatRate(row.pace?.ratio ?? null, lang)}</td>`;
}

function renderTable(scorecard: Scorecard, scene: ScorecardScene): TemplateResult {
  const content = (): TemplateResult => tableContent(scorecard, scene);
  if (!scene.table)
    return html`<table part="data-table">
      ${content()}
    </table>`;
  scene.table(content);
  return html`<table part="data-table"></table>`;
}

/** The data table's caption, head, a row per dimension and the overall score. */
function tableContent(scorecard: Scorecard, scene: ScorecardScene): TemplateResult {
  const { lang, t } = scene;
  // The expected value and the pace ratio, when the rows are paced.
  const paced = scorecard.rows.some((row) => row.pace);
  return html`<caption>
      ${t('scorecard')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('dimension')}</th>
        <th scope="col">${t('target')}</th>
        <th scope="col">${t('actual')}</th>
        <th scope="col">${t('achievement')}</th>
        <th scope="col">${t('status')}</th>
        ${
          paced
            ? html`<th scope="col">${t('expectedToDate')}</th>
                <th scope="col">${t('ofPace')}</th>`
            : nothing
        }
        ${scene.notes ? html`<th scope="col">${t('notesHeading')}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${scorecard.rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${row.dimension}</th>
            <td>${cellText(row.target, lang)}</td>
            <td>${cellText(row.actual, lang)}</td>
            <td>${formatRate(row.achievement.rate, lang)}</td>
            <td>${rowStatusWord(row, lang, t)}</td>
            ${paced ? paceCells(row, lang) : nothing}
            ${scene.notes ? html`<td>${notesCell(scene.notes(labelSubjects(row.dimension)), lang)}</td>` : nothing}
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${t('overall')}</th>
        <td colspan="2"></td>
        <td>${formatRate(scorecard.overall, lang)}</td>
        <td></td>
        ${paced ? html`<td colspan="2"></td>` : nothing} ${scene.notes ? html`<td></td>` : nothing}
      </tr>
    </tfoot>`;
}

/** A figure as the locale writes it, an empty cell as a dash, text as written. */
function cellText(cell: ParsedCell, lang: Lang): string {
  if (cell.kind === 'number') return formatValue(cell.value, cell.unit, lang);
  if (cell.kind === 'empty') return '—';
  return cell.raw;
}
