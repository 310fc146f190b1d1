import type { Lang } from '@stratex/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { LoadedFile } from './intake';
import { formatBytes, formatCount, label, t } from './messages';

/** Encoding labels as people know them: GB18030 is read for what Excel calls GBK. */
export function encodingLabel(encoding: string): string {
  switch (encoding) {
    case 'gb18030':
      return 'GBK (GB18030)';
    case 'utf-8':
      return 'UTF-8';
    case 'utf-16le':
      return 'UTF-16 LE';
    case 'utf-16be':
      return 'UTF-16 BE';
    case 'parquet':
    case 'arrow':
      return '—';
    default:
      return encoding;
  }
}

const delimiterLabel = (delimiter: string): string =>
  delimiter === '\t' ? 'Tab' : delimiter === ' ' ? 'Space' : delimiter;

/**
 * What the engine found in one file: encoding, header row, skipped title and blank rows,
 * column types with units, and the rows and cells it rejected with line and reason.
 */
export class AnalystLoadReport extends LitElement {
  static override properties = {
    entry: { attribute: false },
    lang: { type: String },
  };

  declare entry: LoadedFile | undefined;
  declare lang: Lang;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const entry = this.entry;
    const loaded = entry?.loaded;
    if (!entry || !loaded) return nothing;
    const lang = this.lang;
    const format =
      loaded.encoding === 'parquet' || loaded.encoding === 'arrow' ? loaded.encoding : 'csv';
    const skipped = loaded.skippedRows;
    const facts: [string, string, string][] = [
      ['format', t(lang, 'format'), format.toUpperCase()],
      ['encoding', t(lang, 'encoding'), encodingLabel(loaded.encoding)],
      ['rows', t(lang, 'rows'), formatCount(loaded.rowCount, lang)],
    ];
    if (format === 'csv') {
      facts.push(
        [
          'header-row',
          t(lang, 'headerRow'),
          loaded.headerRow === null || loaded.headerRow === undefined
            ? t(lang, 'noHeader')
            : lineText(loaded.headerRow, lang),
        ],
        ['delimiter', t(lang, 'delimiter'), delimiterLabel(loaded.delimiter ?? ',')],
        ['title-rows', t(lang, 'titleRowsSkipped'), String(skipped?.aboveHeader ?? 0)],
        ['blank-rows', t(lang, 'blankRowsSkipped'), String(skipped?.blank ?? 0)],
      );
      if (skipped?.repeatedHeader) {
        facts.push([
          'repeated-headers',
          t(lang, 'repeatedHeaders'),
          String(skipped.repeatedHeader),
        ]);
      }
    }
    return html`
      <section class="panel" aria-labelledby="report-heading">
        <h2 id="report-heading">${t(lang, 'found')} · ${entry.file.name}</h2>
        <dl class="facts">
          ${facts.map(
            ([key, term, value]) =>
              html`<div data-fact=${key}>
                <dt>${term}</dt>
                <dd>${value}</dd>
              </div>`,
          )}
          <div data-fact="size">
            <dt>${t(lang, 'bytes')}</dt>
            <dd>${formatBytes(entry.file.size)}</dd>
          </div>
        </dl>
        ${this.#columns(lang)} ${this.#rejects(lang)}
        ${
          loaded.notes?.length
            ? html`<p class="notes">
                <strong>${t(lang, 'notes')}:</strong> ${loaded.notes.join('; ')}
              </p>`
            : nothing
        }
      </section>
    `;
  }

  #columns(lang: Lang): TemplateResult {
    const columns = this.entry?.columns ?? [];
    return html`
      <table class="grid-table columns-table">
        <caption>
          ${t(lang, 'columns')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'column')}</th>
            <th scope="col">${t(lang, 'kind')}</th>
            <th scope="col">${t(lang, 'unit')}</th>
            <th scope="col">${t(lang, 'unreadable')}</th>
          </tr>
        </thead>
        <tbody>
          ${columns.map(
            (column) =>
              html`<tr>
                <th scope="row">${column.name}</th>
                <td>${label(lang, `kind-${column.kind}`)}</td>
                <td>${column.unit ? label(lang, `unit-${column.unit}`) : ''}</td>
                <td class=${column.rejects ? 'warn' : ''}>${column.rejects ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  #rejects(lang: Lang): TemplateResult | typeof nothing {
    const rejects = this.entry?.loaded?.rejects;
    if (!rejects) return nothing;
    if (rejects.count === 0) return html`<p class="ok">✓ ${t(lang, 'noRejects')}</p>`;
    return html`
      <table class="grid-table rejects-table">
        <caption>
          ⚠ ${t(lang, 'rejected')}: ${formatCount(rejects.count, lang)}
          ${rejects.first.length < rejects.count ? `(${t(lang, 'rejectsShown')})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'line')}</th>
            <th scope="col">${t(lang, 'column')}</th>
            <th scope="col">${t(lang, 'value')}</th>
            <th scope="col">${t(lang, 'reason')}</th>
          </tr>
        </thead>
        <tbody>
          ${rejects.first.map(
            (reject) =>
              html`<tr>
                <td>${reject.line}</td>
                <td>${reject.column ?? t(lang, 'wholeRow')}</td>
                <td class="cell-text">${reject.value}</td>
                <td>${reject.reason}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

function lineText(line: number, lang: Lang): string {
  return lang === 'zh-CN' ? `第 ${line} 行` : `line ${line}`;
}
