import type { Lang } from '@stratex/core';
import { LitElement } from 'lit';
import { message, resolveLang } from './lang';
import { type Theme, ThemeController } from './theme';

/**
 * The frame every widget is drawn in: the reader's language (the element's `lang`, else the
 * page's) and theme (the element's `theme`, an ancestor's `data-sx-theme`, else the reader's
 * colour scheme), and the catalogue's words in that language.
 */
export abstract class SxElement extends LitElement {
  /** `lang` is the element's own HTML attribute; a change of it redraws the widget in that language. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** Light or dark: the element's `theme`, the page's `data-sx-theme`, or the reader's preference. */
  readonly #theme = new ThemeController(this, this.attachInternals().states);

  /** The theme the widget is drawn in. */
  protected get resolvedTheme(): Theme {
    return this.#theme.theme;
  }

  protected get langCode(): Lang {
    return resolveLang(this);
  }

  protected t(key: Parameters<typeof message>[1]): string {
    return message(this.langCode, key);
  }
}
