import {
  buildScorecard,
  type CellRecord,
  EVALUATION_SCHEMA,
  headersOf,
  type Scorecard,
  type ScorecardPacing,
  type ScorecardRow,
} from '@stratex/core';
import type { LoadedTable, Measure } from '@stratex/data';
import { html, nothing, type TemplateResult } from 'lit';
import { drillControl, summedColumns } from '../base/drill-through';
import type { SourceClient } from '../base/client';
import {
  type ColumnAttributes,
  columnOverrides,
  columnProperties,
} from '../base/column-attributes';
import { missingColumnsState, missingOf } from '../base/missing-columns';
import { NotesController } from '../base/notes-controller';
import { notesStyles } from '../base/notes.styles';
import { curveOf, pacingNotes } from '../base/pacing';
import { printStyles } from '../base/print.styles';
import { AGGREGATE_FROM_ROWS } from '../base/row-cells';
import { sharedStyles } from '../base/shared.styles';
import { PacedWidget } from '../base/paced-widget';
import { elapsedOf, periodFacts, scorecardPacing } from './period-facts';
import { scorecardPicture } from './picture';
import { RowWindow } from '../base/row-window';
import { TableCatchUp } from '../base/table-catch-up';
import { renderRow, renderScorecard, rowStatusWord, type ScorecardScene } from './render';
import { scorecardClient } from './request';
import {
  KPI_EXPORT_COLUMN_ATTRIBUTES,
  kpiRollupClient,
  type KpiRollup,
  rolledOverrides,
} from './rollup';
import { scorecardStyles } from './scorecard.styles';

/** The evaluation table's roles, as the `*-column` attributes name them. */
const SCORECARD_COLUMN_ATTRIBUTES: ColumnAttributes = {
  dimension: ['dimensionColumn'],
  target: ['targetColumn'],
  actual: ['actualColumn'],
  weight: ['weightColumn'],
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
 * @attr theme - `dark` or `light` forces that theme; without it the nearest `data-sx-theme` on an
 *   ancestor or `<html>` decides, else the reader's `prefers-color-scheme`.
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
 * @attr period-end - Last day (ISO date) of the period the figures are to date of. With it the scorecard
 *   is paced: while the period runs each row's status goes by its ratio to expected-to-date (the
 *   target × the share of the period elapsed at `as-of`) and reads 正常 / 预警 / 严重 (on track /
 *   warning / critical, as the alerts say it); once the period is over, by its ratio to the target,
 *   达标 / 未达标 (target met / missed). A rate (unit %) is judged against its target rate. Without it,
 *   status goes by the ratio to the target (达标 / 有风险 / 未达标).
 * @attr period-start - First day of that period; with `rollup="kpi-to-date"` default the first date in
 *   the export, else required for pacing.
 * @attr as-of - The day the figures are to date of (ISO date), required for pacing an evaluation table.
 *   With `rollup="kpi-to-date"` it is always the export's last date, as the figures are its whole rows.
 * @attr pacing - How the period's target is expected to accrue by `as-of`: `linear` (calendar days,
 *   the default), `workdays` (China's working days: Monday–Friday less statutory holidays, plus 调休
 *   weekend days, from the State Council's notices for 2024–2026, with `calendar` laid over them) or
 *   `seasonal` (by the daily weights of `weights`; linear, and said so, where they miss a day).
 * @attr calendar - The page's own calendar for `pacing="workdays"`: an `sx-data-source` name or a CSV
 *   URL with columns 日期 / date, 类型 / kind (假日 / 休 / holiday / off, or 班 / 调休 / workday / work)
 *   and 名称 / name. On the days it names it overrides the shipped calendar; every other day keeps it.
 *   Rows that cannot be read are counted and shown, the rest used (docs/pacing.md).
 * @attr weights - Daily weights for `pacing="seasonal"`: an `sx-data-source` name or a CSV URL with
 *   columns 日期 / date and 权重 / weight / share (e.g. last year's daily shares put on this period's
 *   days); expected-to-date = target × the weights to `as-of` ÷ the weights of the period.
 * @attr notes - Dated notes shown under each row (latest first, the latest three and a count of
 *   the rest) and in the data table: the name of an `sx-data-source`, or the URL of a CSV, with
 *   columns 日期 / date, 指标 / metric and/or 维度 / path (a dimension path such as `华东/上海`),
 *   作者 / author (optional), 内容 / text (or 备注). A row gets the notes whose metric is its
 *   dimension (and no path), or whose path is its dimension. Rows that cannot be read are counted
 *   in a note; a notes file that cannot be loaded is said in a note, the figures still shown.
 *
 * @attr exportable - Shows buttons that save the figures as CSV and the picture as SVG or PNG.
 * @attr export-name - File name (without extension) for exports; default `scorecard`.
 * @attr link-view - Keeps the view (its chosen row) in the page address's fragment under this key
 *   (`#sx.KEY=…`; empty: the element's `id`, else its tag), so a link or a reload reopens it;
 *   a view the data no longer holds falls back to the top with a notice. The page's own
 *   fragment parts are kept.
 *
 * @fires sx-drill-through - Before the rows behind a dimension open (cancelable: `preventDefault()` keeps the panel shut, for a page that opens its own view); detail `{ source, filters, metric, figure }`.
 * @fires sx-select - A dimension was chosen (click, Enter or Space; again to clear); detail `{ source, selection: { <dimension column>: value } | null }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows (of the evaluation or the notes) could not be read; detail `{ source, message, detail? }`.
 *
 * @csspart base - The widget's frame.
 * @csspart loading - The loading state: what the load is doing, its progress, and a way to cancel it.
 * @csspart cancel-button - Cancels the load under way (every widget on that source stops waiting).
 * @csspart empty - The state of a source without rows.
 * @csspart error - The state of rows that could not be read.
 * @csspart resume-button - Starts a cancelled load again.
 * @csspart row - One dimension.
 * @csspart drill-through - The button that opens the rows behind the focused dimension (`drillThrough(figure)` by script).
 * @csspart bullet - A dimension's bullet chart.
 * @csspart status - A dimension's status word and icon.
 * @csspart notes - A dimension's dated notes.
 * @csspart pacing-notes - What the widget says of its period's dates and of its calendar and weights files.
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
export class SxScorecard extends PacedWidget {
  static override properties = {
    ...PacedWidget.properties,
    compact: { type: Boolean, reflect: true },
    ...columnProperties(SCORECARD_COLUMN_ATTRIBUTES),
    rollup: { type: String, reflect: true },
    periodStart: { type: String, attribute: 'period-start' },
    periodEnd: { type: String, attribute: 'period-end' },
    asOf: { type: String, attribute: 'as-of' },
    notes: { type: String },
  };

  static override styles = [sharedStyles, scorecardStyles, notesStyles, printStyles];

  static override requestInputs = [
    'dimensionColumn',
    'targetColumn',
    'actualColumn',
    'weightColumn',
    'rollup',
    'periodEnd',
  ];

  declare compact: boolean;
  declare dimensionColumn: string | undefined;
  declare targetColumn: string | undefined;
  declare actualColumn: string | undefined;
  declare weightColumn: string | undefined;
  declare rollup: string | undefined;
  declare periodStart: string | undefined;
  declare periodEnd: string | undefined;
  declare asOf: string | undefined;
  declare notes: string | undefined;
  /** The dated notes shown beside the figures. */
  readonly #notes = new NotesController(this);

  /** Resolves once the notes source named by `notes` has been read (or has failed). */
  get notesComplete(): Promise<void> {
    return this.#notes.complete;
  }

  /** The scorecard last drawn, for the picture export. */
  private model: Scorecard | undefined;
  private focusIndex = 0;
  /** The scene of the last render, which the rows in view are drawn with. */
  #scene: ScorecardScene | undefined;
  /** A long list of dimensions is drawn only around what is in view. */
  readonly #rowWindow: RowWindow<ScorecardRow> = new RowWindow<ScorecardRow>(this, {
    list: () => this.renderRoot.querySelector<HTMLElement>('ol[role="listbox"]'),
    key: (row, index) => `${index}:${row.dimension}`,
    row: (row, index, drawn) => (this.#scene ? renderRow(row, index, this.#scene, drawn) : html``),
  });
  /** The data table, which a what-if edit's figures reach once the edits pause. */
  readonly #table = new TableCatchUp(this);

  /** Resolves once the data table holds the figures drawn (after a what-if edit it catches up when the edits pause). */
  get tableComplete(): Promise<void> {
    return this.#table.complete;
  }
  /** Rows rolled up from a KPI export, with the export's columns and the cells it could not read. */
  readonly #rollups = new WeakMap<readonly CellRecord[], KpiRollup>();

  private get rollsUp(): boolean {
    return this.rollup === 'kpi-to-date' && !this.query && !this.data;
  }

  private get overrides(): Record<string, string> {
    return columnOverrides(this, SCORECARD_COLUMN_ATTRIBUTES);
  }

  /**
   * An evaluation table comes whole, as cells of the columns the scorecard reads; a large one
   * is summed per dimension by the engine; a KPI export is rolled up to date.
   */
  protected override client(
    source: string,
    table: LoadedTable,
  ): SourceClient | Promise<SourceClient> {
    if (this.rollsUp) {
      const overrides = columnOverrides(this, KPI_EXPORT_COLUMN_ATTRIBUTES);
      return kpiRollupClient(
        source,
        table,
        overrides,
        this.langCode,
        (rows, rollup) => this.#rollups.set(rows, rollup),
        Boolean(this.periodEnd),
      );
    }
    if (table.rowCount > AGGREGATE_FROM_ROWS) return scorecardClient(source, table, this.overrides);
    return this.roleRowsClient(source, table, EVALUATION_SCHEMA, this.overrides);
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const rollup = this.rollsUp ? this.#rollups.get(this.rows) : undefined;
    if (rollup && missingOf(rollup.resolution).length > 0) {
      this.model = undefined;
      const headers = this.loadedTable?.columns ?? headersOf(this.rows);
      return missingColumnsState(lang, missingOf(rollup.resolution), headers);
    }
    const pacing = this.pacingOf(rollup);
    const scorecard = buildScorecard(this.visibleRows, {
      // A rollup's rows carry the export's headers.
      overrides: rollup ? rolledOverrides(rollup.resolution) : this.overrides,
      lang,
      pacing,
    });
    if (rollup) scorecard.unreadable.push(...rollup.unreadable);
    this.model = scorecard;
    const missing = missingOf(scorecard.resolution);
    if (missing.length > 0) return missingColumnsState(lang, missing, headersOf(this.rows));
    const notes = pacingNotes(
      this,
      this.pacingSources,
      periodFacts(this, rollup !== undefined, pacing),
      lang,
    );
    this.#rowWindow.items = scorecard.rows;
    this.#scene = {
      lang,
      t: (key) => this.t(key),
      focusIndex: this.focusIndex,
      isChosen: (row) => this.isChosen(row),
      choose: (row, index) => this.choose(row, index),
      onKeydown: this.onKeydown,
      paced: pacing && elapsedOf(pacing),
      notes: this.#notes.about,
      notesState: this.#notes.state,
      rowWindow: this.#rowWindow,
      // Only the what-if's targets moved: the table may catch up after the picture.
      table: (content) =>
        this.#table.show(content, {
          same: [this.rows, this.selection, lang, pacing?.asOf, this.#notes.about],
          moved: this.targetOverrides,
        }),
    };
    const drawn = renderScorecard(scorecard, this.#scene);
    return html`${notes}${drawn}${this.#drillControl()}`;
  }

  /** Opens the rows behind the focused row. */
  #drillControl(): TemplateResult | typeof nothing {
    const row = this.model?.rows[this.focusIndex];
    const header = this.dimensionHeader;
    if (!row || !header || !this.loadedTable?.columns.includes(header)) return nothing;
    return drillControl(this, { [header]: row.dimension }, this.langCode);
  }

  protected override drillMeasures(): readonly Measure[] {
    const columns = this.model?.resolution.columns;
    return summedColumns(this.loadedTable, [columns?.target, columns?.actual]);
  }

  /** The period the figures are to date of, when the attributes (and a rollup's days) name one. */
  private pacingOf(rollup: KpiRollup | undefined): ScorecardPacing | undefined {
    const curve = curveOf(this, this.pacingSources);
    return scorecardPacing(this, rollup?.days, rollup !== undefined, curve);
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
      this.#rowWindow.keep(this.focusIndex);
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
      status: (row) => rowStatusWord(row, lang, (key) => this.t(key)),
    });
  }
}
