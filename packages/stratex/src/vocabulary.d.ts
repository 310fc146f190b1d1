// The shared words of the elements' properties and events, as a page sees them. The element
// declarations beside this file are generated from custom-elements.json and name these types.

/** Detail of `sx-select`: the dimension values chosen, or null when the choice was cleared. */
export interface SxSelectDetail {
  source: string;
  /** Dimension column → chosen value; null when the selection was cleared. */
  selection: Readonly<Record<string, string>> | null;
}

/**
 * Detail of `sx-drill-through` (cancelable): the rows behind a figure are about to open in a
 * panel; a page that calls `preventDefault()` opens its own view instead.
 */
export interface SxDrillThroughDetail {
  source: string;
  /** Every filter in force, column → value: the figure's own values, the drill path, other widgets' choices. */
  filters: Readonly<Record<string, string>>;
  /** The figure's measure columns, summed over the rows behind it (none for a figure that counts rows). */
  metric: readonly string[];
  /** The figure: its words as shown, and its own dimension values (e.g. `{ 区域: '华东' }`). */
  figure: { label: string; values: Readonly<Record<string, string>> };
}

/** Detail of `sx-data-load`: rows were read. */
export interface SxDataLoadDetail {
  source: string;
  rowCount: number;
  columns: string[];
}

/** Detail of `sx-data-error`: rows could not be read, in words a business user understands. */
export interface SxDataErrorDetail {
  source: string;
  message: string;
  detail?: string;
}

/** `sx-data-load` from `sx-data-source`: also whether it was a refresh or a reload after a crash. */
export interface SxSourceLoadDetail extends SxDataLoadDetail {
  refreshed: boolean;
  recovered: boolean;
  /** A CSV's load report: every line of the file is in the table or counted here. */
  report?: LoadReportDetail;
}

/** How a CSV was read: the rows in the table and every line left out, counted by reason. */
export interface LoadReportDetail {
  rows: number;
  rejected: { rows: number; cells: number };
  skipped: { titleRows: number; repeatedHeaders: number; blankRows: number };
  headerLine: number | null;
  delimiter: string;
  encoding: string;
  notes: string[];
}

/** `sx-data-error` from `sx-data-source`: since when the shown data is stale, if it is. */
export interface SxSourceErrorDetail extends SxDataErrorDetail {
  staleSince?: string;
}

/** One row given through a widget's `data` property. */
export type RecordRow = Record<string, unknown>;

/** An Arrow table (apache-arrow's `Table`), as a widget's `data` property reads it. */
export interface ArrowLike {
  readonly schema: {
    readonly fields: readonly {
      readonly name: string;
      readonly type: { readonly typeId: number };
    }[];
  };
  readonly numRows: number;
  getChildAt(index: number): { get(index: number): unknown } | null;
}

/** Where a widget is in its data lifecycle. */
export type Phase = 'loading' | 'ready' | 'error';

/** Where a source is: `stale` keeps the last good data after a failed refresh. */
export type SourceState = 'loading' | 'ready' | 'stale' | 'error';

/** A source's `format`; `auto` detects it. */
export type FormatChoice = 'csv' | 'parquet' | 'arrow' | 'xlsx' | 'auto';

/** A source's or widget's `encoding` of CSV text; `auto` detects it. */
export type EncodingChoice =
  'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'utf-16' | 'utf-16le' | 'utf-16be';

/** The progress tracker's `sort`. */
export type TaskOrder = 'table' | 'end' | 'lag' | 'owner';

/** The variance alerts' `target-rows`: a target per period, or a share of the whole. */
export type TargetRows = 'period' | 'share';

/** A source's live loader, which the widgets on the page read; pages only look at its state. */
export interface LiveSource {
  readonly state: SourceState;
}
