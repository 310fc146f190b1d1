import { closestName } from './column-names';

/** Raised when a query could change data or reach past the page's own sources. */
export class UnsafeQueryError extends Error {
  constructor(message: string) {
    super(message);
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
  const list = names.length ? names.join(', ') : 'none is loaded yet';
  return new UnsafeQueryError(
    `"${name}" is not one of this page's sources: ${list}.` +
      (hint ? ` Did you mean "${hint}"?` : ''),
  );
}
