import { type CellRecord, headersOf } from '@stratex/core';
import type { LoadedTable, Measure } from '@stratex/data';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { drillControl, summedColumns } from '../base/drill-through';
import { hearing, type SourceClient } from '../base/client';
import { columnProperties } from '../base/column-attributes';
import { Memo } from '../base/memo';
import { printStyles } from '../base/print.styles';
import { sharedStyles } from '../base/shared.styles';
import { SxWidget } from '../base/sx-widget';
import {
  BREAKDOWN_COLUMN_ATTRIBUTES,
  type Breakdown,
  type BreakdownColumns,
  type BreakdownRequest,
  type BreakdownResolution,
  buildBreakdown,
  nodeAt,
  readSettings,
  resolveBreakdown,
} from './breakdown';
import { mapHeight, tileForKey } from './layout';
import type { DrawnTile, MapEvents } from './map';
import { treemapClient } from './request';
import { renderBreakdown } from './render';
import { targetTreemapStyles } from './target-treemap.styles';
import { levelView, selectionOf } from './view';
import { paletteOf } from './colour';

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
 *   days, the default) or `workdays` (China's working days: Monday–Friday less statutory holidays,
 *   plus 调休 weekend days, from the State Council's notices for 2024–2026). A paced tile's status
 *   reads 正常 / 预警 / 严重 while the period runs and 达标 / 未达标 once it is over.
 * @attr total-target - The stated overall target (e.g. `500万`), checked against what the levels add up to.
 * @attr value-format - `money` (default), `count`, `number` or `percent`.
 * @attr lang - `zh-CN` or `en`; else the nearest `lang` on the page.
 * @attr theme - `dark` or `light` forces that theme; without it the nearest `data-sx-theme` on an
 *   ancestor or `<html>` decides, else the reader's `prefers-color-scheme`.
 * @attr show-table - Shows the data table that is otherwise only read by screen readers.
 * @attr exportable - Shows buttons that save the figures as CSV and the map as SVG or PNG.
 * @attr export-name - File name (without extension) for exports; default `target-treemap`.
 *
 * @fires sx-drill-through - Before the rows behind a tile open (cancelable: `preventDefault()` keeps the panel shut, for a page that opens its own view); detail `{ source, filters, metric, figure }`.
 * @fires sx-select - A tile was chosen (or chosen again to clear); detail `{ source, selection }`, e.g. `{ 区域: '华东' }`.
 * @fires sx-data-load - Rows were read; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - Rows could not be read; detail `{ source, message, detail? }`.
 *
 * @csspart base - The widget's frame.
 * @csspart loading - The loading state, with the download's progress.
 * @csspart empty - The state of a source without rows.
 * @csspart error - The state of rows that could not be read.
 * @csspart breadcrumb - The trail of levels drilled into.
 * @csspart map - The treemap's SVG.
 * @csspart tile - One tile (an SVG group).
 * @csspart tooltip - The figures of the hovered or focused tile.
 * @csspart legend - The colour key.
 * @csspart warning - Splits that do not add up, cells that could not be read.
 * @csspart data-table - The accessible table of every figure shown.
 * @csspart toolbar - The export buttons (with `exportable`).
 * @csspart export-button - One export button.
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
export class SxTargetTreemap extends SxWidget {
  static override properties = {
    ...SxWidget.properties,
    levels: { type: String },
    ...columnProperties(BREAKDOWN_COLUMN_ATTRIBUTES),
    direction: { type: String },
    asOf: { type: String, attribute: 'as-of' },
    period: { type: String },
    periodStart: { type: String, attribute: 'period-start' },
    periodEnd: { type: String, attribute: 'period-end' },
    pacing: { type: String, reflect: true },
    totalTarget: { type: String, attribute: 'total-target' },
    valueFormat: { type: String, attribute: 'value-format' },
    theme: { type: String, reflect: true },
    drillPath: { state: true },
    focusKey: { state: true },
    hoverKey: { state: true },
    focusInMap: { state: true },
    mapWidth: { state: true },
  };

  static override styles = [sharedStyles, targetTreemapStyles, printStyles];

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
  declare pacing: 'linear' | 'workdays' | undefined;
  declare totalTarget: string | undefined;
  declare valueFormat: string | undefined;
  declare theme: string | undefined;

  declare protected drillPath: string[];
  declare protected focusKey: string | undefined;
  declare protected hoverKey: string | undefined;
  declare protected focusInMap: boolean;
  declare protected mapWidth: number;

  #drawn: DrawnTile[] = [];
  #columns: BreakdownColumns | undefined;
  /** The columns found for these rows under these attributes: found once per load. */
  readonly #resolved = new Memo<BreakdownResolution>();
  readonly #breakdown = new Memo<Breakdown>();
  #refocus = false;
  #observed: Element | undefined;
  readonly #resize = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    // Applied on the next frame: redrawing inside the observer's callback would loop.
    requestAnimationFrame(() => {
      if (width > 0 && width !== this.mapWidth) this.mapWidth = width;
    });
  });

  constructor() {
    super();
    this.drillPath = [];
    this.focusInMap = false;
    this.mapWidth = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#observed = undefined;
  }

  protected override async client(source: string, table: LoadedTable): Promise<SourceClient> {
    const request = readSettings(this).request;
    const resolution = resolveBreakdown(table.columns, request);
    const client = await treemapClient(this.engine, source, table, resolution.columns);
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
    if (reloading || changed.has('levels')) this.drillPath = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const frame = this.renderRoot.querySelector('.map-frame') ?? undefined;
    if (frame !== this.#observed) {
      if (this.#observed) this.#resize.unobserve(this.#observed);
      if (frame) this.#resize.observe(frame);
      this.#observed = frame;
    }
    if (this.#refocus) {
      this.#refocus = false;
      queueMicrotask(() =>
        this.renderRoot.querySelector<SVGGElement>('g.tile[tabindex="0"]')?.focus(),
      );
    }
  }

  private breakdown(columns: BreakdownColumns): Breakdown {
    // A stated total speaks for all the rows, not for a part chosen in another widget.
    const total = this.foreignSelection ? null : readSettings(this).totalTarget;
    const key = [
      this.rows,
      this.selection,
      columns.levels.join('\u0000'),
      columns.target,
      columns.actual,
      total,
    ];
    return this.#breakdown.get(key, () => buildBreakdown(this.visibleRows, columns, total));
  }

  /** The picture to export: the map as drawn, its tiles and their words. */
  protected override pictureSvg(): SVGSVGElement | null {
    return this.renderRoot.querySelector<SVGSVGElement>('svg[part~="map"]');
  }

  protected renderView(): TemplateResult {
    const lang = this.langCode;
    const settings = readSettings(this);
    const { columns, missing } = this.resolution(settings.request);
    this.#columns = columns;
    const breakdown = columns ? this.breakdown(columns) : undefined;
    const node = breakdown ? nodeAt(breakdown.tree.root, this.drillPath) : undefined;
    const width = this.mapWidth || 640;
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
    this.#drawn = view?.drawn ?? [];
    const focusKey = this.#drawn.some((tile) => tile.box.key === this.focusKey)
      ? this.focusKey
      : this.#drawn[0]?.box.key;
    const drawn = renderBreakdown({
      ...{ lang, columns, missing, breakdown, node, view, words, size, palette, focusKey },
      headers: this.loadedTable?.columns ?? headersOf(this.rows),
      options: settings.measure,
      tooltipKey: this.hoverKey ?? (this.focusInMap ? focusKey : undefined),
      goTo: (depth) => this.goTo(depth),
      events: this.mapEvents,
    });
    return html`${drawn}${view ? this.#drillControl(focusKey) : nothing}`;
  }

  /** The tile a drill-through opens on: the focused one, else the level drilled into. */
  #drillControl(focusKey: string | undefined): TemplateResult {
    const levels = this.#columns?.levels ?? [];
    const tile = this.#drawn.find((drawn) => drawn.box.key === focusKey)?.box.item.node;
    const path = this.drillPath.map((value, depth) => [levels[depth] ?? '', value]);
    const values = tile ? selectionOf(tile, levels) : Object.fromEntries(path);
    return drillControl(this, values, this.langCode);
  }

  protected override drillMeasures(): readonly Measure[] {
    return summedColumns(this.loadedTable, [this.#columns?.target, this.#columns?.actual]);
  }

  private readonly mapEvents: MapEvents = {
    activate: (index) => this.activate(index),
    hover: (index) => (this.hoverKey = index === null ? undefined : this.#drawn[index]?.box.key),
    focus: (index, event) => {
      this.focusKey = this.#drawn[index]?.box.key;
      this.focusInMap = (event.target as Element).matches(':focus-visible');
    },
    blur: (event) => {
      const next = event.relatedTarget as Element | null;
      if (!next?.closest?.('g.tile')) this.focusInMap = false;
    },
    keydown: (event) => this.onKey(event),
  };

  private activate(index: number): void {
    const tile = this.#drawn[index];
    const levels = this.#columns?.levels;
    if (!tile || !levels) return;
    const node = tile.box.item.node;
    this.select(selectionOf(node, levels));
    this.focusKey = node.key;
    if (this.ownSelection && node.children.length > 0) {
      this.drillPath = node.path;
      this.focusKey = undefined;
      this.hoverKey = undefined;
    }
    this.#refocus = true;
  }

  /** Back to the level `depth` steps from the top, focusing the tile that was drilled into. */
  private goTo(depth: number): void {
    if (depth >= this.drillPath.length) return;
    this.focusKey = this.drillPath[depth];
    this.drillPath = this.drillPath.slice(0, depth);
    this.hoverKey = undefined;
    this.#refocus = true;
  }

  private onKey(event: KeyboardEvent): void {
    const boxes = this.#drawn.map((tile) => tile.box);
    const index = Math.max(
      0,
      boxes.findIndex((box) => box.key === this.focusKey),
    );
    const next = tileForKey(event.key, boxes, index);
    if (next !== undefined) {
      this.focusKey = boxes[next]?.key;
      this.#refocus = true;
    } else if (event.key === 'Enter' || event.key === ' ') this.activate(index);
    else if (event.key === 'Escape' || event.key === 'Backspace') {
      if (this.drillPath.length > 0) this.goTo(this.drillPath.length - 1);
      else if (this.ownSelection) this.select(null);
      else return;
    } else return;
    event.preventDefault();
  }
}

/** What a resolution of the breakdown's columns depends on: the rows and the attributes naming columns. */
function resolutionKey(rows: readonly CellRecord[], request: BreakdownRequest): unknown[] {
  return [rows, request.levels, request.target, request.actual];
}
