/** Event names, bubbling and composed, that pages listen for. */
export const SX_SELECT = 'sx-select';
export const SX_DATA_LOAD = 'sx-data-load';
export const SX_DATA_ERROR = 'sx-data-error';
export const SX_WHAT_IF = 'sx-what-if';

export interface SxDataLoadDetail {
  source: string;
  rowCount: number;
  columns: string[];
}

export interface SxSelectDetail {
  source: string;
  /** Dimension column → chosen value; null when the selection was cleared. */
  selection: Readonly<Record<string, string>> | null;
}

export interface SxDataErrorDetail {
  source: string;
  message: string;
  detail?: string;
}

/** A what-if edit applied, undone or reset: the edits in force and every target they moved. */
export interface SxWhatIfDetail {
  source: string;
  /** The edits in force, first to last: a tile's path, its new target, where the difference came from. */
  edits: { path: readonly string[]; target: number; from: 'siblings' | 'reserve' | 'total' }[];
  /** Every tile whose target differs from the source's, top first. */
  changes: { path: readonly string[]; before: number; after: number }[];
  /** The contingency reserve before and after, when the page set one. */
  reserve: { before: number; after: number } | null;
}

export function emit<T>(target: EventTarget, name: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}
