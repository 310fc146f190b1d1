import type { Lang } from '@stratex/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { LoadedFile } from './intake';
import { t } from './messages';
import { embedSnippet, exportUrl } from './snippet';
import { drawnWidgets } from './widget-roles';

/** The embed snippet for the file on view, with a copy button. */
export class AnalystSnippetPanel extends LitElement {
  static override properties = {
    entry: { attribute: false },
    lang: { type: String },
    revision: { type: Number },
    scriptUrl: { state: true },
    folder: { state: true },
    copyState: { state: true },
  };

  declare entry: LoadedFile | undefined;
  declare lang: Lang;
  declare revision: number;
  declare scriptUrl: string;
  declare folder: string;
  declare copyState: 'idle' | 'copied' | 'refused';

  constructor() {
    super();
    this.scriptUrl = '/stratex/stratex.js';
    this.folder = '';
    this.copyState = 'idle';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The snippet as it stands, or '' when no widget is drawn. */
  get snippet(): string {
    const entry = this.entry;
    if (!entry?.mapping || !entry.loaded) return '';
    const widgets = drawnWidgets(entry.mapping, entry.source, this.lang);
    if (widgets.length === 0) return '';
    const encoding = entry.loaded.encoding === 'gb18030' ? 'gbk' : undefined;
    return embedSnippet({
      scriptUrl: this.scriptUrl,
      sources: [
        {
          name: entry.source,
          src: exportUrl(this.folder, entry.file.name),
          ...(encoding ? { encoding } : {}),
        },
      ],
      widgets,
    });
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.snippet);
      this.copyState = 'copied';
    } catch {
      this.copyState = 'refused';
      this.querySelector('textarea')?.select();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.entry?.state !== 'ready') return nothing;
    const lang = this.lang;
    const snippet = this.snippet;
    return html`
      <section class="panel snippet" aria-labelledby="snippet-heading">
        <h2 id="snippet-heading">${t(lang, 'snippet')}</h2>
        <p class="help">${t(lang, 'snippetHelp')}</p>
        <div class="snippet-options">
          <label>
            ${t(lang, 'scriptUrl')}
            <input
              name="script-url"
              .value=${this.scriptUrl}
              @input=${(event: Event) => (this.scriptUrl = (event.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            ${t(lang, 'dataFolder')}
            <input
              name="data-folder"
              placeholder="/exports/"
              .value=${this.folder}
              @input=${(event: Event) => (this.folder = (event.target as HTMLInputElement).value)}
            />
          </label>
        </div>
        ${
          snippet
            ? html`<textarea
                  class="snippet-text"
                  readonly
                  rows=${snippet.split('\n').length}
                  aria-label=${t(lang, 'snippet')}
                  .value=${snippet}
                ></textarea>
                <div class="actions">
                  <button type="button" class="copy" @click=${() => void this.#copy()}>
                    ${t(lang, 'copy')}
                  </button>
                  <span class="copy-state" role="status">
                    ${
                      this.copyState === 'copied'
                        ? t(lang, 'copied')
                        : this.copyState === 'refused'
                          ? t(lang, 'copyFailed')
                          : ''
                    }
                  </span>
                </div>`
            : html`<p class="empty">${t(lang, 'previewEmpty')}</p>`
        }
      </section>
    `;
  }
}
