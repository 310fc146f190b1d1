import {
  formatRate,
  formatValue,
  type Lang,
  type ParsedCell,
  type Scorecard,
  type ScorecardRow,
  type Status,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../base/lang';
import { bulletChart } from './bullet';

const statusIcon: Record<Status, string> = {
  'on-track': '✓',
  'at-risk': '!',
  'off-track': '✕',
  unknown: '–',
};

/** What the scorecard's view needs from its element: words, focus and choosing a dimension. */
export interface ScorecardScene {
  lang: Lang;
  t: (key: MessageKey) => string;
  /** The row that takes Tab. */
  focusIndex: number;
  isChosen: (row: ScorecardRow) => boolean;
  choose: (row: ScorecardRow, index: number) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** The scorecard: its overall score, a row per dimension, cells it could not read, the data table. */
export function renderScorecard(scorecard: Scorecard, scene: ScorecardScene): TemplateResult {
  const { lang, t } = scene;
  return html`
    <header>
      <h2>${t('scorecard')}</h2>
      <span class="overall"
        >${t('overall')} <strong>${formatRate(scorecard.overall, lang)}</strong></span
      >
    </header>
    <ol role="listbox" aria-label=${t('scorecard')} @keydown=${scene.onKeydown}>
      ${scorecard.rows.map((row, index) => renderRow(row, index, scene))}
    </ol>
    ${renderUnreadable(scorecard, t)} ${renderTable(scorecard, scene)}
  `;
}

function renderRow(row: ScorecardRow, index: number, scene: ScorecardScene): TemplateResult {
  const { lang, t } = scene;
  const rate = formatRate(row.achievement.rate, lang);
  const status = t(row.status);
  const chosen = scene.isChosen(row);
  return html`<li
    part=${chosen ? 'row selected' : 'row'}
    role="option"
    aria-selected=${chosen ? 'true' : 'false'}
    tabindex=${index === scene.focusIndex ? 0 : -1}
    data-status=${row.status}
    title=${row.statusReason}
    @click=${() => scene.choose(row, index)}
  >
    <span class="dimension">${row.dimension}</span>
    <span class="rate">${rate}</span>
    ${bulletChart(row.achievement.rate, `${row.dimension} ${rate}`)}
    <span part="status"><span aria-hidden="true">${statusIcon[row.status]}</span> ${status}</span>
    <span class="figures"
      >${t('actual')} ${cellText(row.actual, lang)} · ${t('target')}
      ${cellText(row.target, lang)}</span
    >
    ${row.achievement.rate === null ? html`<span class="no-rate">${row.statusReason}</span>` : nothing}
    ${notes(row, t)}
  </li>`;
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

function renderTable(scorecard: Scorecard, scene: ScorecardScene): TemplateResult {
  const { lang, t } = scene;
  return html`<table part="data-table">
    <caption>
      ${t('scorecard')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('dimension')}</th>
        <th scope="col">${t('target')}</th>
        <th scope="col">${t('actual')}</th>
        <th scope="col">${t('achievement')}</th>
        <th scope="col">${t('status')}</th>
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
            <td>${t(row.status)}</td>
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${t('overall')}</th>
        <td colspan="2"></td>
        <td>${formatRate(scorecard.overall, lang)}</td>
        <td></td>
      </tr>
    </tfoot>
  </table>`;
}

/** A figure as the locale writes it, an empty cell as a dash, text as written. */
function cellText(cell: ParsedCell, lang: Lang): string {
  if (cell.kind === 'number') return formatValue(cell.value, cell.unit, lang);
  if (cell.kind === 'empty') return '—';
  return cell.raw;
}
