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
  /** The days the figure counts, when not every day: an alert's, up to its as-of date (ISO days, `from` included when given). */
  days?: { column: string; from?: string | undefined; through: string };
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

/** How urgent a raised alert is. */
export type AlertLevel = 'warning' | 'critical';

/** What an alert is about: a KPI against its pace, a task behind plan, or a budget line. */
export type AlertKind = 'kpi' | 'task' | 'budget';

/** Detail of `sx-alert-cleared`: which alert no longer stands. */
export interface SxAlertClearedDetail {
  /** Stable for (kind, metric, path, period): `kpi:销售额@2024-07-01/2024-09-30`. */
  id: string;
  /** The widget's series: its source name, its file, `query` or `data`. */
  source: string;
  kind: AlertKind;
  /** The KPI's name as the export writes it; `progress` for a task; `spent` or `contingency` for a budget line. */
  metric: string;
  /** The task or the budget module the alert is about; empty for a KPI of the whole series. */
  path: string[];
  /** The period judged, as an ISO interval `start/end`. */
  period: string;
}

/** Detail of `sx-alert`: an alert raised, or its level changed; its figures and the widget's sentence. */
export interface SxAlertDetail extends SxAlertClearedDetail {
  level: AlertLevel;
  /** The level raised before (null when new): lower when it rose, higher when it eased. */
  previous: AlertLevel | null;
  /** The day the figures are judged at (ISO), when known. */
  asOf: string | null;
  value: number | null;
  expected: number | null;
  /** value ÷ expected (the other way round when lower is better); spent ÷ budget. */
  ratio: number | null;
  unit: 'money' | 'count' | 'percent' | 'number';
  /** The alert's reason in the widget's language. */
  message: string;
}

/** Detail of `sx-what-if`: a what-if edit applied, undone or reset (nothing is written to the source). */
export interface SxWhatIfDetail {
  source: string;
  /** The edits in force, first to last: a tile's path, its new target, where the difference came from. */
  edits: { path: readonly string[]; target: number; from: 'siblings' | 'reserve' | 'total' }[];
  /** Every tile whose target differs from the source's, top first. */
  changes: { path: readonly string[]; before: number; after: number }[];
  /** The contingency reserve before and after, when the page set one. */
  reserve: { before: number; after: number } | null;
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

/** `sx-data-progress` from `sx-data-source`: how far a load has got, step by step. */
export interface SxSourceProgressDetail {
  source: string;
  /** `fetch` (downloading), `decode` (reading the file), `load` (handing rows to the engine). */
  phase: 'fetch' | 'decode' | 'load';
  bytesRead: number;
  /** The file's size, when the server said it. */
  totalBytes?: number;
  rowsLoaded?: number;
  totalRows?: number;
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
  /** True while a load can be cancelled. */
  readonly cancellable: boolean;
}
