import type { CellRecord, RoleSchema, TargetOverrideSet } from '@stratex/core';
import type { DrillDays, Engine, LoadedTable, Measure, RecordRow } from '@stratex/data';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localSelection, type SourceClient } from './client';
import { ClientController } from './client-controller';
import { type ArrowLike, DataController, type Failure, type Phase } from './data-controller';
import { type NoticeFacts, noticesState, phaseState } from './data-states';
import { figureLabel, openDrillThrough } from './drill-through';
import { loadedEngine, pageEngineLater } from './engine-link';
import { ExportController } from './export-controller';
import { FreshnessController } from './freshness-controller';
import { roleColumns, wholeRowsClient } from './row-cells';
import { keepChosen, type Selection, type SelectionChange } from './selection';
import { SelectionController } from './selection-controller';
import { TargetOverridesController } from './target-overrides';
import { SxElement } from './sx-element';
import type { LinkedView } from './view-link';
import { type Restored, restoreChoice, ViewLinkController } from './view-link-controller';

export type { TextRecord } from './row-cells';

/**
 * What every widget shares, each part a controller: its data lifecycle (find rows from
 * source, src, query or .data; loading with progress, then the widget's view, an empty
 * state or an error), its freshness (refreshes, the engine's health), cross-filtering and
 * export.
 */
export abstract class SxWidget extends SxElement {
  static override properties = {
    source: { type: String, reflect: true },
    src: { type: String, reflect: true },
    query: { type: String },
    encoding: { type: String },
    data: { attribute: false },
    exportable: { type: Boolean, reflect: true },
    exportName: { type: String, attribute: 'export-name' },
    linkView: { type: String, attribute: 'link-view' },
  };

  /** Name of an `sx-data-source` on the page. */
  declare source: string | undefined;
  /** URL of a CSV export, loaded directly. */
  declare src: string | undefined;
  /** SQL over the page's registered sources. */
  declare query: string | undefined;
  /** Encoding of `src`: auto (default), utf-8, gbk, gb18030, utf-16. */
  declare encoding: string | undefined;
  /** Rows given by script: an Arrow table or an array of objects. */
  declare data: ArrowLike | readonly RecordRow[] | undefined;

  /** Shows buttons that save the widget's data as CSV and its picture as SVG or PNG. */
  declare exportable: boolean;
  /** File name (without extension) for exports; default the element's name. */
  declare exportName: string | undefined;
  /** Keeps the widget's view in the address's fragment under this key (empty: the `id`, else the tag). */
  declare linkView: string | undefined;

  /** Following the sources' refreshes and the engine's health. */
  readonly #freshness = new FreshnessController(this, () => void this.load({ keepView: true }));

  /** Reading a loaded source as the widget's client, and asking again when what it needs changes. */
  readonly #client: ClientController = new ClientController({
    client: (source, table) => this.client(source, table),
    engine: () => this.engine,
    table: () => this.loadedTable,
    foreignSelection: () => this.foreignSelection,
    inputs: () => {
      const values = this as unknown as Readonly<Record<string, unknown>>;
      return (this.constructor as typeof SxWidget).requestInputs.map((key) => values[key] ?? null);
    },
  });

  /** Finding the rows, and the loading, ready and error states. */
  readonly #data = new DataController(this, {
    origin: () => ({
      source: this.source,
      src: this.src,
      query: this.query,
      encoding: this.encoding,
      data: this.data,
    }),
    engine: () => this.engineReady(),
    read: (source, table) => this.#client.read(source, table),
    lang: () => this.langCode,
    freshness: this.#freshness,
  });

  protected get phase(): Phase {
    return this.#data.phase;
  }

  /** True while rows are read again behind a view that stays on screen. */
  protected get busy(): boolean {
    return this.#data.busy;
  }

  protected get failure(): Failure | undefined {
    return this.#data.failure;
  }

  /** Cross-filtering with the other widgets on the same source. */
  readonly #selection = new SelectionController(this, () => this.selectionKey);

  /** The what-if targets on the same source, which every widget reads its rows with. */
  readonly #whatIf = new TargetOverridesController(this, () => this.selectionKey);

  /** Saving the data table as CSV and the picture as SVG or PNG. */
  readonly #export = new ExportController(this, {
    picture: () => this.pictureSvg(),
    fileStem: () => this.exportName ?? this.localName.replace(/^sx-/, ''),
  });

  /** The widget's view kept in the page's address, with `link-view`. */
  readonly #viewLink = new ViewLinkController(this, {
    key: () =>
      this.linkView === undefined ? undefined : this.linkView || this.id || this.localName,
    ready: () => this.phase === 'ready' && this.rows.length > 0,
    view: () => this.linkedView(),
    restore: (view) => this.restoreView(view),
  });

  /** The page's selection on this widget's source, made here or in another widget; a change updates the widget. */
  protected get selection(): SelectionChange | undefined {
    return this.#selection.change;
  }

  /** The table behind `source` or `src`, once loaded. */
  protected get loadedTable(): LoadedTable | undefined {
    return this.#data.loadedTable;
  }

  /** The rows of the last successful load: cells the loader read, or text as written. */
  protected get rows(): CellRecord[] {
    return this.#data.rows;
  }

  /** Widgets cross-filter each other when they share this key: the source name, or the file. */
  protected get selectionKey(): string {
    return this.source ?? this.src ?? '';
  }

  /**
   * Rows after the selection made in another widget on the same source: the part of it the
   * engine did not apply, on the columns the rows provably keep.
   */
  protected get visibleRows(): readonly CellRecord[] {
    const rows = this.rowsWithWhatIf;
    const scope = this.#data.scope;
    const chosen = this.foreignSelection;
    return scope && chosen ? keepChosen(rows, localSelection(scope, chosen)) : rows;
  }

  /** The what-if targets published for this widget's source (by a treemap in what-if mode), if any. */
  protected get targetOverrides(): TargetOverrideSet | undefined {
    return this.#whatIf.set;
  }

  /** The rows with the what-if's targets in place of the source's; the rows themselves without one. */
  protected get rowsWithWhatIf(): readonly CellRecord[] {
    return this.#whatIf.rowsOf(this.rows);
  }

  /** Publishes what-if targets for this widget's source, for every widget on it (null clears them). */
  protected publishTargets(set: TargetOverrideSet | null): void {
    this.#whatIf.publish(set);
  }

  /** What another widget on the same source has chosen, if anything. */
  protected get foreignSelection(): Selection | null {
    const change = this.selection;
    return change && change.origin !== this ? change.selection : null;
  }

  /** The selection this widget made itself (to highlight), if any. */
  protected get ownSelection(): Selection | null {
    return this.#selection.own;
  }

  /** Chooses (or, chosen again, clears) a selection and tells the page: `sx-select`. */
  protected select(selection: Selection | null): void {
    this.#selection.select(selection);
  }

  /** The view a link to this widget reopens: its own choice; widgets add what else they show. */
  protected linkedView(): LinkedView {
    const chosen = this.ownSelection;
    return chosen ? { selection: chosen } : {};
  }

  /** Puts a linked view on screen: its choice, when the rows still hold it. */
  protected restoreView(view: LinkedView): Restored {
    return restoreChoice(view, this.rows, this.ownSelection, (chosen) => this.select(chosen));
  }

  /**
   * Opens the source rows behind a figure: `figure` gives its own dimension values (e.g.
   * `{ 区域: '华东' }`; none for every row the widget reads), `label` its words. Fires the
   * cancelable `sx-drill-through` first; resolves false when the page took it over (or the
   * widget reads no loaded source), true once the panel shows the first rows.
   */
  drillThrough(figure: Readonly<Record<string, string>> = {}, label?: string): Promise<boolean> {
    return openDrillThrough(this, {
      ...{ engine: this.engine, source: this.#data.sourceName, table: this.loadedTable },
      ...{ values: figure, label: label ?? figureLabel(figure, this.langCode) },
      ...{ chosen: this.foreignSelection, measures: this.drillMeasures(), lang: this.langCode },
      days: this.drillDays(),
      fileStem: `${this.exportName ?? this.localName.replace(/^sx-/, '')}-rows`,
    });
  }

  /** The measures a figure of this widget sums, which a drill-through totals (none: it counts rows). */
  protected drillMeasures(): readonly Measure[] {
    return [];
  }

  /** The days a figure of this widget counts, which a drill-through keeps to (none: every day). */
  protected drillDays(): DrillDays | undefined {
    return undefined;
  }

  /** Where the widget is in its data lifecycle: `loading`, `ready` or `error`. */
  get state(): Phase {
    return this.phase;
  }

  /** True while the rows are being read again behind the view on screen. */
  get isBusy(): boolean {
    return this.busy;
  }

  /** The page's engine, once its chunk has arrived (the first call starts it). */
  protected engineReady(): Promise<Engine> {
    return pageEngineLater();
  }

  /**
   * The page's engine, for what runs once a load has begun (the rows are read through it,
   * so its chunk has arrived by then).
   */
  protected get engine(): Engine {
    const engine = loadedEngine();
    if (!engine) throw new Error('The query engine has not arrived yet.');
    return engine;
  }

  /**
   * Properties whose change changes what the widget asks of its loaded source (roles given
   * other columns, another limit): the widget asks again, keeping its view on screen.
   */
  static requestInputs: readonly string[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    const origin = ['source', 'src', 'query', 'data'] as const;
    if (origin.some((key) => changed.has(key as keyof SxWidget))) {
      this.#client.forget();
      void this.load();
    } else if (this.hasUpdated && this.#client.asksAgain) {
      void this.load({ keepView: true });
    }
  }

  /**
   * Reads the rows again. With `keepView`, a widget that shows data keeps showing it
   * (marked busy) until the new rows arrive, instead of flashing its loading state.
   */
  load(options: { keepView?: boolean; retry?: boolean } = {}): Promise<void> {
    return this.#data.load(options);
  }

  /**
   * The widget as a client of its loaded `source`: what it asks for an engine filter and the
   * rows it makes of the answer. By default every row, as cells; widgets override it to read
   * only the columns their roles name, or to have the engine sum a large source.
   */
  protected client(source: string, table: LoadedTable): SourceClient | Promise<SourceClient> {
    return wholeRowsClient(this.engine, source, table, undefined);
  }

  /** Every row of a table in the page, as cells of the columns `schema`'s roles name. */
  protected roleRowsClient(
    source: string,
    table: LoadedTable,
    schema: RoleSchema,
    overrides: Readonly<Record<string, string>>,
  ): Promise<SourceClient> {
    return wholeRowsClient(
      this.engine,
      source,
      table,
      roleColumns(table.columns, schema, overrides),
    );
  }

  /** True when the table lives on a database server of its own (a ClickHouse cluster), not in the page. */
  protected isRemote(table: LoadedTable): boolean {
    return this.engine.remoteOf(table) !== undefined;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" aria-busy=${this.busy ? 'true' : 'false'}>
      ${noticesState(this.#noticeFacts(), this.langCode)}
      ${phaseState(this.#data, this.langCode, () => this.renderView())}
      ${this.exportable && this.phase === 'ready' ? this.#export.toolbar(this.t('export')) : nothing}
    </div>`;
  }

  /** The figures of the data table as CSV text (what `exportCsv` saves). */
  toCsv(): string {
    return this.#export.csv();
  }

  /** The widget's picture as an SVG element; widgets override it when their chart is not one `svg[part~="chart"]`. */
  protected pictureSvg(): SVGSVGElement | null {
    return this.renderRoot.querySelector<SVGSVGElement>('svg[part~="chart"]');
  }

  /** The widget's picture as SVG text, or an empty string when there is nothing drawn. */
  toSvg(): string {
    return this.#export.svg();
  }

  /** Offers the data table as a CSV file. */
  exportCsv(): void {
    this.#export.saveCsv();
  }

  /** Offers the picture as an SVG file. */
  exportSvg(): void {
    this.#export.saveSvg();
  }

  /** Offers the picture as a PNG file, drawn at twice its size. */
  async exportPng(): Promise<void> {
    await this.#export.savePng();
  }

  #noticeFacts(): NoticeFacts {
    const { staleSince, engineHealth } = this.#freshness;
    const linkedView = this.#viewLink.notice;
    return { phase: this.phase, failure: this.failure, staleSince, engineHealth, linkedView };
  }

  /** The widget's own view of `this.rows`. */
  protected abstract renderView(): TemplateResult;
}
