import { type CellRecord, editsFromLink, headersOf, linkedEdits } from '@stratex/core';
import type { LoadedTable, Measure } from '@stratex/data';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { drillControl, summedColumns } from '../base/drill-through';
import { hearing, type SourceClient } from '../base/client';
import { columnProperties } from '../base/column-attributes';
import { Memo } from '../base/memo';
import { curveOf, pacingNotes } from '../base/pacing';
import { printStyles } from '../base/print.styles';
import { sharedStyles } from '../base/shared.styles';
import { NotesController } from '../base/notes-controller';
import { notesStyles } from '../base/notes.styles';
import { PacedWidget } from '../base/paced-widget';
import type { LinkedView } from '../base/view-link';
import type { Restored } from '../base/view-link-controller';
import {
  BREAKDOWN_COLUMN_ATTRIBUTES,
  type Breakdown,
  type BreakdownColumns,
  type BreakdownRequest,
  type BreakdownResolution,
  buildBreakdown,
  nodeAt,
  periodFactsOf,
  readSettings,
  resolveBreakdown,
} from './breakdown';
import { mapHeight } from './layout';
import { MapNavigation } from './map-navigation';
import { MapSizeController } from './map-size-controller';
import { treemapClient } from './request';
import { renderBreakdown } from './render';
import { targetTreemapStyles } from './target-treemap.styles';
import { levelView, selectionOf } from './view';
import { paletteOf } from './colour';
import { TreemapWhatIf, whatIfScene, whatIfStyles } from './what-if-mode';

/**
 * @summary Target treemap: the overall target broken down by levels (region, product line…),
 * tile area = target, colour = achievement (or pace) on a diverging scale around 100 %.
 * Click or Enter drills down one level and selects; Escape or Backspace goes back up. The
 * "source rows" button under the map (click, Enter or Space) opens the rows behind the focused
 * tile (or the level drilled into) in a panel: `drillThrough(figure)` does the same by script.
 *
 * @attr source - Name of an `sx-data-source` holding the target split.
 * @attr src - URL of a CSV export, loaded directly.
 * @attr query - SQL over the page's sources returning level, target and actual columns.
 * @attr encoding - Encoding of `src`: `auto` (default), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 * @attr levels - Comma-separated level columns, top first, e.g. `区域,产品线,客户类型` (default: the text columns).
 * @attr target - Target column (default 目标值 / target / 预算 / budget…); tile area follows it.
 * @attr target-column - Same as `target`.
 * @attr actual - Actual column (default 实际值 / actual / 已花费 / spent…).
 * @attr actual-column - Same as `actual`.
 * @attr direction - `lower` when less is better (a budget: spending over it is bad); default `higher`.
 * @attr as-of - The day the actuals run to; with a period, colour compares with the part due by then.
 * @attr period - The target's period, e.g. `2024-Q3`.
 * @attr period-start - First day of the period, when `period` is not given.
 * @attr period-end - Last day of the period, when `period` is not given.
 * @attr pacing - With a period and `as-of`, how the target is expected to accrue: `linear` (calendar
 *   days, the default), `workdays` (China's working days: Monday–Friday less statutory holidays,
 *   plus 调休 weekend days, from the State Council's notices for 2024–2026, with `calendar` laid over
 *   them) or `seasonal` (by the daily weights of `weights`; linear, and said so, where they miss a
 *   day). A paced tile's status reads 正常 / 预警 / 严重 while the period runs and 达标 / 未达标 once
 *   it is over.
 * @attr calendar - The page's own calendar for `pacing="workdays"`: an `sx-data-source` name or a CSV
 *   URL with columns 日期 / date, 类型 / kind (假日 / 休 / holiday / off, or 班 / 调休 / workday / work)
 *   and 名称 / name. On the days it names it overrides the shipped calendar; every other day keeps it.
 *   Rows that cannot be read are counted and shown, the rest used (docs/pacing.md).
 * @attr weights - Daily weights for `pacing="seasonal"`: an `sx-data-source` name or a CSV URL with
 *   columns 日期 / date and 权重 / weight / share, a row for every day of the period.
 * @attr total-target - The stated overall target (e.g. `500万`), checked against what the levels add up to.
 * @attr value-format - `money` (default), `count`, `number` or `percent`.
 * @attr lang - `zh-CN` or `en`; else the nearest `lang` on the page.
 * @attr theme - `dark` or `light` forces that theme; without it the nearest `data-sx-theme` on an
 *   ancestor or `<html>` decides, else the reader's `prefers-color-scheme`.
 * @attr show-table - Shows the data table that is otherwise only read by screen readers.
 * @attr exportable - Shows buttons that save the figures as CSV and the map as SVG or PNG.
 * @attr export-name - File name (without extension) for exports; default `target-treemap`.
 * @attr link-view - Keeps the view (level drilled into, tile chosen, what-if edits) in the address's fragment
 *   under this key (`#sx.KEY=…`; empty: the `id`, else the tag), so a link or a reload reopens it; what the
 *   data no longer holds falls back with a notice (to the top; edits left out). The page's own parts are kept.
 * @attr notes - Dated notes shown in a tile's details (latest first, the latest three and a count
 *   of the rest) and in the data table: the name of an `sx-data-source`, or the URL of a CSV, with
 *   columns 日期 / date, 维度 / path (the tile's path, top level first, e.g. `华东/工业传感器`),
 *   指标 / metric (optional), 作者 / author (optional), 内容 / text (or 备注). Rows that cannot be
 *   read are counted in a note; a notes file that cannot be loaded is said in a note, the map still shown.
 * @attr what-if - What-if mode: a panel sets the focused tile's target (typed, or dragged on a slider), the
 *   difference taken from its siblings in proportion (the parent's total kept), the reserve, or nowhere; moved
 *   tiles show before → after, and the scorecard and alerts on the source follow. Undo, reset, refusals, CSV
 *   (from a ClickHouse source: a row per combination of the levels, summed by the server, planned and new target).
 *   The source is not changed. A refresh keeps the edits that still fit and says which it set aside.
 * @attr what-if-reserve - The reserve edits may draw on: a share of the overall target (`15%`) or `50万`.
 *
 * @fires sx-drill-through - Before the rows behind a tile open (cancelable: `preventDefault()` keeps the panel shut, for a page that opens its own view); detail `{ source, filters, metric, figure }`.
 * @fires sx-select - A tile was chosen (or chosen again to clear); detail `{ source, selection }`, e.g. `{ 区域: '华东' }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows (of the split or the notes) could not be read; detail `{ source, message, detail? }`.
 * @fires sx-what-if - A what-if edit applied, undone or reset; detail `{ source, edits, changes, reserve }`.
 *
 * @csspart base - The widget's frame.
 * @csspart loading - The loading state: what the load is doing, its progress, and a way to cancel it.
 * @csspart cancel-button - Cancels the load under way (every widget on that source stops waiting).
 * @csspart empty - The state of a source without rows.
 * @csspart error - The state of rows that could not be read.
 * @csspart resume-button - Starts a cancelled load again.
 * @csspart breadcrumb - The trail of levels drilled into.
 * @csspart map - The treemap's SVG.
 * @csspart tile - One tile (an SVG group).
 * @csspart tooltip - The figures of the hovered or focused tile.
 * @csspart notes - The dated notes in a tile's details.
 * @csspart legend - The colour key.
 * @csspart warning - Splits that do not add up, cells that could not be read.
 * @csspart pacing-notes - What the widget says of its period's dates and of its calendar and weights files.
 * @csspart data-table - The accessible table of every figure shown.
 * @csspart toolbar - The export buttons (with `exportable`).
 * @csspart export-button - One export button.
 * @csspart what-if - The what-if panel (with `what-if`).
 * @csspart what-if-refusal - Why the last edit was refused.
 * @csspart what-if-notice - The edits a refresh or a link could not keep, and the planned targets a refresh moved.
 * @csspart drill-through - The button that opens the rows behind the focused tile.
 *
 * @cssprop --sx-background - Background colour (also the gap between tiles).
 * @cssprop --sx-foreground - Text colour, focus and selection rings.
 * @cssprop --sx-muted - Secondary text colour.
 * @cssprop --sx-border - Rule colour.
 * @cssprop --sx-warn - Colour of warnings.
 * @cssprop --sx-font - Font family.
 * @cssprop --sx-achievement-far-behind - Tile fill at 70 % of plan or less (default orange).
 * @cssprop --sx-achievement-behind - Tile fill at 85 % of plan.
 * @cssprop --sx-achievement-on-plan - Tile fill at 100 % of plan (neutral).
 * @cssprop --sx-achievement-ahead - Tile fill at 115 % of plan.
 * @cssprop --sx-achievement-far-ahead - Tile fill at 130 % of plan or more (default blue).
 * @cssprop --sx-achievement-unknown - Tile fill when there is no rate.
 */
export class SxTargetTreemap extends PacedWidget {
  static override properties = {
    ...PacedWidget.properties,
    levels: { type: String },
    ...columnProperties(BREAKDOWN_COLUMN_ATTRIBUTES),
    direction: { type: String },
    asOf: { type: String, attribute: 'as-of' },
    period: { type: String },
    periodStart: { type: String, attribute: 'period-start' },
    periodEnd: { type: String, attribute: 'period-end' },
    totalTarget: { type: String, attribute: 'total-target' },
    valueFormat: { type: String, attribute: 'value-format' },
    notes: { type: String },
    theme: { type: String, reflect: true },
    whatIf: { type: Boolean, attribute: 'what-if', reflect: true },
    whatIfReserve: { type: String, attribute: 'what-if-reserve' },
  };

  static override styles = [
    sharedStyles,
    targetTreemapStyles,
    notesStyles,
    whatIfStyles,
    printStyles,
  ];

  static override requestInputs = ['levels', 'target', 'actual', 'targetColumn', 'actualColumn'];

  declare levels: string | undefined;
  declare target: string | undefined;
  declare actual: string | undefined;
  declare targetColumn: string | undefined;
  declare actualColumn: string | undefined;
  declare direction: string | undefined;
  declare asOf: string | undefined;
  declare period: string | undefined;
  declare periodStart: string | undefined;
  declare periodEnd: string | undefined;
  declare totalTarget: string | undefined;
  declare valueFormat: string | undefined;
  declare theme: string | undefined;
  declare notes: string | undefined;
  /** The dated notes shown beside the figures. */
  readonly #notes = new NotesController(this);

  /** Resolves once the notes source named by `notes` has been read (or has failed). */
  get notesComplete(): Promise<void> {
    return this.#notes.complete;
  }
  declare whatIf: boolean;
  declare whatIfReserve: string | undefined;

  /** The columns found for these rows under these attributes: found once per load. */
  readonly #resolved = new Memo<BreakdownResolution>();
  readonly #breakdown = new Memo<Breakdown>();
  readonly #navigation = new MapNavigation(this, {
    own: () => this.ownSelection,
    select: (selection) => this.select(selection),
  });
  readonly #mapSize = new MapSizeController(this);
  readonly #whatIfEdits = new TreemapWhatIf(this, {
    source: () => this.selectionKey,
    publish: (set) => this.publishTargets(set),
  });

  protected override async client(source: string, table: LoadedTable): Promise<SourceClient> {
    const request = readSettings(this).request;
    const resolution = resolveBreakdown(table.columns, request);
    const client = await treemapClient(this.engine, source, table, resolution.columns);
    this.#whatIfEdits.loaded = { engine: this.engine, source, table };
    // The columns found here are those the view finds in the rows this client brings.
    return hearing(client, (rows) => this.#resolved.set(resolutionKey(rows, request), resolution));
  }

  /** The breakdown's columns among the rows' headers (as the load found them, when it did). */
  private resolution(request: BreakdownRequest): BreakdownResolution {
    return this.#resolved.get(resolutionKey(this.rows, request), () =>
      resolveBreakdown(headersOf(this.rows), request),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reloading = ['source', 'src', 'query', 'data'].some((key) =>
      changed.has(key as keyof SxTargetTreemap),
    );
    if (reloading || changed.has('levels')) this.#navigation.path = [];
  }

  private breakdown(columns: BreakdownColumns): Breakdown {
    // A stated total speaks for all the rows, not for a part chosen in another widget.
    const total = this.foreignSelection ? null : readSettings(this).totalTarget;
    const set = this.targetOverrides;
    const key = [
      this.rows,
      this.selection,
      columns.levels.join('\u0000'),
      columns.target,
      columns.actual,
      total,
      set,
    ];
    const narrowed = this.foreignSelection !== null;
    const whatIf = (): Breakdown | undefined =>
      this.#whatIfEdits.breakdownWith(set, this.rows, columns, total, narrowed);
    return this.#breakdown.get(
      key,
      () => whatIf() ?? buildBreakdown(this.visibleRows, columns, total),
    );
  }

  /** The picture to export: the map as drawn, its tiles and their words. */
  protected override pictureSvg(): SVGSVGElement | null {
    return this.renderRoot.querySelector<SVGSVGElement>('svg[part~="map"]');
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const settings = readSettings(this, curveOf(this, this.pacingSources));
    const { columns, missing } = this.resolution(settings.request);
    this.#navigation.levels = columns?.levels;
    const breakdown = columns ? this.breakdown(columns) : undefined;
    const node = breakdown ? nodeAt(breakdown.tree.root, this.#navigation.path) : undefined;
    const width = this.#mapSize.width || 640;
    const size = { width, height: mapHeight(width) };
    const words = { lang, unit: settings.unit, budget: settings.measure.direction === 'lower' };
    const palette = paletteOf(this);
    const view =
      breakdown && node && columns
        ? levelView(node, {
            columns,
            splits: breakdown.splits,
            measure: settings.measure,
            words,
            palette,
            size,
            selection: this.ownSelection,
          })
        : undefined;
    const mode =
      this.whatIf && columns && node
        ? whatIfScene(this.#whatIfEdits.plan(this.rows, columns, this.whatIfReserve), node, words)
        : this.#whatIfEdits.stop();
    const drawn = (mode?.mark(view) ?? view)?.drawn ?? [];
    this.#navigation.drawn = drawn;
    const { focusKey, tooltipKey } = this.#navigation;
    const notes = pacingNotes(this, this.pacingSources, periodFactsOf(this, settings), lang);
    const map = renderBreakdown({
      ...{ lang, columns, missing, breakdown, node, view, words, size, palette, focusKey },
      headers: this.loadedTable?.columns ?? headersOf(this.rows),
      options: settings.measure,
      tooltipKey,
      goTo: (depth) => this.#navigation.goTo(depth),
      events: this.#navigation.events,
      notes: this.#notes.about,
      notesState: this.#notes.state,
      ...(view ? { view: { ...view, drawn } } : {}),
    });
    const drill = view ? this.#drillControl(focusKey) : nothing;
    return html`${notes}${map}${drill}${mode?.panel(focusKey) ?? nothing}`;
  }

  /** The tile a drill-through opens on: the focused one, else the level drilled into. */
  #drillControl(focusKey: string | undefined): TemplateResult {
    const levels = this.#navigation.levels ?? [];
    const drawn = this.#navigation.drawn;
    const tile = drawn.find((shown) => shown.box.key === focusKey)?.box.item.node;
    const path = this.#navigation.path.map((value, depth) => [levels[depth] ?? '', value]);
    const values = tile ? selectionOf(tile, levels) : Object.fromEntries(path);
    return drillControl(this, values, this.langCode);
  }

  protected override drillMeasures(): readonly Measure[] {
    const columns = this.resolution(readSettings(this).request).columns;
    return summedColumns(this.loadedTable, [columns?.target, columns?.actual]);
  }

  /** The target table with the what-if's targets, in the source's columns and encoding (GBK stays GBK; see `what-if`). */
  whatIfFile(): Promise<Blob> {
    return this.#whatIfEdits.file(this.rows, this.targetOverrides, this.langCode);
  }

  /** A link reopens the level drilled into, the tile chosen and the what-if's edits. */
  protected override linkedView(): LinkedView {
    const view = super.linkedView();
    const path = this.#navigation.path;
    const edits = this.whatIf ? this.#whatIfEdits.edits : [];
    return {
      ...view,
      ...(path.length > 0 ? { path } : {}),
      ...(edits.length > 0 ? { edits: linkedEdits(edits) } : {}),
    };
  }

  /** Puts a link's what-if edits back (those that no longer fit left out), drills to its level if it is there. */
  protected override restoreView(view: LinkedView): Restored {
    const edits = view.edits === undefined ? [] : editsFromLink(view.edits);
    if (!edits) return 'unreadable';
    if (this.whatIf && edits.length > 0) this.#whatIfEdits.restore(edits);
    const path = view.path ?? [];
    const columns = this.resolution(readSettings(this).request).columns;
    const node = columns ? nodeAt(this.breakdown(columns).tree.root, path) : undefined;
    if (!node || node.path.length !== path.length) return 'gone';
    const restored = super.restoreView(view);
    if (restored === 'fits') this.#navigation.path = path;
    return restored;
  }
}

/** What a resolution of the breakdown's columns depends on: the rows and the attributes naming columns. */
function resolutionKey(rows: readonly CellRecord[], request: BreakdownRequest): unknown[] {
  return [rows, request.levels, request.target, request.actual];
}
