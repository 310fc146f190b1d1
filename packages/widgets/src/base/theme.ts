import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function themeWord(value: string | null | undefined): Theme | undefined {
  return value === 'dark' || value === 'light' ? value : undefined;
}

/** The nearest `data-sx-theme` above an element, looking out through the shadow roots it sits in. */
function pageTheme(element: Element): Theme | undefined {
  let at: Element | null = element;
  while (at) {
    const marked: Element | null = at.closest('[data-sx-theme]');
    const word = themeWord(marked?.getAttribute('data-sx-theme'));
    if (word) return word;
    const root = (marked ?? at).getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/**
 * A widget's theme: its own `theme` attribute, else the nearest `data-sx-theme` on an
 * ancestor (or `<html>`), else the reader's `prefers-color-scheme`.
 */
export function resolveTheme(
  element: Element,
  prefersDark = matchMedia(DARK_QUERY).matches,
): Theme {
  return (
    themeWord(element.getAttribute('theme')) ??
    pageTheme(element) ??
    (prefersDark ? 'dark' : 'light')
  );
}

type ThemedHost = ReactiveControllerHost & HTMLElement;

/**
 * Keeps the resolved theme on the element as its `dark` custom state (`:host(:state(dark))`),
 * following the element's and the page's attributes and the colour-scheme preference.
 */
export class ThemeController implements ReactiveController {
  #theme: Theme = 'light';
  readonly #media = matchMedia(DARK_QUERY);
  readonly #observer = new MutationObserver(() => this.#resolve());
  readonly #onMedia = (): void => this.#resolve();

  constructor(
    private readonly host: ThemedHost,
    private readonly states: CustomStateSet,
  ) {
    host.addController(this);
  }

  get theme(): Theme {
    return this.#theme;
  }

  hostConnected(): void {
    this.#media.addEventListener('change', this.#onMedia);
    this.#observer.observe(document.documentElement, {
      subtree: true,
      attributeFilter: ['data-sx-theme'],
    });
    this.#observer.observe(this.host, { attributeFilter: ['theme'] });
    this.#resolve();
  }

  hostDisconnected(): void {
    this.#media.removeEventListener('change', this.#onMedia);
    this.#observer.disconnect();
  }

  #resolve(): void {
    const theme = resolveTheme(this.host, this.#media.matches);
    if (theme === 'dark') this.states.add('dark');
    else this.states.delete('dark');
    if (theme !== this.#theme) {
      this.#theme = theme;
      this.host.requestUpdate();
    }
  }
}
