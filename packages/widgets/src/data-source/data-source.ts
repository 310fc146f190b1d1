import {
  type EncodingChoice,
  type FormatChoice,
  LoadError,
  type LiveSource,
  pageEngine,
  type SourceErrorDetail,
  type SourceLoadDetail,
  type SourceSpec,
  type SourceState,
} from '@stratex/data';
import { css, LitElement, type PropertyValues } from 'lit';
import {
  emit,
  SX_DATA_ERROR,
  SX_DATA_LOAD,
  type SxDataErrorDetail,
  type SxDataLoadDetail,
} from '../base/events';

/** `sx-data-load` from a source also says whether it was a refresh or a reload after a crash. */
export interface SxSourceLoadDetail extends SxDataLoadDetail {
  refreshed: boolean;
  recovered: boolean;
}

/** `sx-data-error` from a source says since when the shown data is stale, if it is. */
export interface SxSourceErrorDetail extends SxDataErrorDetail {
  staleSince?: string;
}

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
 * @attr format - `auto` (default: by signature, then extension), `csv`, `parquet`, `arrow`.
 * @attr encoding - CSV text: `auto` (default: byte-order mark, else UTF-8, else GB18030/GBK), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 * @attr refresh - Seconds between checks for a new version of `src` (ETag / Last-Modified); unchanged files are not reloaded.
 * @attr columns - Comma-separated columns to load (Parquet): less to decode, less memory.
 * @attr state - Reflected: `loading`, `ready`, `stale` (last refresh failed; the last good data stays) or `error`.
 *
 * @fires sx-data-load - The source loaded; detail `{ source, rowCount, columns, refreshed, recovered }`.
 * @fires sx-data-error - The source could not be (re)loaded; detail `{ source, message, detail?, staleSince? }`.
 */
export class SxDataSource extends LitElement {
  static override properties = {
    name: { type: String, reflect: true },
    src: { type: String, reflect: true },
    format: { type: String, reflect: true },
    encoding: { type: String, reflect: true },
    refresh: { type: Number, reflect: true },
    columns: { type: String, reflect: true },
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
  /** A file the user chose or dropped; it is read in the page and never uploaded. */
  declare file: Blob | undefined;
  declare state: SourceState | undefined;

  #source: LiveSource | undefined;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#source?.stop();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const inputs = ['name', 'src', 'format', 'encoding', 'refresh', 'columns', 'file'] as const;
    if (inputs.some((key) => changed.has(key))) void this.load();
  }

  /** Loads (or reloads) the export and defines the source for the page's widgets. */
  async load(): Promise<void> {
    if (!this.name || (!this.src && !this.file)) return;
    this.#source?.stop();
    const source = pageEngine().defineSource(this.name, this.spec());
    this.#source = source;
    this.state = source.state;
    source.addEventListener('state', () => (this.state = source.state));
    source.addEventListener('load', (event) =>
      this.#loaded((event as CustomEvent<SourceLoadDetail>).detail),
    );
    source.addEventListener('error', (event) =>
      this.#failed((event as CustomEvent<SourceErrorDetail>).detail),
    );
    await source.ready.catch(() => undefined);
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
    };
  }

  #loaded(detail: SourceLoadDetail): void {
    emit<SxSourceLoadDetail>(this, SX_DATA_LOAD, {
      source: this.name,
      rowCount: detail.loaded.rowCount,
      columns: detail.loaded.columns,
      refreshed: detail.refreshed,
      recovered: detail.recovered,
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
