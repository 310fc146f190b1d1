import { type MessageCode, type MessageParams, messageText } from '@stratex/core';

/** Raised when an attribute or option names a column the table does not have. */
export class UnknownColumnError extends Error {
  /** Its code in the message catalogue, and the values for its blanks. */
  readonly code: MessageCode;
  readonly params: MessageParams;

  constructor(
    readonly column: string,
    readonly where: string,
    readonly suggestion: string | undefined,
  ) {
    const code: MessageCode = suggestion ? 'columnUnknownNear' : 'columnUnknown';
    const params: MessageParams = suggestion ? { column, where, suggestion } : { column, where };
    super(messageText('en', code, params));
    this.name = 'UnknownColumnError';
    this.code = code;
    this.params = params;
  }
}

const folded = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '');

/**
 * The table's own spelling of `requested`: exact, else case/space-insensitive.
 * Throws with the closest name when nothing matches.
 */
export function matchColumn(
  requested: string,
  available: readonly string[],
  where: string,
): string {
  if (available.includes(requested)) return requested;
  const loose = available.find((name) => folded(name) === folded(requested));
  if (loose !== undefined) return loose;
  throw new UnknownColumnError(requested, where, closestName(requested, available));
}

/** Checks every requested column; returns them in the table's spelling. */
export function matchColumns(
  requested: readonly string[],
  available: readonly string[],
  where: string,
): string[] {
  return requested.map((name) => matchColumn(name, available, where));
}

/** The available name nearest to `requested` by edit distance, if any is near enough. */
export function closestName(requested: string, available: readonly string[]): string | undefined {
  const target = folded(requested);
  let best: { name: string; distance: number } | undefined;
  for (const name of available) {
    const distance = editDistance(target, folded(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.ceil(Math.max([...target].length, 2) / 2));
  return best.distance <= allowed ? best.name : undefined;
}

/** Levenshtein distance over code points, so one Chinese character counts once. */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
