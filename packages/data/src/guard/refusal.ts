import { type MessageCode, type MessageParams, messageText } from '@stratex/core';
import { closestName } from './column-names';

/**
 * Raised when a query could change data or reach past the page's own sources. It names the
 * reason by its catalogue code; its `message` is the English text.
 */
export class UnsafeQueryError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(messageText('en', code, params));
    this.name = 'UnsafeQueryError';
  }
}

/** Names a page author knows: the sources, not the engine's own keys for `src` files. */
function pageNames(known: readonly string[]): string[] {
  return known.filter((name) => !name.startsWith('src:'));
}

/** `"x" is not one of this page's sources: a, b. Did you mean "a"?` */
export function notASource(name: string, known: readonly string[]): UnsafeQueryError {
  const names = pageNames(known);
  const hint = closestName(name, names);
  const list = names.join(', ');
  if (!names.length) return new UnsafeQueryError('guardNoSources', { name });
  return hint
    ? new UnsafeQueryError('guardNotASourceNear', { name, list, hint })
    : new UnsafeQueryError('guardNotASource', { name, list });
}
