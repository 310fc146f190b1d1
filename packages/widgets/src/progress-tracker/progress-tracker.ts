import {
  headersOf,
  filterTasks,
  formatDate,
  formatValue,
  PROGRESS_SCHEMA,
  type ProgressReport,
  sortTasks,
  TASK_ORDERS,
  type TaskOrder,
  type TaskState,
  type TrackedTask,
  trackProgress,
  type CellRecord,
} from '@stratex/core';
import type { LoadedTable } from '@stratex/data';
import { html, nothing, type TemplateResult } from 'lit';
import type { SourceClient } from '../base/client';
import {
  type ColumnAttributes,
  columnOverrides,
  columnProperties,
} from '../base/column-attributes';
import { message, type MessageKey } from '../base/lang';
import { heldTableStyles } from '../base/held-table';
import { printStyles } from '../base/print.styles';
import { Memo } from '../base/memo';
import { curveOf, pacingNotes } from '../base/pacing';
import { sharedStyles } from '../base/shared.styles';
import { PacedWidget } from '../base/paced-widget';
import { drillControl } from '../base/drill-through';
import { type FilterChoice, trackerFilters } from './filters';
import { trackerPicture } from './picture';
import { progressTrackerStyles } from './progress-tracker.styles';
import { DEFAULT_MAX_TASKS, taskClient } from './request';
import { TaskListController } from './task-list-controller';
import type { RowContext } from './task-row';
import { taskRowStyles } from './task-row.styles';
import { taskTable } from './task-table';
import { asOfDayOf, timeAxis } from './time-axis';
import { buildTimeline, timelineTicks } from './timeline';
import { TrackSizeController } from './track-size-controller';
import { missingColumnsState, missingOf } from '../base/missing-columns';

/** The progress table's roles, as the `*-column` attributes name them. */
const PROGRESS_COLUMN_ATTRIBUTES: ColumnAttributes = {
  task: ['taskColumn'],
  owner: ['ownerColumn'],
  planned_start: ['startColumn'],
  planned_end: ['endColumn'],
  progress: ['progressColumn'],
};

/**
 * @summary Progress tracker (执行进度跟踪表): one row per task with its planned bar on a time
 * axis, the actual progress inside it, where progress should be at the as-of day, and the
 * task's state in words and an icon (overdue, lagging, on schedule, not started, done).
 * Rows open (click, Enter or Space) to show the progress note, owner, risk and mitigation.
 * Opening a row chooses that task for the page: `sx-select` names the task column (a task
 * is the one thing a row stands for); closing it (again, or Escape) clears the choice.
 * A long list (10,000 tasks) draws only the rows in view and a margin around them, keeping the
 * page as long as the whole list; scrolling, the keyboard and printing bring the others, and
 * the data table holds every task.
 *
 * On a database server's source (a ClickHouse cluster) the tracker reads at most `max-tasks`
 * tasks, those that end first, with another widget's choice as a filter there, and says how
 * many it shows of how many match.
 *
 * @attr source - Name of an `sx-data-source` holding the progress table.
 * @attr src - URL of a progress CSV, loaded directly.
 * @attr query - SQL over the page's sources that returns progress rows.
 * @attr encoding - Encoding of `src`: `auto` (default), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 * @attr lang - `zh-CN` or `en`; else the nearest `lang` on the page.
 * @attr as-of - The day progress is judged at (ISO date, e.g. `2024-06-25`); default today.
 * @attr pacing - How a task's expected progress accrues between its planned start and end: `linear`
 *   (calendar days, the default), `workdays` (China's working days: Monday–Friday less statutory
 *   holidays, plus 调休 weekend days, from the State Council's notices for 2024–2026, with `calendar`
 *   laid over them) or `seasonal` (by the daily weights of `weights`; linear for a task whose days
 *   they do not all cover).
 * @attr calendar - The page's own calendar for `pacing="workdays"`: an `sx-data-source` name or a CSV
 *   URL with columns 日期 / date, 类型 / kind (假日 / 休 / holiday / off, or 班 / 调休 / workday / work)
 *   and 名称 / name. On the days it names it overrides the shipped calendar; every other day keeps it.
 *   Rows that cannot be read are counted and shown, the rest used (docs/pacing.md).
 * @attr weights - Daily weights for `pacing="seasonal"`: an `sx-data-source` name or a CSV URL with
 *   columns 日期 / date and 权重 / weight / share.
 * @attr lag-threshold - Percentage points behind the expected progress before a task is lagging (default 10).
 * @attr max-tasks - On a database server's source: how many tasks are read, those that end first (default 200).
 * @attr sort - Row order: `table` (default), `end` (planned end), `lag` (most behind first), `owner`.
 * @attr show-table - Shows the data table that is otherwise only read by screen readers.
 * @attr exportable - Shows buttons that save the table as CSV and the tasks as an SVG or PNG picture.
 * @attr export-name - File name (without extension) for exports; default `progress-tracker`.
 * @attr theme - `dark` or `light` forces that theme; without it the nearest `data-sx-theme` on an
 *   ancestor or `<html>` decides, else the reader's `prefers-color-scheme`.
 * @attr task-column - Header of the task column when it is not recognised (default 任务名称 / task).
 * @attr owner-column - Header of the owner column (default 负责人 / owner).
 * @attr start-column - Header of the planned start column (default 计划开始时间 / planned_start).
 * @attr end-column - Header of the planned end column (default 计划结束时间 / planned_end).
 * @attr progress-column - Header of the progress column (default 实际进度（%/完成状态） / progress).
 * @attr link-view - Keeps the view (its chosen task) in the page address's fragment under this key
 *   (`#sx.KEY=…`; empty: the element's `id`, else its tag), so a link or a reload reopens it;
 *   a view the data no longer holds falls back to the top with a notice. The page's own
 *   fragment parts are kept.
 *
 * @fires sx-drill-through - Before the source rows of a task open (cancelable: `preventDefault()` keeps the panel shut, for a page that opens its own view); detail `{ source, filters, metric, figure }`.
 * @fires sx-select - A task was opened (or closed: `selection` null); detail `{ source, selection: { <task column>: task } | null }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows could not be read; detail `{ source, message, detail? }`.
 *
 * @csspart base - The widget's frame.
 * @csspart loading - The loading state: what the load is doing, its progress, and a way to cancel it.
 * @csspart cancel-button - Cancels the load under way (every widget on that source stops waiting).
 * @csspart empty - The state of a source without rows.
 * @csspart error - The state of rows that could not be read.
 * @csspart resume-button - Starts a cancelled load again.
 * @csspart filters - The status buttons, owner filter and sort control.
 * @csspart axis - The time axis above the rows.
 * @csspart row - One task (`row selected` when it is the page's chosen task).
 * @csspart drill-through - The button that opens the source rows of the focused task (`drillThrough(figure)` by script).
 * @csspart bar - A task's planned bar, progress fill and expected-progress marker.
 * @csspart status - A task's state in words and an icon.
 * @csspart pacing-notes - What the widget says of its period's dates and of its calendar and weights files.
 * @csspart data-table - The accessible table of every figure shown.
 * @csspart toolbar - The export buttons (with `exportable`).
 * @csspart export-button - One export button.
 *
 * @cssprop --sx-background - Background colour.
 * @cssprop --sx-foreground - Text colour.
 * @cssprop --sx-muted - Secondary text colour.
 * @cssprop --sx-border - Rule, grid and planned-bar outline colour.
 * @cssprop --sx-accent - Progress fill, as-of line, focus ring and selection colour.
 * @cssprop --sx-good - Colour of "done".
 * @cssprop --sx-warn - Colour of "lagging".
 * @cssprop --sx-bad - Colour of "overdue".
 * @cssprop --sx-font - Font family.
 */
export class SxProgressTracker extends PacedWidget {
  static override properties = {
    ...PacedWidget.properties,
    asOf: { type: String, attribute: 'as-of' },
    lagThreshold: { type: Number, attribute: 'lag-threshold' },
    maxTasks: { type: Number, attribute: 'max-tasks' },
    sort: { type: String, reflect: true },
    ...columnProperties(PROGRESS_COLUMN_ATTRIBUTES),
    ownerFilter: { state: true },
    stateFilter: { state: true },
  };

  static override styles = [
    sharedStyles,
    progressTrackerStyles,
    taskRowStyles,
    heldTableStyles,
    printStyles,
  ];

  static override requestInputs = [
    'maxTasks',
    'taskColumn',
    'ownerColumn',
    'startColumn',
    'endColumn',
    'progressColumn',
  ];

  declare asOf: string | undefined;
  declare lagThreshold: number | undefined;
  declare maxTasks: number | undefined;
  declare sort: TaskOrder | undefined;
  declare taskColumn: string | undefined;
  declare ownerColumn: string | undefined;
  declare startColumn: string | undefined;
  declare endColumn: string | undefined;
  declare progressColumn: string | undefined;

  declare private ownerFilter: string | undefined;
  declare private stateFilter: TaskState | undefined;

  private report: ProgressReport | undefined;
  /** The report, the tasks shown and their table, kept while what they are made from stays. */
  readonly #reportMemo = new Memo<ProgressReport>();
  readonly #shownMemo = new Memo<TrackedTask[]>();
  readonly #tableMemo = new Memo<TemplateResult>();
  /** Rows read from a database server, and how many tasks matched there in all. */
  #totals = new WeakMap<readonly CellRecord[], number>();
  /** The rows of tasks: which one is open, which takes Tab, choosing one. */
  readonly #list = new TaskListController(this, {
    taskHeader: () => this.report?.resolution.columns.task,
    rows: () => this.visibleRows,
    own: () => this.ownSelection,
    select: (selection) => this.select(selection),
  });

  /** The time axis's width and tick size, followed as the widget resizes. */
  readonly #track = new TrackSizeController(this);

  /** The as-of day in use: the `as-of` attribute when it reads as a date, else today. */
  get asOfDay(): string {
    return asOfDayOf(this.asOf);
  }

  private get asOfText(): string {
    return `${this.t('asOf')} ${formatDate(this.asOfDay, this.langCode)}`;
  }

  private get overrides(): Record<string, string> {
    return columnOverrides(this, PROGRESS_COLUMN_ATTRIBUTES);
  }

  private get order(): TaskOrder {
    return this.sort && TASK_ORDERS.includes(this.sort) ? this.sort : 'table';
  }

  private get taskLimit(): number {
    const limit = this.maxTasks;
    return limit !== undefined && Number.isFinite(limit) && limit >= 1 ? limit : DEFAULT_MAX_TASKS;
  }

  /**
   * A table in the page comes whole, as cells of the columns the tracker reads; a database
   * server's gives the tasks that end first, up to `max-tasks`, and how many match in all.
   */
  protected override client(
    source: string,
    table: LoadedTable,
  ): SourceClient | Promise<SourceClient> {
    if (!this.isRemote(table))
      return this.roleRowsClient(source, table, PROGRESS_SCHEMA, this.overrides);
    return taskClient(source, table, this.overrides, this.taskLimit, (rows, total) => {
      if (total > rows.length) this.#totals.set(rows, total);
    });
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const asOf = this.asOfDay;
    const threshold = this.lagThreshold;
    const overrides = this.overrides;
    const pacing = [this.pacingSources.calendar, this.pacingSources.weights];
    const report = this.#reportMemo.get(
      [this.visibleRows, asOf, lang, JSON.stringify(overrides), this.pacing, threshold, ...pacing],
      () =>
        trackProgress(this.visibleRows, {
          asOf,
          lang,
          overrides,
          curve: curveOf(this, this.pacingSources),
          tolerance:
            threshold !== undefined && Number.isFinite(threshold) && threshold >= 0
              ? threshold / 100
              : undefined,
        }),
    );
    this.report = report;
    const missing = missingOf(report.resolution);
    if (missing.length > 0) {
      return missingColumnsState(this.langCode, missing, headersOf(this.rows));
    }
    const tasks = report.tasks;
    const owner = tasks.some((task) => (task.owner ?? '') === this.ownerFilter)
      ? this.ownerFilter
      : undefined;
    const shown = this.#shownMemo.get([tasks, owner, this.stateFilter, this.order, lang], () =>
      sortTasks(filterTasks(tasks, { owner, state: this.stateFilter }), this.order, lang),
    );
    this.#list.shown = shown;
    const timeline = buildTimeline(tasks, asOf);
    const ticks = timelineTicks(timeline, this.#track.width, lang, this.#track.tickFontPx);
    const t = (key: MessageKey): string => this.t(key);
    const context: RowContext = { lang, t, timeline, ticks, asOf };
    const choice: FilterChoice = {
      owner,
      state: this.stateFilter,
      order: this.order,
    };
    const asOfText = this.asOfText;
    const caption = message(lang, 'titleAsOf', {
      title: this.t('progressTracker'),
      asOf: asOfText,
    });
    return html`
      <header role="none">
        <h2>${this.t('progressTracker')}</h2>
        <span class="as-of-day">${asOfText}</span>
      </header>
      ${pacingNotes(this, this.pacingSources, undefined, lang)} ${this.renderPartial()}
      ${trackerFilters(tasks, choice, lang, t, (next) => this.choose(next))}
      ${timeAxis(ticks, timeline.showsAsOf ? timeline.dayEnd(asOf) : null)}
      ${this.#list.render(context, this.t('progressTracker'))} ${this.#drillControl()}
      ${shown.length === 0 ? html`<p class="no-match">${this.t('noMatch')}</p>` : nothing}
      ${this.renderUnreadable(report)}
      ${this.#tableMemo.get([shown, caption], () => taskTable(shown, caption, lang, t))}
    `;
  }

  /** Opens the source rows of the focused task. */
  #drillControl(): TemplateResult | typeof nothing {
    const task = this.#list.focusedTask;
    const known =
      task && Object.keys(task).every((column) => this.loadedTable?.columns.includes(column));
    return known ? drillControl(this, task, this.langCode) : nothing;
  }

  protected override pictureSvg(): SVGSVGElement | null {
    if (!this.report || this.report.resolution.missing.length > 0) return null;
    return trackerPicture(this.#list.shown, this.asOfDay, this.langCode, {
      title: this.t('progressTracker'),
      asOf: this.asOfText,
      expectedShort: this.t('expectedShort'),
      state: (state) => this.t(`task-${state}`),
    });
  }

  /** Says how many tasks are shown of how many, when a server holds more than were read. */
  private renderPartial(): TemplateResult | typeof nothing {
    const total = this.#totals.get(this.rows);
    if (total === undefined) return nothing;
    const lang = this.langCode;
    const said = message(lang, 'progressPartial', {
      shown: formatValue(this.rows.length, 'number', lang),
      total: formatValue(total, 'number', lang),
    });
    return html`<p class="partial" role="note">${said}</p>`;
  }

  private renderUnreadable(report: ProgressReport): TemplateResult | typeof nothing {
    if (report.unreadable.length === 0) return nothing;
    const list = report.unreadable
      .map((cell) => `#${cell.row} ${cell.column}: “${cell.value}” (${cell.reason})`)
      .join('; ');
    return html`<p class="warning" role="note">
      ⚠ ${report.unreadable.length} ${this.t('unreadable')} — ${list}
    </p>`;
  }

  private choose(choice: FilterChoice): void {
    this.ownerFilter = choice.owner;
    this.stateFilter = choice.state;
    this.sort = choice.order;
  }
}
