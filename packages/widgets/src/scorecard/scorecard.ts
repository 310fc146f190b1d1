import {
  buildScorecard,
  formatRate,
  formatValue,
  type Lang,
  type ParsedCell,
  type Scorecard,
  type ScorecardRow,
  type Status,
} from '@stratex/core';
import { html, nothing, type TemplateResult } from 'lit';
import { sharedStyles } from '../base/shared.styles';
import { SxWidget } from '../base/sx-widget';
import { bulletChart } from './bullet';
import { scorecardStyles } from './scorecard.styles';

const statusIcon: Record<Status, string> = {
  'on-track': '✓',
  'at-risk': '!',
  'off-track': '✕',
  unknown: '–',
};

/**
 * @summary Evaluation scorecard: per dimension the target, the actual, the achievement rate
 * with a bullet chart and a status in words, plus an overall weighted score.
 *
 * @attr source - Name of an `sx-data-source` holding the evaluation table.
 * @attr src - URL of an evaluation CSV, loaded directly.
 * @attr query - SQL over the page's sources that returns evaluation rows.
 * @attr encoding - Encoding of `src`: `auto` (default), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 * @attr lang - `zh-CN` or `en`; else the nearest `lang` on the page.
 * @attr compact - Tile mode: hides the variance analysis and suggestions.
 * @attr show-table - Shows the data table that is otherwise only read by screen readers.
 * @attr theme - `dark` for the dark theme.
 * @attr dimension-column - Header of the dimension column when it is not recognised (default 评估维度 / dimension).
 * @attr target-column - Header of the target column (default 目标值 / target).
 * @attr actual-column - Header of the actual column (default 实际值 / actual).
 * @attr weight-column - Header of an optional weight column (default 权重 / weight).
 *
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows could not be read; detail `{ source, message, detail? }`.
 *
 * @csspart base - The widget's frame.
 * @csspart row - One dimension.
 * @csspart bullet - A dimension's bullet chart.
 * @csspart status - A dimension's status word and icon.
 * @csspart data-table - The accessible table of every figure shown.
 *
 * @cssprop --sx-background - Background colour.
 * @cssprop --sx-foreground - Text colour.
 * @cssprop --sx-muted - Secondary text colour.
 * @cssprop --sx-border - Rule and track colour.
 * @cssprop --sx-good - Colour of "on track".
 * @cssprop --sx-warn - Colour of "at risk".
 * @cssprop --sx-bad - Colour of "off track".
 * @cssprop --sx-font - Font family.
 */
export class SxScorecard extends SxWidget {
  static override properties = {
    ...SxWidget.properties,
    compact: { type: Boolean, reflect: true },
    dimensionColumn: { type: String, attribute: 'dimension-column' },
    targetColumn: { type: String, attribute: 'target-column' },
    actualColumn: { type: String, attribute: 'actual-column' },
    weightColumn: { type: String, attribute: 'weight-column' },
  };

  static override styles = [sharedStyles, scorecardStyles];

  declare compact: boolean;
  declare dimensionColumn: string | undefined;
  declare targetColumn: string | undefined;
  declare actualColumn: string | undefined;
  declare weightColumn: string | undefined;

  private get overrides(): Record<string, string> {
    const overrides: Record<string, string> = {};
    if (this.dimensionColumn) overrides.dimension = this.dimensionColumn;
    if (this.targetColumn) overrides.target = this.targetColumn;
    if (this.actualColumn) overrides.actual = this.actualColumn;
    if (this.weightColumn) overrides.weight = this.weightColumn;
    return overrides;
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const scorecard = buildScorecard(this.visibleRows, { overrides: this.overrides, lang });
    if (scorecard.resolution.missing.length > 0) {
      return html`<div class="state" data-state="error" role="alert">
        <strong>${this.t('errorTitle')}</strong>
        <span>${this.t('missingColumns')}: ${scorecard.resolution.missing.join(', ')}</span>
      </div>`;
    }
    return html`
      <header>
        <h2>${this.t('scorecard')}</h2>
        <span class="overall"
          >${this.t('overall')} <strong>${formatRate(scorecard.overall, lang)}</strong></span
        >
      </header>
      <ol>
        ${scorecard.rows.map((row) => this.renderRow(row, lang))}
      </ol>
      ${this.renderUnreadable(scorecard)} ${this.renderTable(scorecard, lang)}
    `;
  }

  private renderRow(row: ScorecardRow, lang: Lang): TemplateResult {
    const rate = formatRate(row.achievement.rate, lang);
    const status = this.t(row.status);
    return html`<li part="row" data-status=${row.status} title=${row.statusReason}>
      <span class="dimension">${row.dimension}</span>
      <span class="rate">${rate}</span>
      ${bulletChart(row.achievement.rate, `${row.dimension} ${rate}`)}
      <span part="status"><span aria-hidden="true">${statusIcon[row.status]}</span> ${status}</span>
      <span class="figures"
        >${this.t('actual')} ${cellText(row.actual, lang)} · ${this.t('target')}
        ${cellText(row.target, lang)}</span
      >
      ${
        row.variance || row.suggestion
          ? html`<dl class="notes">
              ${
                row.variance
                  ? html`<div>
                      <dt>${this.t('variance')}${this.t('colon')}</dt>
                      <dd>${row.variance}</dd>
                    </div>`
                  : nothing
              }
              ${
                row.suggestion
                  ? html`<div>
                      <dt>${this.t('suggestion')}${this.t('colon')}</dt>
                      <dd>${row.suggestion}</dd>
                    </div>`
                  : nothing
              }
            </dl>`
          : nothing
      }
    </li>`;
  }

  private renderUnreadable(scorecard: Scorecard): TemplateResult | typeof nothing {
    if (scorecard.unreadable.length === 0) return nothing;
    const list = scorecard.unreadable
      .map((cell) => `#${cell.row} ${cell.column}: “${cell.value}”`)
      .join('; ');
    return html`<p class="warning" role="note">
      ⚠ ${scorecard.unreadable.length} ${this.t('unreadable')} — ${list}
    </p>`;
  }

  private renderTable(scorecard: Scorecard, lang: Lang): TemplateResult {
    return html`<table part="data-table">
      <caption>
        ${this.t('scorecard')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('dimension')}</th>
          <th scope="col">${this.t('target')}</th>
          <th scope="col">${this.t('actual')}</th>
          <th scope="col">${this.t('achievement')}</th>
          <th scope="col">${this.t('status')}</th>
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
              <td>${this.t(row.status)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${this.t('overall')}</th>
          <td colspan="2"></td>
          <td>${formatRate(scorecard.overall, lang)}</td>
          <td></td>
        </tr>
      </tfoot>
    </table>`;
  }
}

function cellText(cell: ParsedCell, lang: Lang): string {
  if (cell.kind === 'number') return formatValue(cell.value, cell.unit, lang);
  if (cell.kind === 'empty') return '—';
  return cell.raw;
}
