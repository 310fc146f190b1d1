import type { Lang } from '@stratex/core';
import { pageEngine } from '@stratex/data';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { intake, type LoadedFile } from './intake';
import { formatBytes, formatCount, langOf, t } from './messages';
import { MAPPING_CHANGE } from './role-mapper';
import { sourceNameFor } from './widget-roles';

/**
 * The analyst's workbench: drop exports, see what was read, map columns to roles, check
 * the targets and the breakdown, preview every widget, query, and copy the embed snippet.
 */
export class AnalystApp extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    files: { state: true },
    selected: { state: true },
    revision: { state: true },
    dragging: { state: true },
  };

  declare lang: Lang;
  declare files: LoadedFile[];
  declare selected: number | undefined;
  /** Bumped whenever a file's state or mapping changes in place. */
  declare revision: number;
  declare dragging: boolean;
  #nextId = 1;

  constructor() {
    super();
    this.files = [];
    this.revision = 0;
    this.dragging = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.lang ??= langOf(this);
    pageEngine().warmUp();
    this.addEventListener(MAPPING_CHANGE, () => this.revision++);
  }

  /** Loads files as sources of the page; each is read here and never uploaded. */
  addFiles(list: Iterable<File>): void {
    const taken = new Set(this.files.map((file) => file.source));
    const added: LoadedFile[] = [];
    for (const file of list) {
      const source = sourceNameFor(file.name, taken);
      taken.add(source);
      added.push({
        id: this.#nextId++,
        file,
        source,
        state: 'reading',
        progress: { phase: 'read', bytes: 0, totalBytes: file.size },
      });
    }
    if (added.length === 0) return;
    this.files = [...this.files, ...added];
    this.selected = added[0]?.id;
    for (const entry of added) void intake(pageEngine(), entry, () => this.revision++);
  }

  #remove(entry: LoadedFile): void {
    this.files = this.files.filter((file) => file !== entry);
    if (this.selected === entry.id) this.selected = this.files[0]?.id;
  }

  #setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    document.title = t(lang, 'title');
  }

  protected override render(): TemplateResult {
    const lang = this.lang;
    const entry = this.files.find((file) => file.id === this.selected);
    return html`
      <header class="topbar">
        <span class="logo" aria-hidden="true">◆</span>
        <h1>${t(lang, 'title')}</h1>
        <button
          type="button"
          class="lang-toggle"
          lang=${lang === 'zh-CN' ? 'en' : 'zh-CN'}
          aria-label=${t(lang, 'languageLabel')}
          @click=${() => this.#setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          ${t(lang, 'language')}
        </button>
      </header>
      <main>
        <p class="lede">${t(lang, 'lede')}</p>
        ${this.#dropZone(lang)} ${this.#fileList(lang)}
        ${entry ? this.#workspace(entry, lang) : html`<p class="empty">${t(lang, 'noFiles')}</p>`}
      </main>
    `;
  }

  #dropZone(lang: Lang): TemplateResult {
    return html`<div
      class="drop-zone ${this.dragging ? 'dragging' : ''}"
      @dragover=${(event: DragEvent) => {
        event.preventDefault();
        this.dragging = true;
      }}
      @dragleave=${() => (this.dragging = false)}
      @drop=${(event: DragEvent) => {
        event.preventDefault();
        this.dragging = false;
        this.addFiles(event.dataTransfer?.files ?? []);
      }}
    >
      <span>${t(lang, 'dropHere')}</span>
      <label class="button">
        ${t(lang, 'choose')}
        <input
          class="visually-hidden"
          type="file"
          multiple
          accept=".csv,.txt,.tsv,.parquet,.arrow,.feather,.ipc,.xlsx,.xlsm,text/csv"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            this.addFiles(Array.from(input.files ?? []));
            input.value = '';
          }}
        />
      </label>
    </div>`;
  }

  #fileList(lang: Lang): TemplateResult | typeof nothing {
    if (this.files.length === 0) return nothing;
    return html`<nav class="files" aria-label=${t(lang, 'files')}>
      <ul>
        ${this.files.map(
          (entry) =>
            html`<li class="file ${entry.state}" data-source=${entry.source}>
              <button
                type="button"
                class="file-choice"
                aria-current=${entry.id === this.selected ? 'true' : 'false'}
                @click=${() => (this.selected = entry.id)}
              >
                <span class="file-name">${entry.file.name}</span>
                <code>${entry.source}</code>
              </button>
              ${this.#status(entry, lang)}
              <button
                type="button"
                class="remove"
                aria-label=${`${t(lang, 'remove')} ${entry.file.name}`}
                @click=${() => this.#remove(entry)}
              >
                ×
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  #status(entry: LoadedFile, lang: Lang): TemplateResult {
    if (entry.state === 'error') {
      return html`<span class="status error" role="alert"
        >${t(lang, 'loadFailed')}: ${entry.error}</span
      >`;
    }
    if (entry.state === 'ready') {
      return html`<span class="status ready">
        ✓ ${formatCount(entry.loaded?.rowCount ?? 0, lang)} ${t(lang, 'queryRows')}
      </span>`;
    }
    const { progress } = entry;
    const phase = progress.phase === 'read' ? 'reading' : progress.phase;
    const counted =
      progress.rows !== undefined
        ? `${formatCount(progress.rows, lang)} ${t(lang, 'rowsSoFar')}`
        : progress.lines !== undefined
          ? `${formatCount(progress.lines, lang)} ${t(lang, 'linesSoFar')}`
          : '';
    return html`<span class="status loading" role="status">
      <span>${t(lang, phase)}</span>
      <progress
        max=${progress.totalBytes || 1}
        value=${progress.phase === 'read' ? progress.bytes : progress.totalBytes}
        aria-label=${`${t(lang, phase)} ${entry.file.name}`}
      ></progress>
      <span class="progress-text">
        ${formatBytes(progress.bytes)} /
        ${formatBytes(progress.totalBytes)}${counted ? ` · ${counted}` : ''}
      </span>
    </span>`;
  }

  #workspace(entry: LoadedFile, lang: Lang): TemplateResult {
    if (entry.state !== 'ready') {
      return entry.state === 'error'
        ? html`<p class="error">${t(lang, 'loadFailed')}: ${entry.error}</p>`
        : html`<p class="busy">${t(lang, 'load')}…</p>`;
    }
    const revision = this.revision;
    return html`
      <div class="workspace">
        <analyst-load-report .entry=${entry} lang=${lang}></analyst-load-report>
        <analyst-role-mapper
          .entry=${entry}
          lang=${lang}
          .revision=${revision}
        ></analyst-role-mapper>
        <analyst-widget-preview
          .entry=${entry}
          lang=${lang}
          .revision=${revision}
        ></analyst-widget-preview>
        <analyst-checks-panel
          .entry=${entry}
          lang=${lang}
          .revision=${revision}
        ></analyst-checks-panel>
        <analyst-snippet-panel
          .entry=${entry}
          lang=${lang}
          .revision=${revision}
        ></analyst-snippet-panel>
        <analyst-query-panel .files=${[...this.files]} lang=${lang}></analyst-query-panel>
      </div>
    `;
  }
}
