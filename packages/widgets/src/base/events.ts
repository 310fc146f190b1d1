/** Event names, bubbling and composed, that pages listen for. */
export const SX_SELECT = 'sx-select';
export const SX_DATA_LOAD = 'sx-data-load';
export const SX_DATA_ERROR = 'sx-data-error';
export const SX_WHAT_IF = 'sx-what-if';
/** Cancelable: a page that calls `preventDefault()` opens its own view of the rows instead. */
export const SX_DRILL_THROUGH = 'sx-drill-through';

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

export interface SxDrillThroughDetail {
  source: string;
  /** Every filter in force, column → value: the figure's own values, the drill path, other widgets' choices. */
  filters: Readonly<Record<string, string>>;
  /** The figure's measure columns, summed over the rows behind it (none for a figure that counts rows). */
  metric: readonly string[];
  /** The figure: its words as shown, and its own dimension values (e.g. `{ 区域: '华东' }`). */
  figure: { label: string; values: Readonly<Record<string, string>> };
  /** The days the figure counts, when not every day: an alert's, up to its as-of date (ISO days, `from` included when given). */
  days?: { column: string; from?: string | undefined; through: string };
}

export function emit<T>(target: EventTarget, name: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}
