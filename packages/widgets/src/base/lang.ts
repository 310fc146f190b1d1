import { type Lang, type MessageCode, type MessageParams, messageText } from '@stratex/core';

/** A code of the message catalogue (`@stratex/core`), which holds every word a widget shows. */
export type MessageKey = MessageCode;

/** The catalogue's text for `key` in `lang`, its blanks filled from `params`. */
export function message(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return messageText(lang, key, params);
}

/** The widget's language: its own `lang`, else the nearest ancestor's, else the page's. */
export function resolveLang(element: Element): Lang {
  const declared = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return declared.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
