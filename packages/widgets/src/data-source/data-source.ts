import type {
  EncodingChoice,
  FormatChoice,
  LiveSource,
  LoadedTable,
  LoadProgress,
  SourceErrorDetail,
  SourceLoadDetail,
  SourceSpec,
  SourceState,
} from '@stratex/data';
import {
  LoadError,
  loadError,
  loadReportDetail,
  type LoadReportDetail,
  openClickHouse,
} from '@stratex/data/light';
import { css, LitElement, type PropertyValues } from 'lit';
import {
  emit,
  SX_DATA_ERROR,
  SX_DATA_LOAD,
  type SxDataErrorDetail,
  type SxDataLoadDetail,
} from '../base/events';
import { pageEngineLater } from '../base/engine-link';

/** `sx-data-load` from a source also says whether it was a refresh or a reload after a crash. */
export interface SxSourceLoadDetail extends SxDataLoadDetail {
  refreshed: boolean;
  recovered: boolean;
  /** A CSV's load report: every line of the file is in the table or counted here. */
  report?: LoadReportDetail;
}

/** `sx-data-error` from a source says since when the shown data is stale, if it is. */
export interface SxSourceErrorDetail extends SxDataErrorDetail {
  staleSince?: string;
}

/** `sx-data-progress`: how far a load has got, step by step, for a page's own progress bar. */
export interface SxSourceProgressDetail {
  source: string;
  /** `fetch` (downloading), `decode` (reading the file), `load` (handing rows to the engine). */
  phase: 'fetch' | 'decode' | 'load';
  bytesRead: number;
  /** The file's size, when the server said it. */
  totalBytes?: number;
  rowsLoaded?: number;
  totalRows?: number;
}

/** The event a source fires as its load goes on. */
export const SX_DATA_PROGRESS = 'sx-data-progress';

/** How long a source on a server that could not be reached waits before asking again. */
const RETRY_MS = 5_000;

/**
 * @summary A named data source: loads an export once so that every widget naming it shares the table.
 *
 * The query engine runs in a worker started from `stratex.js`'s own folder. On a page that
 * enforces Trusted Types (`require-trusted-types-for 'script'`) it is started through one
 * policy named `stratex`, which passes that worker's URL and nothing else; a page that
 * lists its allowed policies must allow it and Lit's: `trusted-types stratex lit-html`.
 * The whole policy a page needs is in the README, "Security".
 *
 * @attr name - The name widgets refer to in their `source` attribute (and SQL in `query`).
 * @attr src - URL of the export. Relative URLs resolve against the page.
 * @attr format - `auto` (default: by signature, then extension), `csv`, `parquet`, `arrow`, `xlsx`.
 *   An Excel workbook (`.xlsx`) loads as a CSV export of one of its sheets would: title rows and
 *   merged title cells passed over, dates, percents and formats such as `0"万元"` or `¥#,##0` read,
 *   formulas by the values Excel saved, error cells (`#N/A`) counted as rejects. An `.xls` or a
 *   password-protected workbook is refused with a message saying to save it as `.xlsx` or CSV.
 * @attr sheet - The sheet of a workbook to read, by name (default: the first visible one).
 * @attr encoding - CSV text: `auto` (default: byte-order mark, else UTF-8, else GB18030/GBK), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 * @attr refresh - Seconds between checks for a new version of `src` (ETag / Last-Modified); unchanged files are not reloaded.
 * @attr columns - Comma-separated columns to load (Parquet): less to decode, less memory.
 * @attr state - Reflected: `loading`, `ready`, `stale` (last refresh failed; the last good data stays) or `error`.
 * @attr engine - Where the rows live: `browser` (default: `src` is loaded into the page's engine) or
 *   `clickhouse` (the rows stay on a ClickHouse server or cluster named by `url` and `table`; widgets
 *   are answered there and only their aggregates come to the page).
 * @attr url - With `engine="clickhouse"`: the server's HTTP interface (`http://ch.intranet:8123/`) or a
 *   path on the page's own server that forwards to it. The page's `connect-src` must admit it.
 * @attr table - With `engine="clickhouse"`: the table to read, usually a `Distributed` table over the shards.
 * @attr user - With `engine="clickhouse"`: the server's password-less read-only user (its profile sets
 *   `readonly=1`, limits and quotas), sent as the `user` URL parameter. A page never carries a password:
 *   leave `user` out when a proxy in front of the server picks the user.
 * @attr database - With `engine="clickhouse"`: the database holding `table` (default: the user's own).
 *
 * With `engine="clickhouse"` a failed connection (a shard down, the server unreachable, slow or out of
 * quota) is said in the widgets, which ask again every few seconds and show the figures once it answers.
 *
 * @fires sx-data-load - The source loaded; detail `{ source, rowCount, columns, refreshed, recovered, report? }`.
 *   For a CSV or a workbook's sheet, `report` accounts for every line of the file: `{ rows, rejected: { rows, cells },
 *   skipped: { titleRows, repeatedHeaders, blankRows }, headerLine, delimiter, encoding, notes }`
 *   (`headerLine` is null when the file has no header row and its columns are `column_1`, …; a
 *   workbook's line is its sheet's row, its `encoding` is `xlsx`, and a note names the sheet read
 *   when it has several).
 * @fires sx-data-error - The source could not be (re)loaded; detail `{ source, message, detail?, staleSince? }`.
 *   A load cancelled with `cancel()` fails this way too, its message saying so.
 * @fires sx-data-progress - The load went on; detail `{ source, phase, bytesRead, totalBytes?, rowsLoaded?,
 *   totalRows? }`, `phase` being `fetch` (downloading), `decode` (reading the file) or `load` (handing the
 *   rows to the query engine).
 */
export class SxDataSource extends LitElement {
  static override properties = {
    name: { type: String, reflect: true },
    src: { type: String, reflect: true },
    format: { type: String, reflect: true },
    encoding: { type: String, reflect: true },
    refresh: { type: Number, reflect: true },
    columns: { type: String, reflect: true },
    sheet: { type: String, reflect: true },
    engine: { type: String, reflect: true },
    url: { type: String, reflect: true },
    table: { type: String, reflect: true },
    user: { type: String, reflect: true },
    database: { type: String, reflect: true },
    file: { attribute: false },
    state: { type: String, reflect: true },
  };

  static override styles = css`
    :host {
      display: none;
    }
  `;

  declare name: string;
  declare src: string | undefined;
  declare format: FormatChoice | undefined;
  declare encoding: EncodingChoice | undefined;
  declare refresh: number | undefined;
  declare columns: string | undefined;
  declare sheet: string | undefined;
  declare engine: 'browser' | 'clickhouse' | undefined;
  declare url: string | undefined;
  declare table: string | undefined;
  declare user: string | undefined;
  declare database: string | undefined;
  /** A file the user chose or dropped; it is read in the page and never uploaded. */
  declare file: Blob | undefined;
  declare state: SourceState | undefined;

  #source: LiveSource | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.name = '';
  }

  /** Since when the data shown is older than the file (a refresh failed), else undefined. */
  get staleSince(): Date | undefined {
    return this.#source?.staleSince;
  }

  /** The live source behind this element, for scripts that want its events or `refresh()`. */
  get liveSource(): LiveSource | undefined {
    return this.#source;
  }

  /**
   * Cancels the load under way (a download stops at once, a file being read at its next
   * step). A first load fails as cancelled; a refresh keeps the last good data, marked stale.
   * True when there was a load to stop.
   */
  cancel(): boolean {
    return this.#source?.cancel() ?? false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#source?.stop();
    clearTimeout(this.#retry);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const inputs = [
      ...['name', 'src', 'format', 'encoding', 'refresh', 'columns', 'sheet', 'file'],
      ...['engine', 'url', 'table', 'user', 'database'],
    ] as const;
    if (inputs.some((key) => changed.has(key))) void this.load();
  }

  /** Counts calls of `load`, so that one overtaken while the engine arrives gives way. */
  #loads = 0;

  /** Loads (or reloads) the export and defines the source for the page's widgets. */
  async load(): Promise<void> {
    if (this.engine && this.engine !== 'browser') return this.#loadRemote();
    if (!this.name || (!this.src && !this.file)) return;
    const spec = this.spec();
    const loadNumber = ++this.#loads;
    const engine = await pageEngineLater();
    // Changed again while the engine arrived: only the newest load starts.
    if (loadNumber !== this.#loads) return;
    this.#source?.stop();
    const source = engine.defineSource(this.name, spec);
    this.#source = source;
    this.state = source.state;
    source.addEventListener('state', () => (this.state = source.state));
    source.addEventListener('load', (event) =>
      this.#loaded((event as CustomEvent<SourceLoadDetail>).detail),
    );
    source.addEventListener('error', (event) =>
      this.#failed((event as CustomEvent<SourceErrorDetail>).detail),
    );
    source.addEventListener('progress', (event) => {
      const { totalBytes, ...progress } = (event as CustomEvent<LoadProgress>).detail;
      emit<SxSourceProgressDetail>(this, SX_DATA_PROGRESS, {
        source: this.name,
        ...progress,
        ...(totalBytes === undefined ? {} : { totalBytes }),
      });
    });
    await source.ready.catch(() => undefined);
  }

  /** Names a table on a ClickHouse server as the source: its columns and row count, no rows. */
  async #loadRemote(): Promise<void> {
    clearTimeout(this.#retry);
    if (!this.name) return;
    this.#source?.stop();
    this.#source = undefined;
    const { table, url, user, database } = this;
    this.state = 'loading';
    const loadNumber = ++this.#loads;
    const engine = await pageEngineLater();
    if (loadNumber !== this.#loads) return;
    const refused = (
      code: 'sourceEngineUnknown' | 'sourceRemoteIncomplete',
    ): Promise<LoadedTable> =>
      engine.sources.define(
        this.name,
        Promise.reject(
          loadError(code, { file: this.name, source: this.name, engine: this.engine ?? '' }),
        ),
      );
    const load =
      this.engine !== 'clickhouse'
        ? refused('sourceEngineUnknown')
        : url && table
          ? engine.defineRemoteSource(this.name, table, () =>
              openClickHouse({
                url: new URL(url, document.baseURI).href,
                ...(user ? { user } : {}),
                ...(database ? { database } : {}),
              }),
            )
          : refused('sourceRemoteIncomplete');
    try {
      const loaded = await load;
      this.state = 'ready';
      emit<SxSourceLoadDetail>(this, SX_DATA_LOAD, {
        source: this.name,
        rowCount: loaded.rowCount,
        columns: loaded.columns,
        refreshed: false,
        recovered: false,
      });
    } catch (error) {
      this.state = 'error';
      const failure = error instanceof Error ? error : new Error(String(error));
      this.#failed({ source: this.name, error: failure, staleSince: undefined });
      // A server that is down now may answer later: the widgets waiting on it will then fill.
      if ((failure as { retryable?: boolean }).retryable && this.isConnected)
        this.#retry = setTimeout(() => void this.load(), RETRY_MS);
    }
  }

  private spec(): SourceSpec {
    const columns = this.columns
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    return {
      ...(this.file
        ? { blob: this.file, label: this.file instanceof File ? this.file.name : this.name }
        : { url: new URL(this.src ?? '', document.baseURI).href }),
      format: this.format ?? 'auto',
      encoding: this.encoding ?? 'auto',
      ...(this.refresh && this.refresh > 0 && !this.file ? { refresh: this.refresh } : {}),
      ...(columns?.length ? { columns } : {}),
      ...(this.sheet ? { sheet: this.sheet } : {}),
    };
  }

  #loaded(detail: SourceLoadDetail): void {
    const report = loadReportDetail(detail.loaded);
    emit<SxSourceLoadDetail>(this, SX_DATA_LOAD, {
      source: this.name,
      rowCount: detail.loaded.rowCount,
      columns: detail.loaded.columns,
      refreshed: detail.refreshed,
      recovered: detail.recovered,
      ...(report ? { report } : {}),
    });
  }

  #failed(detail: SourceErrorDetail): void {
    const { error } = detail;
    emit<SxSourceErrorDetail>(this, SX_DATA_ERROR, {
      source: this.name,
      message: error.message,
      ...(error instanceof LoadError && error.detail ? { detail: error.detail } : {}),
      ...(detail.staleSince ? { staleSince: detail.staleSince.toISOString() } : {}),
    });
  }
}
