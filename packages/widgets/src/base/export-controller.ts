import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { download, pictureSize, svgToPng, svgToString, tableToCsv } from './export';
import { settleTable } from './table-catch-up';

/** What the export controller needs from its widget. */
export interface ExportHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface ExportOptions {
  /** The widget's picture as an SVG element, or null when nothing is drawn. */
  picture: () => SVGSVGElement | null;
  /** File name without extension. */
  fileStem: () => string;
}

/**
 * Saving what a widget shows: its data table (`part="data-table"`) as CSV, its picture as
 * SVG or PNG, and the toolbar of buttons that does it. Nothing is uploaded: files are offered
 * to the user by the browser.
 */
export class ExportController implements ReactiveController {
  readonly #host: ExportHost;
  readonly #options: ExportOptions;
  #connected = false;

  constructor(host: ExportHost, options: ExportOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  /** The figures of the data table as CSV text. */
  csv(): string {
    settleTable(this.#host);
    const table = this.#host.renderRoot.querySelector<HTMLTableElement>('table[part="data-table"]');
    return table ? tableToCsv(table) : '';
  }

  /** The picture as SVG text, or an empty string when there is nothing drawn. */
  svg(): string {
    const svg = this.#options.picture();
    return svg ? svgToString(svg) : '';
  }

  /** The picture as a PNG at twice its size, or null when there is nothing drawn. */
  async png(): Promise<Blob | null> {
    const svg = this.#options.picture();
    if (!svg) return null;
    const { width, height } = pictureSize(svg);
    return svgToPng(svgToString(svg), width, height);
  }

  saveCsv(): void {
    download(`${this.#options.fileStem()}.csv`, this.csv(), 'text/csv;charset=utf-8');
  }

  saveSvg(): void {
    download(`${this.#options.fileStem()}.svg`, this.svg(), 'image/svg+xml');
  }

  /** A picture still being drawn when the widget leaves the page is not offered. */
  async savePng(): Promise<void> {
    const png = await this.png();
    if (png && this.#connected) download(`${this.#options.fileStem()}.png`, png);
  }

  /** The export buttons (`part="toolbar"`, each `part="export-button"`), labelled `label`. */
  toolbar(label: string): TemplateResult {
    return html`<div part="toolbar" role="toolbar" aria-label=${label}>
      <button type="button" part="export-button" @click=${() => this.saveCsv()}>CSV</button>
      <button type="button" part="export-button" @click=${() => this.saveSvg()}>SVG</button>
      <button type="button" part="export-button" @click=${() => void this.savePng()}>PNG</button>
    </div>`;
  }
}
