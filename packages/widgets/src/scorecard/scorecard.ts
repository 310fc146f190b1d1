import {
  headersOf,
  buildScorecard,
  type CellRecord,
  type ColumnResolution,
  EVALUATION_SCHEMA,
  KPI_SERIES_SCHEMA,
  kpisToDate,
  resolveColumns,
  type UnreadableCell,
  formatRate,
  formatValue,
  type Lang,
  type ParsedCell,
  type Scorecard,
  type ScorecardRow,
  type Status,
} from '@stratex/core';
import type { DataRequest, DimensionFilter, LoadedTable } from '@stratex/data';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { sharedStyles } from '../base/shared.styles';
import { roleColumns, toCellRecords } from '../base/row-cells';
import { SxWidget } from '../base/sx-widget';
import { bulletChart } from './bullet';
import { scorecardPicture } from './picture';
import { scorecardStyles } from './scorecard.styles';
import { missingColumnsState, missingOf } from '../base/missing-columns';
import { AGGREGATE_FROM_ROWS } from '../target-treemap/request';
import {
  type KpiExportColumns,
  kpiExportRows,
  kpiToDateRequest,
  MEAN_READING,
  scorecardFilter,
  scorecardRequest,
} from './request';

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
 * @attr rollup - `kpi-to-date`: `source` (or `src`) is a daily KPI export (日期 / date, 指标 / metric,
 *   实际值 / actual, 目标值 / target, 单位 / unit) and the scorecard shows each metric to date: an
 *   amount's days summed, a rate's (unit %) readings averaged, the target the rows state; money
 *   first, then counts and rates. No SQL is written: a small export is read in the page, a large
 *   or remote one summed by its database. `dimension-column`, `target-column` and
 *   `actual-column` then name the export's metric, target and actual columns. Not used with `query`.
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
    rollup: { type: String, reflect: true },
  };

  static override styles = [sharedStyles, scorecardStyles];

  declare compact: boolean;
  declare dimensionColumn: string | undefined;
  declare targetColumn: string | undefined;
  declare actualColumn: string | undefined;
  declare weightColumn: string | undefined;
  declare rollup: string | undefined;

  /** The scorecard last drawn, for the picture export. */
  private model: Scorecard | undefined;
  private focusIndex = 0;
  #filterKey = '{}';
  /** The export's columns and the cells it could not read, when the scorecard rolls one up. */
  #rollup: { resolution: ColumnResolution; unreadable: UnreadableCell[] } | undefined;

  private get rollsUp(): boolean {
    return this.rollup === 'kpi-to-date' && !this.query && !this.data;
  }

  private get overrides(): Record<string, string> {
    const overrides: Record<string, string> = {};
    if (this.dimensionColumn) overrides.dimension = this.dimensionColumn;
    if (this.targetColumn) overrides.target = this.targetColumn;
    if (this.actualColumn) overrides.actual = this.actualColumn;
    if (this.weightColumn) overrides.weight = this.weightColumn;
    return overrides;
  }

  /** The roles of a KPI export: the scorecard's dimension column names its metric column. */
  private get exportOverrides(): Record<string, string> {
    const overrides: Record<string, string> = {};
    if (this.dimensionColumn) overrides.metric = this.dimensionColumn;
    if (this.targetColumn) overrides.target = this.targetColumn;
    if (this.actualColumn) overrides.actual = this.actualColumn;
    return overrides;
  }

  /** The overrides the drawn rows are read with: a rollup's rows carry the export's headers. */
  private get scorecardOverrides(): Record<string, string> {
    const columns = this.#rollup?.resolution.columns;
    if (!this.rollsUp || !columns) return this.overrides;
    const overrides: Record<string, string> = {};
    if (columns.metric) overrides.dimension = columns.metric;
    if (columns.target) overrides.target = columns.target;
    if (columns.actual) overrides.actual = columns.actual;
    return overrides;
  }

  /** The export's columns the rollup reads, or undefined when a required one is missing. */
  private exportColumns(resolution: ColumnResolution): KpiExportColumns | undefined {
    const { metric, actual, target, unit } = resolution.columns;
    if (!metric || !actual || !target) return undefined;
    return { metric, actual, target, unit };
  }

  /** The part of another widget's selection a large export must apply (summed rows lack those columns). */
  private engineFilter(table: LoadedTable): DimensionFilter {
    if (!this.rollsUp) return scorecardFilter(table, this.overrides, this.foreignSelection);
    const selection = this.foreignSelection;
    if (!selection || table.rowCount <= AGGREGATE_FROM_ROWS) return {};
    const kept = Object.values(
      resolveColumns(table.columns, KPI_SERIES_SCHEMA, this.exportOverrides).columns,
    );
    return Object.fromEntries(
      Object.entries(selection).filter(
        ([column]) => table.columns.includes(column) && !kept.includes(column),
      ),
    );
  }

  protected override async tableRows(source: string, table: LoadedTable): Promise<CellRecord[]> {
    if (!this.rollsUp) {
      this.#rollup = undefined;
      return super.tableRows(source, table);
    }
    const resolution = resolveColumns(table.columns, KPI_SERIES_SCHEMA, this.exportOverrides);
    const columns = this.exportColumns(resolution);
    if (!columns) {
      // One row is enough for the view to say which columns are missing.
      this.#rollup = { resolution, unreadable: [] };
      const { rows } = await this.engine.coordinator.request({ kind: 'rows', source, limit: 1 });
      return toCellRecords(rows);
    }
    const filter = this.engineFilter(table);
    this.#filterKey = JSON.stringify(filter);
    const coordinator = this.engine.coordinator;
    let records: CellRecord[];
    let mean: string | undefined = MEAN_READING;
    try {
      records = toCellRecords(
        (await coordinator.request(kpiToDateRequest(source, columns, filter))).rows,
      );
    } catch (cause) {
      // Cells that do not read as numbers cannot be averaged there: core reads the rows.
      if ((cause as { code?: unknown }).code !== 'unsupported') throw cause;
      records = (await coordinator.request(kpiExportRows(source, columns, filter)))
        .rows as CellRecord[];
      mean = undefined;
    }
    const rolled = kpisToDate(records, resolution, this.langCode, mean);
    this.#rollup = { resolution, unreadable: rolled.unreadable };
    return rolled.rows;
  }

  protected override tableRequest(
    source: string,
    table: LoadedTable,
  ): DataRequest | Promise<DataRequest> {
    const filter = this.engineFilter(table);
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
    const columnsChanged = ['dimensionColumn', 'targetColumn', 'actualColumn', 'rollup'].some(
      (key) => changed.has(key as keyof SxScorecard),
    );
    // Summed rows lack the columns other widgets may filter on: such a choice is a new query.
    const refilter =
      changed.has('selection' as keyof SxScorecard) &&
      JSON.stringify(this.engineFilter(table)) !== this.#filterKey;
    if (columnsChanged || refilter) void this.load({ keepView: true });
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const rollup = this.rollsUp ? this.#rollup : undefined;
    if (rollup && missingOf(rollup.resolution).length > 0) {
      this.model = undefined;
      const headers = this.loadedTable?.columns ?? headersOf(this.rows);
      return missingColumnsState(lang, missingOf(rollup.resolution), headers);
    }
    const scorecard = buildScorecard(this.visibleRows, {
      overrides: this.scorecardOverrides,
      lang,
    });
    if (rollup) scorecard.unreadable.push(...rollup.unreadable);
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
