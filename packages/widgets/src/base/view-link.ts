import type { Selection } from './selection';

/**
 * What a widget keeps of its view in the page's address: the choice it made, the path it
 * drilled down, and what else the widget itself adds (its own keys).
 */
export interface LinkedView {
  readonly selection?: Selection;
  readonly path?: readonly string[];
  readonly [key: string]: unknown;
}

/** A linked view read from an address: the view, or `unreadable` when its text is not one. */
export type ReadView = LinkedView | 'unreadable';

const PREFIX = 'sx.';

/** Splits a fragment (`#a&sx.map=…`) into its parts, keeping the page's own ones in order. */
function parts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

function partKey(part: string): string | undefined {
  if (!part.startsWith(PREFIX)) return undefined;
  const equals = part.indexOf('=');
  if (equals < 0) return undefined;
  try {
    return decodeURIComponent(part.slice(PREFIX.length, equals));
  } catch {
    return undefined;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isSelection(value: unknown): value is Selection {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

function parseView(text: string): ReadView {
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(text));
  } catch {
    return 'unreadable';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'unreadable';
  const view = value as Record<string, unknown>;
  if (view.selection !== undefined && !isSelection(view.selection)) return 'unreadable';
  if (view.path !== undefined && !isStringList(view.path)) return 'unreadable';
  return view as LinkedView;
}

/** The view kept under `key` in `hash`, if there is one. */
export function readLinkedView(hash: string, key: string): ReadView | undefined {
  for (const part of parts(hash)) {
    if (partKey(part) === key) return parseView(part.slice(part.indexOf('=') + 1));
  }
  return undefined;
}

/** True when a view says nothing (no choice, top level, nothing of the widget's own). */
function isBlank(view: LinkedView): boolean {
  return Object.values(view).every(
    (value) =>
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (value !== null && typeof value === 'object' && Object.keys(value).length === 0),
  );
}

/** `hash` with the view under `key` replaced (a blank view removes it); other parts stay as they are. */
export function writeLinkedView(hash: string, key: string, view: LinkedView): string {
  const text = isBlank(view)
    ? undefined
    : `${PREFIX}${encodeURIComponent(key)}=${encodeURIComponent(JSON.stringify(view))}`;
  const kept: string[] = [];
  let placed = false;
  for (const part of parts(hash)) {
    if (partKey(part) !== key) kept.push(part);
    else if (text && !placed) {
      kept.push(text);
      placed = true;
    }
  }
  if (text && !placed) kept.push(text);
  return kept.length === 0 ? '' : `#${kept.join('&')}`;
}
