import type { Lang } from '@stratex/core';
import { pageEngine, quoteIdentifier, type RecordRow } from '@stratex/data';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { LoadedFile } from './intake';
import { formatCount, t } from './messages';
import { withTypedSources } from './typed-sources';

const SHOWN_ROWS = 200;

type QueryOutcome =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; columns: string[]; rows: RecordRow[] }
  | { state: 'error'; refused: boolean; message: string };

const cellText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'bigint'
      ? value.toString()
      : value instanceof Date
        ? value.toISOString().slice(0, 10)
        : String(value);

/** A SQL box over the loaded files, run through the engine's guard; errors show under it. */
export class AnalystQueryPanel extends LitElement {
  static override properties = {
    files: { attribute: false },
    lang: { type: String },
    sql: { state: true },
    outcome: { state: true },
  };

  declare files: readonly LoadedFile[];
  declare lang: Lang;
  declare sql: string;
  declare outcome: QueryOutcome;

  constructor() {
    super();
    this.files = [];
    this.sql = '';
    this.outcome = { state: 'idle' };
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    const first = this.files.find((file) => file.state === 'ready');
    if (!this.sql && first) this.sql = `SELECT *\nFROM ${quoteIdentifier(first.source)}\nLIMIT 10`;
  }

  async run(): Promise<void> {
    const sql = this.sql.trim();
    if (!sql) return;
    this.outcome = { state: 'running' };
    try {
      const rows = await firstRows(sql, this.files);
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      this.outcome = { state: 'done', columns, rows };
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      const refused = error.name === 'UnsafeQueryError' || error.name === 'UnknownSourceError';
      this.outcome = { state: 'error', refused, message: plainMessage(error.message) };
    }
  }

  protected override render(): TemplateResult {
    const lang = this.lang;
    const ready = this.files.filter((file) => file.state === 'ready');
    const outcome = this.outcome;
    const failed = outcome.state === 'error';
    return html`
      <section class="panel query" aria-labelledby="query-heading">
        <h2 id="query-heading">${t(lang, 'query')}</h2>
        <p class="help" id="query-help">
          ${t(lang, 'queryHelp')} ${t(lang, 'sources')}:
          ${ready.map((file, index) => html`${index ? ', ' : ''}<code>${file.source}</code>`)}
        </p>
        <textarea
          name="sql"
          rows="5"
          spellcheck="false"
          aria-label=${t(lang, 'query')}
          aria-describedby=${failed ? 'query-help query-error' : 'query-help'}
          aria-invalid=${failed ? 'true' : 'false'}
          .value=${this.sql}
          @input=${(event: Event) => (this.sql = (event.target as HTMLTextAreaElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void this.run();
            }
          }}
        ></textarea>
        <div class="actions">
          <button
            type="button"
            ?disabled=${ready.length === 0 || outcome.state === 'running'}
            @click=${() => void this.run()}
          >
            ${outcome.state === 'running' ? t(lang, 'running') : t(lang, 'run')}
          </button>
        </div>
        ${
          outcome.state === 'error'
            ? html`<p class="error query-error" id="query-error" role="alert">
                <strong>${t(lang, outcome.refused ? 'queryRefused' : 'queryFailed')}:</strong>
                ${outcome.message}
              </p>`
            : nothing
        }
        ${outcome.state === 'done' ? this.#result(outcome.columns, outcome.rows, lang) : nothing}
      </section>
    `;
  }

  #result(columns: string[], rows: RecordRow[], lang: Lang): TemplateResult {
    const shown = rows.slice(0, SHOWN_ROWS);
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${t(lang, 'query')}>
        <table class="grid-table query-result">
          <caption>
            ${
              rows.length > shown.length
                ? `${formatCount(shown.length, lang)}+ ${t(lang, 'queryRows')} (${t(lang, 'queryFirstRows')})`
                : `${formatCount(rows.length, lang)} ${t(lang, 'queryRows')}`
            }
          </caption>
          <thead>
            <tr>
              ${columns.map((column) => html`<th scope="col">${column}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (row) =>
                html`<tr>
                  ${columns.map((column) => html`<td>${cellText(row[column])}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

/**
 * The query's first rows, one more than are shown (so that "first rows shown" can be said)
 * without pulling a million rows into the page, over the files' typed tables. When the
 * bounded form fails, the query is run as written, so that the error names the analyst's
 * own lines and columns.
 */
async function firstRows(sql: string, files: readonly LoadedFile[]): Promise<RecordRow[]> {
  const engine = pageEngine();
  // The typed tables are the database's: files read in JS are put there first.
  await engine.allInDatabase();
  const statement = sql.replace(/;\s*$/, '');
  const read = (text: string): Promise<RecordRow[]> =>
    engine.readOnlyRecords(withTypedSources(text, files), [], [], { dates: true });
  try {
    return await read(`SELECT * FROM (\n${statement}\n) AS shown LIMIT ${SHOWN_ROWS + 1}`);
  } catch {
    const rows = await read(sql);
    return rows.slice(0, SHOWN_ROWS + 1);
  }
}

/** DuckDB wraps its messages in JSON; people need the sentence inside. */
function plainMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { exception_message?: string };
    if (parsed.exception_message) return parsed.exception_message;
  } catch {
    // already plain
  }
  return text;
}
