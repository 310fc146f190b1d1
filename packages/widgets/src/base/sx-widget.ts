import { type CellRecord, formatMoment, type Lang } from '@stratex/core';
import type {
  DataRequest,
  DatabaseHealth,
  EncodingChoice,
  Engine,
  LoadedTable,
  LoadProgress,
  LiveSource,
  RecordRow,
} from '@stratex/data';
import { sourcesNamedIn, UnknownSourceError } from '@stratex/data/light';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emit, SX_DATA_ERROR, SX_DATA_LOAD, type SxDataErrorDetail } from './events';
import { loadDrawing } from './drawing';
import { loadedEngine, pageEngineLater } from './engine-link';
import { ExportController } from './export-controller';
import { failureText, isEngineLoss, isRetryable } from './failure-text';
import { message, resolveLang } from './lang';
import { cellsRequest, toCellRecords } from './row-cells';
import type { Selection, SelectionChange } from './selection';
import { SelectionController } from './selection-controller';

export type { TextRecord } from './row-cells';

type Phase = 'loading' | 'ready' | 'error';

interface ArrowLike {
  toArray(): { toJSON(): RecordRow }[];
}

/**
 * The data lifecycle every widget shares: find rows (source, src, query or .data),
 * show loading with progress, then the widget's view, an empty state or an error.
 */
export abstract class SxWidget extends LitElement {
  static override properties = {
    source: { type: String, reflect: true },
    src: { type: String, reflect: true },
    query: { type: String },
    encoding: { type: String },
    data: { attribute: false },
    phase: { state: true },
    progress: { state: true },
    failure: { state: true },
    busy: { state: true },
    staleSince: { state: true },
    engineHealth: { state: true },
    exportable: { type: Boolean, reflect: true },
    exportName: { type: String, attribute: 'export-name' },
  };

  /** `lang` is the element's own HTML attribute; a change of it redraws the widget in that language. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

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

  declare protected phase: Phase;
  /** When the last refresh of the source failed; the data shown is from before it. */
  declare protected staleSince: Date | undefined;
  declare protected engineHealth: DatabaseHealth | undefined;
  /** True while rows are read again behind a view that stays on screen. */
  declare protected busy: boolean;
  declare protected progress: LoadProgress | undefined;
  declare protected failure: { message: string; detail?: string } | undefined;

  /** Cross-filtering with the other widgets on the same source. */
  readonly #selection = new SelectionController(this, () => this.selectionKey);

  /** Saving the data table as CSV and the picture as SVG or PNG. */
  readonly #export = new ExportController(this, {
    picture: () => this.pictureSvg(),
    fileStem: () => this.exportName ?? this.localName.replace(/^sx-/, ''),
  });

  /** The page's selection on this widget's source, made here or in another widget; a change updates the widget. */
  protected get selection(): SelectionChange | undefined {
    return this.#selection.change;
  }

  /** The table behind `source` or `src`, once loaded. */
  protected loadedTable: LoadedTable | undefined;

  /** The rows of the last successful load: cells the loader read, or text as written. */
  protected rows: CellRecord[] = [];
  /** The columns the last load read of the source; undefined when it read them all. */
  #readColumns: readonly string[] | undefined;
  #loadNumber = 0;

  constructor() {
    super();
    this.phase = 'loading';
    this.busy = false;
  }

  /** The live sources this widget reads, and what stops listening to them. */
  #followed: readonly LiveSource[] = [];
  #following: AbortController | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingHealth?.();
    this.#stopWatchingHealth = undefined;
    clearTimeout(this.#retry);
  }

  /**
   * Reads the rows again whenever one of the sources read reloads (a refresh, or after a
   * database restart), and shows when the data on screen is older than a file.
   */
  #followRefreshes(...candidates: (LiveSource | undefined)[]): void {
    const lives = candidates.filter((live): live is LiveSource => live !== undefined);
    if (
      lives.length === 0 ||
      (lives.length === this.#followed.length &&
        lives.every((live) => this.#followed.includes(live)))
    )
      return;
    this.#following?.abort();
    const following = new AbortController();
    const { signal } = following;
    this.#following = following;
    this.#followed = lives;
    const showStaleness = (): void => {
      const since = lives.flatMap((live) =>
        live.state === 'stale' && live.staleSince ? [live.staleSince.getTime()] : [],
      );
      this.staleSince = since.length > 0 ? new Date(Math.min(...since)) : undefined;
    };
    for (const live of lives) {
      live.addEventListener(
        'load',
        () => {
          if (this.isConnected) void this.load({ keepView: true });
        },
        { signal },
      );
      live.addEventListener('state', showStaleness, { signal });
    }
    showStaleness();
    this.#watchHealth();
  }

  #stopWatchingHealth: (() => void) | undefined;

  /**
   * Says so while the query engine is being rebuilt after its worker died, and reads the
   * rows again once it is back when the engine's loss is what made them fail.
   */
  #watchHealth(): void {
    const engine = loadedEngine();
    if (this.#stopWatchingHealth || !engine) return;
    this.engineHealth = engine.health.health;
    this.#stopWatchingHealth = engine.onHealth((detail) => {
      this.engineHealth = detail.health;
      if (detail.health === 'ready' && this.#failedWithEngine && this.isConnected) {
        this.#failedWithEngine = false;
        void this.load({ keepView: true });
      }
    });
  }

  /** True when the last load failed because the engine was lost or stuck. */
  #failedWithEngine = false;

  /** Widgets cross-filter each other when they share this key: the source name, or the file. */
  protected get selectionKey(): string {
    return this.source ?? this.src ?? '';
  }

  /** Rows after the selection made in another widget on the same source. */
  protected get visibleRows(): readonly CellRecord[] {
    return this.#selection.filter(this.rows);
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

  protected get langCode(): Lang {
    return resolveLang(this);
  }

  protected t(key: Parameters<typeof message>[1]): string {
    return message(this.langCode, key);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('source' as keyof SxWidget) ||
      changed.has('src' as keyof SxWidget) ||
      changed.has('query' as keyof SxWidget) ||
      changed.has('data' as keyof SxWidget)
    ) {
      void this.load();
    } else if (this.#needsColumns()) {
      void this.load({ keepView: true });
    }
  }

  /**
   * True when the view now reads a column of the source that the last load did not bring: a
   * role given another column, or a selection on the page that filters on one.
   */
  #needsColumns(): boolean {
    const read = this.#readColumns;
    const table = this.loadedTable;
    if (!read || !table || this.busy || this.phase !== 'ready') return false;
    const used = this.usedColumns(table.columns) ?? table.columns;
    const selected = Object.keys(this.selection?.selection ?? {});
    return [...used, ...selected].some(
      (column) => table.columns.includes(column) && !read.includes(column),
    );
  }

  /** Reads the rows again from wherever they come from. */
  /**
   * Reads the rows again. With `keepView`, a widget that shows data keeps showing it
   * (marked busy) until the new rows arrive, instead of flashing its loading state.
   */
  async load(options: { keepView?: boolean; retry?: boolean } = {}): Promise<void> {
    const loadNumber = ++this.#loadNumber;
    clearTimeout(this.#retry);
    // A retry keeps its failure on screen (marked busy) until the answer comes.
    if (options.keepView && this.phase === 'ready') this.busy = true;
    else if (options.retry && this.phase === 'error') this.busy = true;
    else this.phase = 'loading';
    this.progress = undefined;
    const origin = this.source ?? this.src ?? (this.query ? 'query' : 'data');
    try {
      // The view's scales and layouts arrive while the rows do.
      const [rows] = await Promise.all([this.fetchRows(), loadDrawing()]);
      if (loadNumber !== this.#loadNumber) return;
      this.rows = rows;
      this.busy = false;
      this.failure = undefined;
      this.phase = 'ready';
      emit(this, SX_DATA_LOAD, {
        source: origin,
        rowCount: rows.length,
        // The source's columns, though only those the view reads were moved.
        columns: this.#readColumns
          ? [...(this.loadedTable?.columns ?? [])]
          : Object.keys(rows[0] ?? {}),
      });
    } catch (cause) {
      if (loadNumber !== this.#loadNumber) return;
      const failure = failureText(cause, this.langCode);
      this.#failedWithEngine = isEngineLoss(cause);
      this.failure = failure;
      // The last good view stays on screen, with the failure as a notice, until new rows come.
      if (!this.busy) this.phase = 'error';
      this.busy = false;
      emit<SxDataErrorDetail>(this, SX_DATA_ERROR, { source: origin, ...failure });
      // A database server that is down now may answer soon: ask again until it does.
      if (isRetryable(cause) && this.isConnected) {
        this.#retry = setTimeout(() => {
          if (loadNumber === this.#loadNumber && this.isConnected) void this.load({ retry: true });
        }, RETRY_MS);
      }
    }
  }

  private async fetchRows(): Promise<CellRecord[]> {
    this.#readColumns = undefined;
    if (this.data)
      return toCellRecords(
        Array.isArray(this.data)
          ? this.data
          : (this.data as ArrowLike).toArray().map((row) => row.toJSON()),
      );
    const engine = await this.engineReady();
    let source: string;
    let table: LoadedTable | undefined;
    if (this.source) {
      source = this.source;
      // A name nothing declares will not come: say so now rather than after the registry's wait.
      if (!(await this.#mayBeDefined(source))) throw new UnknownSourceError(source);
      try {
        table = await engine.sources.get(source);
      } finally {
        this.#followRefreshes(engine.source(source));
      }
    } else if (this.src) {
      const url = new URL(this.src, document.baseURI).href;
      const encoding = (this.encoding ?? 'auto') as EncodingChoice;
      const live = engine.fileSource(url, encoding);
      source = live.name;
      const showProgress = (event: Event): void => {
        this.progress = (event as CustomEvent<LoadProgress>).detail;
      };
      live.addEventListener('progress', showProgress);
      try {
        table = await engine.sources.get(source);
      } finally {
        live.removeEventListener('progress', showProgress);
        this.#followRefreshes(live);
      }
    } else if (this.query) {
      this.#watchHealth();
      const { query } = this;
      const declared = this.declaredSources();
      try {
        return toCellRecords(
          (await engine.coordinator.request({ kind: 'author', sql: query, declared })).rows,
        );
      } finally {
        const named = sourcesNamedIn(query, [...engine.sources.names(), ...declared]);
        this.#followRefreshes(...named.map((name) => engine.source(name)));
      }
    } else {
      throw new Error(this.t('noSourceGiven'));
    }
    this.loadedTable = table;
    return this.tableRows(source, table);
  }

  /**
   * The rows this widget reads from the loaded `source`: what `tableRequest` asks, as cells.
   * Widgets that ask a database server more than one thing override it.
   */
  protected async tableRows(source: string, table: LoadedTable): Promise<CellRecord[]> {
    const request = await this.tableRequest(source, table);
    const { rows } = await this.engine.coordinator.request(request);
    if (request.kind === 'rows' && request.as === 'cells') {
      this.#readColumns = request.columns;
      return rows as CellRecord[];
    }
    return toCellRecords(rows);
  }

  /** True when the table lives on a database server of its own (a ClickHouse cluster), not in the page. */
  protected isRemote(table: LoadedTable): boolean {
    return this.engine.remoteOf(table) !== undefined;
  }

  /**
   * True when script has defined `name` or an `sx-data-source` of that name is declared (once
   * the page has been parsed), so that it may still load; false when nothing will define it.
   */
  async #mayBeDefined(name: string): Promise<boolean> {
    if (this.engine.sources.has(name)) return true;
    if (document.readyState === 'loading') {
      await new Promise((resolve) =>
        document.addEventListener('DOMContentLoaded', resolve, { once: true }),
      );
    }
    return this.engine.sources.has(name) || this.declaredSources().includes(name);
  }

  /** Names of the `sx-data-source` elements on the page (and in this widget's shadow host), defined yet or not. */
  private declaredSources(): string[] {
    const roots = new Set<ParentNode>([document, this.getRootNode() as ParentNode]);
    return [...roots].flatMap((root) =>
      Array.from(root.querySelectorAll('sx-data-source[name]'), (element) =>
        String(element.getAttribute('name')),
      ),
    );
  }

  /**
   * What this widget needs from the loaded `source`: by default every row as cells, of the
   * columns its view reads (`usedColumns`), those the page's selection filters on, and the
   * text columns another widget may choose a value of (so its choice filters at once); number
   * and date columns the view does not read stay in the engine. Widgets over large sources
   * override it to have the engine aggregate instead of sending every row.
   */
  protected tableRequest(source: string, table: LoadedTable): DataRequest | Promise<DataRequest> {
    return cellsRequest(this.engine, source, table, {
      used: this.usedColumns(table.columns),
      selected: Object.keys(this.selection?.selection ?? {}),
    });
  }

  /**
   * The columns the view reads of a source with these `columns` (by their roles), or
   * undefined to read them all. Only those are moved from the engine.
   */
  protected usedColumns(_columns: readonly string[]): readonly string[] | undefined {
    return undefined;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.renderNotices()} ${this.renderPhase()}
      ${this.exportable && this.phase === 'ready' ? this.#export.toolbar(this.t('export')) : nothing}
    </div>`;
  }

  private renderNotices(): TemplateResult | typeof nothing {
    const notices: string[] = [];
    if (this.staleSince) {
      notices.push(`${this.t('staleSince')} ${formatMoment(this.staleSince, this.langCode)}`);
    }
    if (this.engineHealth === 'recovering') notices.push(this.t('engineRecovering'));
    if (this.engineHealth === 'failed') notices.push(this.t('engineFailed'));
    if (this.phase === 'ready' && this.failure) notices.push(this.failure.message);
    if (notices.length === 0) return nothing;
    return html`<div part="notice" class="notice" role="status">
      ${notices.map((notice) => html`<p><span aria-hidden="true">⚠</span> ${notice}</p>`)}
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

  private renderPhase(): TemplateResult {
    switch (this.phase) {
      case 'loading':
        return this.renderLoading();
      case 'error':
        return html`<div class="state" data-state="error" role="alert">
          <strong>${this.t('errorTitle')}</strong>
          <span>${this.failure?.message}</span>
          ${this.failure?.detail ? html`<small>${this.failure.detail}</small>` : nothing}
        </div>`;
      case 'ready':
        return this.rows.length === 0
          ? html`<div class="state" data-state="empty">${this.t('empty')}</div>`
          : this.renderView();
    }
  }

  private renderLoading(): TemplateResult {
    const progress = this.progress;
    const fraction =
      progress?.totalBytes && progress.phase === 'fetch'
        ? Math.min(1, progress.bytesRead / progress.totalBytes)
        : undefined;
    return html`<div class="state" data-state="loading" role="status" aria-live="polite">
      <span>${this.t('loading')}</span>
      <progress max="1" value=${ifDefined(fraction)} aria-label=${this.t('loading')}></progress>
    </div>`;
  }

  /** The widget's own view of `this.rows`. */
  protected abstract renderView(): TemplateResult;
}

/** How long a widget whose database server could not answer waits before asking again. */
const RETRY_MS = 5_000;
