import { type EncodingChoice, fileLabel, LoadError, pageEngine, tableNameFor } from '@stratex/data';
import { css, LitElement, type PropertyValues } from 'lit';
import {
  emit,
  SX_DATA_ERROR,
  SX_DATA_LOAD,
  type SxDataErrorDetail,
  type SxDataLoadDetail,
} from '../base/events';

/**
 * @summary A named data source: loads an export once so that every widget naming it shares the table.
 *
 * @attr name - The name widgets refer to in their `source` attribute.
 * @attr src - URL of the export (CSV). Relative URLs resolve against the page.
 * @attr encoding - `auto` (default: byte-order mark, else UTF-8, else GB18030/GBK), `utf-8`, `gbk`, `gb18030`, `utf-16`.
 *
 * @fires sx-data-load - The source loaded; detail `{ source, rowCount, columns }`.
 * @fires sx-data-error - The source could not be loaded; detail `{ source, message, detail? }`.
 */
export class SxDataSource extends LitElement {
  static override properties = {
    name: { type: String, reflect: true },
    src: { type: String, reflect: true },
    encoding: { type: String, reflect: true },
  };

  static override styles = css`
    :host {
      display: none;
    }
  `;

  declare name: string;
  declare src: string | undefined;
  declare encoding: EncodingChoice | undefined;

  constructor() {
    super();
    this.name = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('name') || changed.has('src') || changed.has('encoding')) void this.load();
  }

  /** Loads (or reloads) the file and defines the source for the page's widgets. */
  async load(): Promise<void> {
    if (!this.name || !this.src) return;
    const engine = pageEngine();
    const url = new URL(this.src, document.baseURI).href;
    const loading = engine.loadCsvUrl(tableNameFor(this.name), url, {
      encoding: this.encoding ?? 'auto',
      file: fileLabel(url),
    });
    engine.sources.define(this.name, loading);
    try {
      const table = await loading;
      emit<SxDataLoadDetail>(this, SX_DATA_LOAD, {
        source: this.name,
        rowCount: table.rowCount,
        columns: table.columns,
      });
    } catch (cause) {
      emit<SxDataErrorDetail>(this, SX_DATA_ERROR, {
        source: this.name,
        message: cause instanceof Error ? cause.message : String(cause),
        ...(cause instanceof LoadError && cause.detail ? { detail: cause.detail } : {}),
      });
    }
  }
}
