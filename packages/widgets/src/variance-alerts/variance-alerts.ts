import {
  headersOf,
  alertSummary,
  countBySeverity,
  formatDate,
  formatRate,
  KPI_SERIES_SCHEMA,
  type KpiSeriesReport,
  parseCell,
  type TargetRows,
  type VarianceAlert,
} from '@stratex/core';
import type { LoadedTable, Measure } from '@stratex/data';
import { html, nothing, type TemplateResult } from 'lit';
import type { SourceClient } from '../base/client';
import {
  type ColumnAttributes,
  columnOverrides,
  columnProperties,
} from '../base/column-attributes';
import { printStyles } from '../base/print.styles';
import { sampleRowClient } from '../base/row-cells';
import { curveOf } from '../base/pacing';
import { sharedStyles } from '../base/shared.styles';
import { SxWidget } from '../base/sx-widget';
import type { MessageKey } from '../base/lang';
import { drillControl, summedColumns } from '../base/drill-through';
import { alertTable } from './alert-item';
import { AlertListController } from './alert-list-controller';
import { sideTableNotes, unreadableNote } from './alert-notes';
import { alertsPicture } from './picture';
import { gatherAll, paceSeries } from './alerts-report';
import { kpiSeriesClient, kpiSeriesColumns } from './request';
import { SideTablesController } from './side-tables-controller';
import { varianceAlertsStyles } from './variance-alerts.styles';
import { missingColumnsState, missingOf } from '../base/missing-columns';

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
 * its metric for the page; Escape clears the choice.
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
 *   the default) or `workdays` (China's working days: Monday–Friday less statutory holidays, plus
 *   调休 weekend days, from the State Council's notices for 2024–2026). Tasks are paced the same way.
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
 * @attr show-table - Shows the data table that is otherwise only read by screen readers.
 * @attr theme - `dark` or `light` forces that theme; without it the nearest `data-sx-theme` on an
 *   ancestor or `<html>` decides, else the reader's `prefers-color-scheme`.
 *
 * @fires sx-drill-through - Before the rows behind a KPI alert open (cancelable: `preventDefault()` keeps the panel shut, for a page that opens its own view); detail `{ source, filters, metric, figure }`.
 * @fires sx-select - An alert was chosen (or chosen again to clear: `selection` null); detail `{ source, selection: { <metric column>: metric } | null }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows (of the series, the tasks or the budget) could not be read; detail `{ source, message, detail? }`.
 *
 * @csspart base - The widget's frame.
 * @csspart loading - The loading state, with the download's progress.
 * @csspart empty - The state of a source without rows.
 * @csspart error - The state of rows that could not be read.
 * @csspart summary - The count of alerts by severity (announced when it changes).
 * @csspart alert - One alert (`alert selected` when it is the page's choice).
 * @csspart drill-through - The button that opens the rows behind the focused KPI alert (`drillThrough(figure)` by script).
 * @csspart severity - An alert's severity in an icon and a word.
 * @csspart sparkline - A KPI's running total against its pace line.
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
export class SxVarianceAlerts extends SxWidget {
  static override properties = {
    ...SxWidget.properties,
    asOf: { type: String, attribute: 'as-of' },
    periodStart: { type: String, attribute: 'period-start' },
    periodEnd: { type: String, attribute: 'period-end' },
    pacing: { type: String, reflect: true },
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
  };

  static override styles = [sharedStyles, varianceAlertsStyles, printStyles];

  static override requestInputs = [
    'targetRows',
    ...Object.values(KPI_SERIES_COLUMN_ATTRIBUTES).flat(),
  ];

  declare asOf: string | undefined;
  declare periodStart: string | undefined;
  declare periodEnd: string | undefined;
  declare pacing: 'linear' | 'workdays' | undefined;
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
  });

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
    return paceSeries(this.visibleRows, {
      asOf: this.asOf,
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      curve: curveOf(this),
      warningBelow: this.warningBelow,
      criticalBelow: this.criticalBelow,
      direction: this.direction,
      overrides: this.overrides,
      targetRows: this.targetRowsRead,
      lang: this.langCode,
    });
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const report = this.pace();
    const missing = missingOf(report.resolution);
    if (missing.length > 0) return missingColumnsState(lang, missing, headersOf(this.rows));
    if (this.asOf && parseCell(this.asOf).kind !== 'date') {
      return html`<div class="state" data-state="error" role="alert">
        <strong>${this.t('errorTitle')}</strong>
        <span>${this.t('invalidAsOf')}${this.t('colon')}${this.asOf}</span>
      </div>`;
    }
    const gathered = gatherAll(report, this.#sides.tables, lang, curveOf(this));
    const { alerts } = gathered;
    return html`
      <header>
        <h2>${this.t('alertsTitle')}</h2>
        ${
          report.asOf && report.elapsed
            ? html`<span class="as-of"
                >${this.t('asOf')} ${formatDate(report.asOf, lang)} · ${this.t('alertsElapsed')}
                ${formatRate(report.elapsed.share, lang)}</span
              >`
            : nothing
        }
      </header>
      <p part="summary" role="status" aria-live="polite">
        ${alertSummary(countBySeverity(alerts), lang)}
      </p>
      ${this.#list.render(gathered, this.maxAlerts, lang)} ${this.#drillControl()}
      ${sideTableNotes(this.#sides.tables, this.say, lang)}
      ${unreadableNote(report.unreadable, this.say)} ${alertTable(alerts, lang, this.say)}
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
