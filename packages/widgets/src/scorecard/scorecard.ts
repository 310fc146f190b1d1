import {
  headersOf,
  buildScorecard,
  EVALUATION_SCHEMA,
  formatRate,
  formatValue,
  type Lang,
  type ParsedCell,
  type Scorecard,
  type ScorecardRow,
  type Status,
} from '@stratex/core';
import type { DataRequest, LoadedTable } from '@stratex/data';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { sharedStyles } from '../base/shared.styles';
import { roleColumns } from '../base/row-cells';
import { SxWidget } from '../base/sx-widget';
import { bulletChart } from './bullet';
import { scorecardPicture } from './picture';
import { scorecardStyles } from './scorecard.styles';
import { missingColumnsState, missingOf } from '../base/missing-columns';
import { AGGREGATE_FROM_ROWS } from '../target-treemap/request';
import { scorecardFilter, scorecardRequest } from './request';

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
 *   On a large source (a fact table, or a ClickHouse table) target and actual are summed per value of this column.
 * @attr target-column - Header of the target column (default 目标值 / target).
 * @attr actual-column - Header of the actual column (default 实际值 / actual).
 * @attr weight-column - Header of an optional weight column (default 权重 / weight).
 *
 * @attr exportable - Shows buttons that save the figures as CSV and the picture as SVG or PNG.
 * @attr export-name - File name (without extension) for exports; default `scorecard`.
 *
 * @fires sx-select - A dimension was chosen (click, Enter or Space; again to clear); detail `{ source, selection: { <dimension column>: value } | null }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows could not be read; detail `{ source, message, detail? }`.
 *
 * @csspart base - The widget's frame.
 * @csspart row - One dimension.
 * @csspart bullet - A dimension's bullet chart.
 * @csspart status - A dimension's status word and icon.
 * @csspart data-table - The accessible table of every figure shown.
 * @csspart toolbar - The export buttons (with `exportable`).
 * @csspart export-button - One export button.
 *
 * @cssprop --sx-background - Background colour.
 * @cssprop --sx-foreground - Text colour.
 * @cssprop --sx-muted - Secondary text colour.
 * @cssprop --sx-border - Rule and track colour.
 * @cssprop --sx-good - Colour of "on track".
 * @cssprop --sx-warn - Colour of "at risk".
 * @cssprop --sx-bad - Colour of "off track".
 * @cssprop --sx-font - Font family.
 * @cssprop --sx-accent - Focus ring and selection colour.
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

  /** The scorecard last drawn, for the picture export. */
  private model: Scorecard | undefined;
  private focusIndex = 0;
  #filterKey = '{}';

  private get overrides(): Record<string, string> {
    const overrides: Record<string, string> = {};
    if (this.dimensionColumn) overrides.dimension = this.dimensionColumn;
    if (this.targetColumn) overrides.target = this.targetColumn;
    if (this.actualColumn) overrides.actual = this.actualColumn;
    if (this.weightColumn) overrides.weight = this.weightColumn;
    return overrides;
  }

  protected override tableRequest(
    source: string,
    table: LoadedTable,
  ): DataRequest | Promise<DataRequest> {
    const filter = scorecardFilter(table, this.overrides, this.foreignSelection);
    this.#filterKey = JSON.stringify(filter);
    // An evaluation table comes whole, as cells, of the columns the scorecard reads.
    if (table.rowCount <= AGGREGATE_FROM_ROWS) return super.tableRequest(source, table);
    return scorecardRequest(source, table, this.overrides, filter);
  }

  protected override usedColumns(columns: readonly string[]): readonly string[] | undefined {
    return roleColumns(columns, EVALUATION_SCHEMA, this.overrides);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reloading = ['source', 'src', 'query', 'data'].some((key) =>
      changed.has(key as keyof SxScorecard),
    );
    const table = this.loadedTable;
    if (!this.hasUpdated || reloading || !table) return;
    const columnsChanged = ['dimensionColumn', 'targetColumn', 'actualColumn'].some((key) =>
      changed.has(key as keyof SxScorecard),
    );
    // Summed rows lack the columns other widgets may filter on: such a choice is a new query.
    const refilter =
      changed.has('selection' as keyof SxScorecard) &&
      JSON.stringify(scorecardFilter(table, this.overrides, this.foreignSelection)) !==
        this.#filterKey;
    if (columnsChanged || refilter) void this.load({ keepView: true });
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const scorecard = buildScorecard(this.visibleRows, { overrides: this.overrides, lang });
    this.model = scorecard;
    const missing = missingOf(scorecard.resolution);
    if (missing.length > 0) return missingColumnsState(lang, missing, headersOf(this.rows));
    return html`
      <header>
        <h2>${this.t('scorecard')}</h2>
        <span class="overall"
          >${this.t('overall')} <strong>${formatRate(scorecard.overall, lang)}</strong></span
        >
      </header>
      <ol role="listbox" aria-label=${this.t('scorecard')} @keydown=${this.onKeydown}>
        ${scorecard.rows.map((row, index) => this.renderRow(row, index, lang))}
      </ol>
      ${this.renderUnreadable(scorecard)} ${this.renderTable(scorecard, lang)}
    `;
  }

  private renderRow(row: ScorecardRow, index: number, lang: Lang): TemplateResult {
    const rate = formatRate(row.achievement.rate, lang);
    const status = this.t(row.status);
    const chosen = this.isChosen(row);
    return html`<li
      part=${chosen ? 'row selected' : 'row'}
      role="option"
      aria-selected=${chosen ? 'true' : 'false'}
      tabindex=${index === this.focusIndex ? 0 : -1}
      data-status=${row.status}
      title=${row.statusReason}
      @click=${() => this.choose(row, index)}
    >
      <span class="dimension">${row.dimension}</span>
      <span class="rate">${rate}</span>
      ${bulletChart(row.achievement.rate, `${row.dimension} ${rate}`)}
      <span part="status"><span aria-hidden="true">${statusIcon[row.status]}</span> ${status}</span>
      <span class="figures"
        >${this.t('actual')} ${cellText(row.actual, lang)} · ${this.t('target')}
        ${cellText(row.target, lang)}</span
      >
      ${row.achievement.rate === null ? html`<span class="no-rate">${row.statusReason}</span>` : nothing}
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

  private get dimensionHeader(): string | undefined {
    return this.model?.resolution.columns.dimension;
  }

  private isChosen(row: ScorecardRow): boolean {
    const header = this.dimensionHeader;
    return header !== undefined && this.ownSelection?.[header] === row.dimension;
  }

  private choose(row: ScorecardRow, index: number): void {
    const header = this.dimensionHeader;
    this.focusIndex = index;
    if (header) this.select({ [header]: row.dimension });
  }

  private onKeydown = (event: KeyboardEvent): void => {
    const rows = this.model?.rows ?? [];
    const moves: Record<string, number> = {
      ArrowDown: this.focusIndex + 1,
      ArrowUp: this.focusIndex - 1,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focusIndex = Math.min(rows.length - 1, Math.max(0, moves[event.key] ?? 0));
      this.requestUpdate();
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus(),
      );
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const row = rows[this.focusIndex];
      if (row) this.choose(row, this.focusIndex);
    }
  };

  protected override pictureSvg(): SVGSVGElement | null {
    if (!this.model) return null;
    const lang = this.langCode;
    return scorecardPicture(this.model, lang, {
      title: this.t('scorecard'),
      overall: this.t('overall'),
      status: (status) => this.t(status),
    });
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
