import {
  headersOf,
  alertSummary,
  countBySeverity,
  KPI_SERIES_SCHEMA,
  type KpiSeriesReport,
  parseCell,
  type TargetRows,
  type VarianceAlert,
} from '@stratex/core';
import type { DrillDays, LoadedTable, Measure } from '@stratex/data';
import { html, nothing, type TemplateResult } from 'lit';
import type { SourceClient } from '../base/client';
import {
  type ColumnAttributes,
  columnOverrides,
  columnProperties,
} from '../base/column-attributes';
import { heldTableStyles } from '../base/held-table';
import { printStyles } from '../base/print.styles';
import { sampleRowClient } from '../base/row-cells';
import { curveOf, pacingNotes } from '../base/pacing';
import { sharedStyles } from '../base/shared.styles';
import { PacedWidget } from '../base/paced-widget';
import type { MessageKey } from '../base/lang';
import { raisedAlerts } from './alert-events';
import { AlertEventsController, settledKinds } from './alert-events-controller';
import { drillControl, summedColumns } from '../base/drill-through';
import { alertTable } from './alert-item';
import { AlertListController } from './alert-list-controller';
import { sideTableNotes, unreadableNote } from './alert-notes';
import { alertPeriodFacts, alertsHeading, invalidAsOfState } from './alerts-heading';
import { alertsPicture } from './picture';
import { gatherAll, paceSeries } from './alerts-report';
import { kpiSeriesClient, kpiSeriesColumns } from './request';
import { SideTablesController } from './side-tables-controller';
import { varianceAlertsStyles } from './variance-alerts.styles';
import { missingColumnsState, missingOf } from '../base/missing-columns';
import { NotesController } from '../base/notes-controller';
import { notesStatus } from '../base/notes-view';
import { notesStyles } from '../base/notes.styles';

/** The KPI series' roles, as the `*-column` attributes name them. */
const KPI_SERIES_COLUMN_ATTRIBUTES: ColumnAttributes = {
  date: ['dateColumn'],
  metric: ['metricColumn'],
  actual: ['actualColumn'],
  target: ['targetColumn'],
  unit: ['unitColumn'],
  direction: ['directionColumn'],
};

/**
 * @summary Variance alerts (监控预警): every KPI of a daily series against its target at the
 * as-of date — paced pro rata for totals, the mean for daily rates — with a severity in an
 * icon and a word, the reason in figures and a sparkline of the running total against the
 * pace line, most urgent first; plus lagging or overdue tasks and budget problems when a
 * progress table and a budget are given. Choosing an alert (click, Enter or Space) selects
 * its metric for the page; Escape clears the choice. A long list of alerts draws only those in
 * view (scrolling and the keyboard bring the others); the data table holds every alert.
 *
 * On a database server's source (a ClickHouse cluster) the widget asks for sums only: a row
 * per day and metric (the target summed or its largest, by `target-rows`), with another
 * widget's choice on any other column as a filter there. Task and budget tables on a server
 * are read up to 1,000 rows each, and a note says how many of how many were read.
 *
 * @attr source - Name of an `sx-data-source` holding the daily KPI series (日期, 指标, 实际值, 目标值, 单位).
 * @attr src - URL of a KPI series CSV, loaded directly.
 * @attr query - SQL over the page's sources that returns KPI rows.
 * @attr encoding - Encoding of `src`: `auto` (default), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 * @attr lang - `zh-CN` or `en`; else the nearest `lang` on the page.
 * @attr as-of - The day KPIs are judged at (ISO date); default the last date in the data.
 * @attr period-start - First day of the target's period; default the first date in the data.
 * @attr period-end - Last day of the target's period; default the last date in the data.
 * @attr pacing - How the period's target is expected to accrue by `as-of`: `linear` (calendar days,
 *   the default), `workdays` (China's working days: Monday–Friday less statutory holidays, plus 调休
 *   weekend days, from the State Council's notices for 2024–2026, with `calendar` laid over them) or
 *   `seasonal` (by the daily weights of `weights`; linear, and said so, where they miss a day). Tasks are paced the same way.
 * @attr calendar - The page's own calendar for `pacing="workdays"`: an `sx-data-source` name or a CSV
 *   URL with columns 日期 / date, 类型 / kind (假日 / 休 / holiday / off, or 班 / 调休 / workday / work)
 *   and 名称 / name. On the days it names it overrides the shipped calendar; every other day keeps it.
 *   Rows that cannot be read are counted and shown, the rest used (docs/pacing.md).
 * @attr weights - Daily weights for `pacing="seasonal"`: an `sx-data-source` name or a CSV URL with
 *   columns 日期 / date and 权重 / weight / share (e.g. last year's daily shares put on this period's
 *   days); expected-to-date = target × the weights to `as-of` ÷ the weights of the period.
 * @attr warning-below - Pace (actual ÷ expected) below which a KPI is a warning; default 1.
 * @attr critical-below - Pace below which a KPI is critical; default 0.85.
 * @attr direction - `lower` when lower is better for metrics whose rows do not say (default `higher`).
 * @attr date-column - Header of the date column when it is not recognised (default 日期 / date).
 * @attr metric-column - Header of the metric column (default 指标 / metric).
 * @attr actual-column - Header of the daily actual column (default 实际值 / actual).
 * @attr target-column - Header of the period target column (default 目标值 / target).
 * @attr unit-column - Header of the unit column (default 单位 / unit).
 * @attr direction-column - Header of a per-row direction column (default 方向 / direction).
 * @attr target-rows - What a row's target cell holds: `period` (default: the metric's period target,
 *   written on every row; the latest row's counts) or `share` (fact rows: each holds its share of the
 *   period target, which is their sum within the period).
 * @attr tasks-source - Name of an `sx-data-source` holding the progress table; raises task alerts.
 * @attr tasks-src - URL of a progress table CSV.
 * @attr budget-source - Name of an `sx-data-source` holding the budget (模块, 动作, 预算, 已花费).
 * @attr budget-src - URL of a budget CSV.
 * @attr max-alerts - Alerts listed before "Show all" (default: all).
 * @attr notes - Dated notes shown in each alert (latest first, the latest three and a count of the
 *   rest) and in the data table: the name of an `sx-data-source`, or the URL of a CSV, with columns
 *   日期 / date, 指标 / metric and/or 维度 / path (a dimension path such as `华东/上海`), 作者 / author
 *   (optional), 内容 / text (or 备注). A KPI alert gets the notes on its metric with no path; a task
 *   or budget alert those whose path is its task or module. Rows that cannot be read are counted in
 *   a note; a notes file that cannot be loaded is said in a note (and `sx-data-error`), the alerts
 *   still shown.
 * @attr show-table - Shows the data table that is otherwise only read by screen readers.
 * @attr theme - `dark` or `light` forces that theme; without it the nearest `data-sx-theme` on an
 *   ancestor or `<html>` decides, else the reader's `prefers-color-scheme`.
 * @attr link-view - Keeps the view (its chosen alert) in the page address's fragment under this key
 *   (`#sx.KEY=…`; empty: the element's `id`, else its tag), so a link or a reload reopens it;
 *   a view the data no longer holds falls back to the top with a notice. The page's own
 *   fragment parts are kept.
 *
 * @fires sx-drill-through - Before the rows behind a KPI alert open (cancelable: `preventDefault()` keeps the panel shut, for a page that opens its own view); detail `{ source, filters, metric, figure, days }`, `days` the alert's: `{ column, through }` up to the as-of date.
 * @fires sx-select - An alert was chosen (or chosen again to clear: `selection` null); detail `{ source, selection: { <metric column>: metric } | null }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows (of the series, the tasks, the budget or the notes) could not be read; detail `{ source, message, detail? }`.
 * @fires sx-alert - An alert stands at a warning or worse and this widget has not said so at that
 *   level: on the first drawing, for every such alert; later, when one is new, rises or eases (a critical
 *   KPI back to a warning fires again, `previous` saying `critical`). Detail `{ id, source, kind, level,
 *   previous, metric, path, period, asOf, value, expected, ratio, unit, message }`: `id` is the same for
 *   the same kind, metric, path and period on every load (`kpi:销售额@2024-07-01/2024-09-30`; give
 *   `period-start` and `period-end` so that a growing export keeps its period), `message`
 *   is the alert's reason in the widget's language. A refresh that finds the same alert at the same level
 *   fires nothing.
 * @fires sx-alert-cleared - An alert this widget raised is gone or back on track (or the series was
 *   emptied); detail `{ id, source, kind, metric, path, period }`. While another widget's choice narrows
 *   the series, or a side table is loading or failed, what it does not show neither fires nor clears.
 *
 * @csspart base - The widget's frame.
 * @csspart loading - The loading state: what the load is doing, its progress, and a way to cancel it.
 * @csspart cancel-button - Cancels the load under way (every widget on that source stops waiting).
 * @csspart empty - The state of a source without rows.
 * @csspart error - The state of rows that could not be read.
 * @csspart resume-button - Starts a cancelled load again.
 * @csspart summary - The count of alerts by severity (announced when it changes).
 * @csspart alert - One alert (`alert selected` when it is the page's choice).
 * @csspart drill-through - The button that opens the rows behind the focused KPI alert (`drillThrough(figure)` by script).
 * @csspart severity - An alert's severity in an icon and a word.
 * @csspart sparkline - A KPI's running total against its pace line.
 * @csspart notes - An alert's dated notes.
 * @csspart pacing-notes - What the widget says of its period's dates and of its calendar and weights files.
 * @csspart data-table - The accessible table of every figure shown.
 *
 * @cssprop --sx-background - Background colour.
 * @cssprop --sx-foreground - Text colour.
 * @cssprop --sx-muted - Secondary text and pace line colour.
 * @cssprop --sx-border - Rule colour.
 * @cssprop --sx-accent - Running total line, focus ring and selection colour.
 * @cssprop --sx-good - Colour of "on track".
 * @cssprop --sx-warn - Colour of "warning".
 * @cssprop --sx-bad - Colour of "critical".
 * @cssprop --sx-font - Font family.
 */
export class SxVarianceAlerts extends PacedWidget {
  static override properties = {
    ...PacedWidget.properties,
    asOf: { type: String, attribute: 'as-of' },
    periodStart: { type: String, attribute: 'period-start' },
    periodEnd: { type: String, attribute: 'period-end' },
    warningBelow: { type: Number, attribute: 'warning-below' },
    criticalBelow: { type: Number, attribute: 'critical-below' },
    direction: { type: String },
    ...columnProperties(KPI_SERIES_COLUMN_ATTRIBUTES),
    targetRows: { type: String, attribute: 'target-rows' },
    tasksSource: { type: String, attribute: 'tasks-source' },
    tasksSrc: { type: String, attribute: 'tasks-src' },
    budgetSource: { type: String, attribute: 'budget-source' },
    budgetSrc: { type: String, attribute: 'budget-src' },
    maxAlerts: { type: Number, attribute: 'max-alerts' },
    notes: { type: String },
  };

  static override styles = [
    sharedStyles,
    varianceAlertsStyles,
    notesStyles,
    heldTableStyles,
    printStyles,
  ];

  static override requestInputs = [
    'targetRows',
    ...Object.values(KPI_SERIES_COLUMN_ATTRIBUTES).flat(),
  ];

  declare asOf: string | undefined;
  declare periodStart: string | undefined;
  declare periodEnd: string | undefined;
  declare warningBelow: number | undefined;
  declare criticalBelow: number | undefined;
  declare direction: string | undefined;
  declare dateColumn: string | undefined;
  declare metricColumn: string | undefined;
  declare actualColumn: string | undefined;
  declare targetColumn: string | undefined;
  declare unitColumn: string | undefined;
  declare directionColumn: string | undefined;
  declare targetRows: TargetRows | undefined;
  declare tasksSource: string | undefined;
  declare tasksSrc: string | undefined;
  declare budgetSource: string | undefined;
  declare budgetSrc: string | undefined;
  declare maxAlerts: number | undefined;
  declare notes: string | undefined;
  /** The dated notes shown beside the figures. */
  readonly #notes = new NotesController(this);

  /** Resolves once the notes source named by `notes` has been read (or has failed). */
  get notesComplete(): Promise<void> {
    return this.#notes.complete;
  }

  /** The progress table and the budget, read beside the series. */
  readonly #sides = new SideTablesController(this, {
    engine: () => this.engineReady(),
    lang: () => this.langCode,
    refs: () => ({
      tasks: { source: this.tasksSource, src: this.tasksSrc },
      budget: { source: this.budgetSource, src: this.budgetSrc },
    }),
  });

  /** The list of alerts: what it shows, which one takes Tab, choosing one. */
  readonly #list = new AlertListController(this, {
    own: () => this.ownSelection,
    select: (selection) => this.select(selection),
    say: (key) => this.t(key),
    notes: () => this.#notes.about,
  });

  /** `sx-alert` and `sx-alert-cleared`, from the alerts of the whole series (not while another widget's choice narrows it). */
  readonly #events = new AlertEventsController(
    this,
    () => this.phase === 'ready' && this.rows.length === 0 && !this.foreignSelection,
  );

  /** The alerts last drawn, most urgent first. */
  private get alerts(): VarianceAlert[] {
    return this.#list.alerts;
  }

  /** Resolves once the task and budget tables named by attributes have loaded (or failed). */
  get sidesComplete(): Promise<void> {
    return this.#sides.complete;
  }

  /** What a row's target cell holds, as the attribute says (default: the period target). */
  private get targetRowsRead(): TargetRows {
    return this.targetRows === 'share' ? 'share' : 'period';
  }

  /**
   * A series in the page comes whole, as cells of the columns the alerts read; on a database
   * server it is summed there, a row per day and metric.
   */
  protected override client(
    source: string,
    table: LoadedTable,
  ): SourceClient | Promise<SourceClient> {
    if (!this.isRemote(table))
      return this.roleRowsClient(source, table, KPI_SERIES_SCHEMA, this.overrides);
    const columns = kpiSeriesColumns(table.columns, this.overrides);
    // Missing columns: one row is enough for the widget to say which ones.
    if (!columns) return sampleRowClient(source, table);
    return kpiSeriesClient(source, columns, this.targetRowsRead);
  }

  private get overrides(): Record<string, string> {
    return columnOverrides(this, KPI_SERIES_COLUMN_ATTRIBUTES);
  }

  private pace(): KpiSeriesReport {
    const { asOf, periodStart, periodEnd, warningBelow, criticalBelow, direction } = this;
    return paceSeries(this.visibleRows, {
      ...{ asOf, periodStart, periodEnd, warningBelow, criticalBelow, direction },
      ...{
        curve: curveOf(this, this.pacingSources),
        overrides: this.overrides,
        lang: this.langCode,
      },
      targetRows: this.targetRowsRead,
    });
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const report = this.pace();
    const missing = missingOf(report.resolution);
    if (missing.length > 0) return missingColumnsState(lang, missing, headersOf(this.rows));
    if (this.asOf && parseCell(this.asOf).kind !== 'date') return invalidAsOfState(this.asOf, lang);
    const gathered = gatherAll(report, this.#sides.tables, lang, curveOf(this, this.pacingSources));
    const { alerts } = gathered;
    if (!this.foreignSelection) {
      const series = this.source ?? this.src ?? (this.query ? 'query' : 'data');
      const scope = { source: series, period: report.period, asOf: report.asOf };
      this.#events.found(raisedAlerts(alerts, scope), settledKinds(this.#sides.tables));
    }
    return html`
      ${alertsHeading(report, lang)}
      ${pacingNotes(this, this.pacingSources, alertPeriodFacts(this, report), lang)}
      <p part="summary" role="status" aria-live="polite">
        ${alertSummary(countBySeverity(alerts), lang)}
      </p>
      ${this.#list.render(gathered, this.maxAlerts, lang)} ${this.#drillControl()}
      ${sideTableNotes(this.#sides.tables, this.say, lang)} ${notesStatus(this.#notes.state, lang)}
      ${unreadableNote(report.unreadable, this.say)}
      ${alertTable(alerts, lang, this.say, this.#notes.about)}
    `;
  }

  /** Opens the rows behind the focused alert: a KPI alert's metric, on the widget's own source. */
  #drillControl(): TemplateResult | typeof nothing {
    const focused = this.#list.focused;
    const column = focused?.column;
    if (focused?.alert.kind !== 'kpi' || !column) return nothing;
    return drillControl(this, { [column]: focused.alert.subject }, this.langCode);
  }

  protected override drillMeasures(): readonly Measure[] {
    const table = this.loadedTable;
    const columns = kpiSeriesColumns(table?.columns ?? [], this.overrides);
    return summedColumns(table, [columns?.actual]);
  }

  /** An alert's figure counts the days of its period up to the as-of date. */
  protected override drillDays(): DrillDays | undefined {
    const date = kpiSeriesColumns(this.loadedTable?.columns ?? [], this.overrides)?.date;
    const { asOf, period } = this.pace();
    if (!date || !asOf) return undefined;
    const through = period?.end && period.end < asOf ? period.end : asOf;
    return { column: date, ...(this.periodStart ? { from: period?.start } : {}), through };
  }

  protected override pictureSvg(): SVGSVGElement | null {
    const { alerts } = this;
    if (this.phase !== 'ready' || alerts.length === 0) return null;
    const lang = this.langCode;
    return alertsPicture(alerts, lang, {
      title: this.t('alertsTitle'),
      summary: alertSummary(countBySeverity(alerts), lang),
    });
  }

  private say = (key: MessageKey): string => this.t(key);
}
