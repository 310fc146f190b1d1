import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';

/**
 * An `sx-data-source` whose file is read once and then goes away, as a share taken offline
 * does: the first refresh fails, so the widgets on it keep their figures and say they are
 * stale. The fixture's bytes are served from a blob URL that is revoked after the first load.
 */
export function staleSource(name: string, fixture: string): TemplateResult {
  const attach = (element: Element | undefined): void => {
    if (!element || element.hasAttribute('src')) return;
    const source = element as HTMLElementTagNameMap['sx-data-source'];
    void (async () => {
      const file = URL.createObjectURL(await (await fetch(fixture)).blob());
      const refreshOnce = (): void => {
        source.removeEventListener('sx-data-load', refreshOnce);
        URL.revokeObjectURL(file);
        void source.liveSource?.refresh().catch(() => undefined);
      };
      source.addEventListener('sx-data-load', refreshOnce);
      source.setAttribute('src', file);
    })();
  };
  return html`<sx-data-source name=${name} ${ref(attach)}></sx-data-source>`;
}
