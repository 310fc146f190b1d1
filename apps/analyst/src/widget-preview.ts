import type { Lang } from '@stratex/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { LoadedFile } from './intake';
import { label, t } from './messages';
import { drawnWidgets } from './widget-roles';

/**
 * Every widget the mapping completes, drawn on the file's source with exactly the
 * attributes the embed snippet writes: what is seen here is what the portal shows.
 */
export class AnalystWidgetPreview extends LitElement {
  static override properties = {
    entry: { attribute: false },
    lang: { type: String },
    revision: { type: Number },
  };

  declare entry: LoadedFile | undefined;
  declare lang: Lang;
  /** Bumped by the app when the mapping changed in place. */
  declare revision: number;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #widgets(): ReturnType<typeof drawnWidgets> {
    const entry = this.entry;
    if (!entry?.mapping || entry.state !== 'ready') return [];
    return drawnWidgets(entry.mapping, entry.source, this.lang);
  }

  protected override render(): TemplateResult {
    const widgets = this.#widgets();
    return html`
      <section class="panel preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">${t(this.lang, 'preview')}</h2>
        ${
          widgets.length === 0
            ? html`<p class="empty">${t(this.lang, 'previewEmpty')}</p>`
            : nothing
        }
        <div class="preview-grid">
          ${widgets.map(
            (widget) =>
              html`<article class="card ${widget.kind}" data-kind=${widget.kind}>
                <h3>${label(this.lang, `widget-${widget.kind}`)}</h3>
                <div class="widget-host" data-kind=${widget.kind}></div>
              </article>`,
          )}
        </div>
      </section>
    `;
  }

  protected override updated(): void {
    for (const widget of this.#widgets()) {
      const host = this.querySelector<HTMLElement>(`.widget-host[data-kind="${widget.kind}"]`);
      if (!host) continue;
      const signature = JSON.stringify([widget.tag, widget.attributes]);
      if (host.dataset.signature === signature) continue;
      const element = document.createElement(widget.tag);
      for (const [name, value] of widget.attributes) element.setAttribute(name, value);
      host.replaceChildren(element);
      host.dataset.signature = signature;
    }
  }
}
