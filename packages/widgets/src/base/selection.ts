import { type Cell, cellText } from '@stratex/core';

/** What a person chose in one widget: dimension column → value, e.g. `{ 区域: '华东' }`. */
export type Selection = Readonly<Record<string, string>>;

export interface SelectionChange {
  source: string;
  selection: Selection | null;
  /** The element that made the choice (it highlights; the others filter). */
  origin: Element | null;
}

type Listener = (change: SelectionChange) => void;

/**
 * Cross-filtering between widgets that share a source: one current selection per source.
 * Choosing the same thing again clears it.
 */
export class SelectionBus {
  readonly #current = new Map<string, SelectionChange>();
  readonly #listeners = new Set<Listener>();

  current(source: string): SelectionChange | undefined {
    return this.#current.get(source);
  }

  /** Sets the selection for `source`, or clears it when it equals the current one. */
  toggle(source: string, selection: Selection | null, origin: Element | null): SelectionChange {
    const previous = this.#current.get(source)?.selection ?? null;
    const next = selection && previous && sameSelection(previous, selection) ? null : selection;
    const change: SelectionChange = { source, selection: next, origin };
    if (next) this.#current.set(source, change);
    else this.#current.delete(source);
    for (const listener of this.#listeners) listener(change);
    return change;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** True when two selections choose the same values of the same columns. */
export function sameSelection(a: Selection, b: Selection): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The text a selection compares a cell by: its text as written (a cell the loader read, its raw text). */
function selectionText(value: unknown): string {
  return value !== null && typeof value === 'object' ? cellText(value as Cell) : String(value);
}

/** Keeps the rows that match every column of `selection`; a row without one of them does not match. */
export function keepChosen<T extends Record<string, unknown>>(
  rows: readonly T[],
  selection: Selection,
): readonly T[] {
  const chosen = Object.entries(selection);
  if (chosen.length === 0) return rows;
  return rows.filter((row) =>
    chosen.every(([column, value]) => column in row && selectionText(row[column]) === value),
  );
}

const busKey = Symbol.for('stratex.selection');
type PageGlobal = typeof globalThis & { [busKey]?: SelectionBus };

/** The page's one selection bus. */
export function pageSelection(): SelectionBus {
  const page = globalThis as PageGlobal;
  page[busKey] ??= new SelectionBus();
  return page[busKey];
}
