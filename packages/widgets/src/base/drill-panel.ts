import type { DrillAnswer, DrillRow } from '@stratex/data';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { download } from './export';
import { message } from './lang';
import { drillPanelStyles } from './drill-panel.styles';
import { sliceCsv } from './drill-export';
import { type DrillOpening, drillRequest } from './drill-opening';
import { filtersInWords, positionLabel, readBeside, totalText } from './drill-words';

const PAGE = 50;

/**
 * @summary The rows behind a figure, in a modal dialog: the file's name, each row's line in it
 * (a Parquet file's row number), each cell as written beside the value read, the filters in
 * force in words, totals equal to the figure, a page of rows at a time, and export of the slice
 * as CSV (UTF-8 with a byte-order mark, line numbers first). Widgets open it through
 * `drillThrough(...)`; Escape or Close shuts it and focus returns where it was.
 *
 * @csspart dialog - The dialog.
 * @csspart totals - The totals of the figure's measures.
 * @csspart rows - The table of rows.
 * @csspart left-out - The rows the load left out of the file, with their lines and reasons.
 * @csspart actions - The paging, export and close buttons.
 *
 * @cssprop --sx-background - Background colour.
 * @cssprop --sx-foreground - Text colour.
 * @cssprop --sx-muted - Secondary text colour.
 * @cssprop --sx-border - Rule colour.
 * @cssprop --sx-accent - Focus ring colour.
 */
export class SxDrillPanel extends LitElement {
  static override properties = {
    opening: { attribute: false },
    answer: { state: true },
    failure: { state: true },
    turning: { state: true },
  };

  static override styles = drillPanelStyles;

  /**
   * The figure and how to ask for its rows (set by a widget's `drillThrough`).
   * @internal
   */
  declare opening: DrillOpening | undefined;
  declare protected answer: DrillAnswer | undefined;
  declare protected failure: string | undefined;
  /** True while another page is read: the page shown stays, its paging buttons wait. */
  declare protected turning: boolean;
  /**
   * Where focus was when the panel opened: it goes back there when the panel closes.
   * @internal
   */
  opener: HTMLElement | SVGElement | null = null;

  /**
   * Opens the dialog on the first page of rows; resolves once that page is shown. The rows are
   * asked for first, so the database reads them while the dialog is drawn.
   */
  async show(): Promise<void> {
    const first = this.page(0);
    await this.updateComplete;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
    await first;
  }

  /**
   * Shows the page of rows starting at the `offset`-th matching row. The count and totals the
   * first page gave are kept: a later page reads only its own rows.
   */
  async page(offset: number): Promise<void> {
    const opening = this.opening;
    if (!opening) return;
    const shown = this.answer;
    const known = shown && {
      count: shown.count,
      totals: shown.totals,
      unreadRows: shown.unreadRows,
    };
    this.turning = true;
    try {
      this.answer = await opening.engine.coordinator.drillThrough(
        drillRequest(opening, offset, PAGE, known),
      );
      this.failure = undefined;
    } catch (cause) {
      this.failure = cause instanceof Error ? cause.message : String(cause);
    } finally {
      this.turning = false;
    }
    await this.updateComplete;
  }

  /** The slice as CSV text (UTF-8 with a byte-order mark): what the export button saves. */
  async toCsv(): Promise<string> {
    const opening = this.opening;
    if (!opening) return '';
    return (await sliceCsv(opening.engine, drillRequest(opening), opening.lang)).text;
  }

  /** Offers the slice as a CSV file. */
  async exportCsv(): Promise<void> {
    const stem = this.opening?.fileStem ?? 'rows';
    download(`${stem}.csv`, await this.toCsv(), 'text/csv;charset=utf-8');
  }

  /** Closes the dialog, takes the panel off the page and gives focus back. */
  close(): void {
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else this.#closed();
  }

  #closed(): void {
    this.remove();
    this.opener?.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override render(): TemplateResult {
    const opening = this.opening;
    if (!opening) return html``;
    const { lang } = opening;
    const t = (key: Parameters<typeof message>[1], params?: Record<string, string | number>) =>
      message(lang, key, params);
    const answer = this.answer;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby="facts"
      lang=${lang}
      @close=${() => this.#closed()}
    >
      <h2 id="title">${t('drillTitle', { figure: opening.figure.label })}</h2>
      <div id="facts">
        ${answer ? html`<p class="facts">${t('drillFile', { file: answer.file })}</p>` : nothing}
        <p class="facts">
          ${t('drillFilters', { filters: filtersInWords(opening.filters, lang, opening.days) })}
        </p>
      </div>
      ${
        this.failure
          ? html`<p class="note warn" role="alert">
              ${t('drillFailed', { reason: this.failure })}
            </p>`
          : answer
            ? this.#body(answer)
            : html`<p class="note" role="status">${t('drillLoading')}</p>`
      }
      <div part="actions" class="actions">
        ${answer ? this.#paging(answer) : nothing}
        <button type="button" class="export" ?disabled=${!answer} @click=${() => this.exportCsv()}>
          ${t('drillExport')}
        </button>
        <button type="button" class="close" @click=${() => this.close()}>${t('drillClose')}</button>
      </div>
    </dialog>`;
  }

  #body(answer: DrillAnswer): TemplateResult {
    const lang = this.opening!.lang;
    const t = (key: Parameters<typeof message>[1], params?: Record<string, string | number>) =>
      message(lang, key, params);
    const readWord = t('drillRead');
    const from = answer.rows.length > 0 ? answer.offset + 1 : 0;
    const to = answer.offset + answer.rows.length;
    return html`<ul part="totals" class="totals">
        ${Object.entries(answer.totals).map(
          ([column, value]) =>
            html`<li>${t('drillTotal', { column, value: totalText(value, lang) })}</li>`,
        )}
        <li>${t('drillCount', { count: answer.count })}</li>
      </ul>
      ${
        answer.position === 'none'
          ? html`<p class="note">${t('drillNoPosition', { limit: answer.rows.length })}</p>`
          : nothing
      }
      ${
        answer.unreadRows > 0
          ? html`<p class="note warn">${t('drillUnread', { count: answer.unreadRows })}</p>`
          : nothing
      }
      <div
        class="scroll"
        tabindex="0"
        role="region"
        aria-labelledby="page-words"
        aria-busy=${this.turning ? 'true' : 'false'}
      >
        <table part="rows">
          <caption id="page-words">
            ${t('drillPage', { from, to, count: answer.count })}
          </caption>
          <thead>
            <tr>
              ${answer.position === 'none' ? nothing : html`<th scope="col">${positionLabel(answer, lang)}</th>`}
              ${answer.columns.map((column) => html`<th scope="col">${column}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${answer.rows.map((row) => this.#row(answer, row, readWord))}
          </tbody>
        </table>
      </div>
      ${
        answer.leftOut.count > 0
          ? html`<div part="left-out">
              <p class="note warn">${t('drillLeftOut', { count: answer.leftOut.count })}</p>
              <ul class="left-out">
                ${answer.leftOut.first.map(
                  (reject) =>
                    html`<li>
                      ${t('drillLeftOutRow', { line: reject.line, reason: reject.reason })}:
                      ${reject.value}
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }`;
  }

  #row(answer: DrillAnswer, row: DrillRow, readWord: string): TemplateResult {
    const lang = this.opening!.lang;
    return html`<tr part="row">
      ${answer.position === 'none' ? nothing : html`<th scope="row">${row.position ?? ''}</th>`}
      ${row.cells.map((cell, index) => {
        const written = row.written?.[index] ?? null;
        if (!row.written) return html`<td>${readBeside(cell, null, lang) ?? ''}</td>`;
        const read = readBeside(cell, written, lang);
        return html`<td>
          <span class="written">${written ?? ''}</span>${
            read === undefined
              ? nothing
              : html`<span class="read"
                  ><span class="visually-hidden">${readWord} </span>${read}</span
                >`
          }
        </td>`;
      })}
    </tr>`;
  }

  #paging(answer: DrillAnswer): TemplateResult {
    const lang = this.opening!.lang;
    const before = answer.offset > 0 && !this.turning;
    const after =
      answer.pageable && answer.offset + answer.rows.length < answer.count && !this.turning;
    return html`<button
        type="button"
        class="previous"
        ?disabled=${!before}
        @click=${() => this.page(Math.max(0, answer.offset - PAGE))}
      >
        ${message(lang, 'drillPrevious')}
      </button>
      <button
        type="button"
        class="next"
        ?disabled=${!after}
        @click=${() => this.page(answer.offset + PAGE)}
      >
        ${message(lang, 'drillNext')}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sx-drill-panel': SxDrillPanel;
  }
}
