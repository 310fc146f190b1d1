import type { Aggregate } from '@stratex/core';
import type { RecordRow } from '../loaded-table';

/**
 * What a widget may ask of the page's data, and what it gets back. Widgets say what they
 * need in these terms; only `packages/data` turns a request into SQL.
 */

/** How a measure's values are combined within a group: core's one spelling. */
export type { Aggregate };

export interface Measure {
  column: string;
  aggregate: Aggregate;
  /** Name of the result column (default: the column's own name). */
  as?: string;
  /** Rounded to this many decimals, so that float noise does not reach the page. */
  digits?: number;
}

/**
 * The filter a selection implies: dimension column → the value chosen, compared as text
 * (the value as the export wrote it), every pair required.
 */
export type DimensionFilter = Readonly<Record<string, string>>;

export interface Ordering {
  column: string;
  descending?: boolean;
}

/**
 * Measures per combination of the `groupBy` dimensions, over the rows that match `filter`.
 * Dimensions come back as text. A `sum` over a column holding cells that do not read as
 * plain numbers returns those rows on their own, their cells as written, so the reader can
 * read them by the domain's rules (nothing is dropped); the other measures then come back
 * as text too.
 */
export interface AggregateRequest {
  kind: 'aggregate';
  /** Name of a source on the page (an `sx-data-source`, or a shared file source). */
  source: string;
  groupBy: readonly string[];
  measures: readonly Measure[];
  filter?: DimensionFilter;
  orderBy?: readonly Ordering[];
  limit?: number;
}

/**
 * The rows of a source: `columns` (default all), after `filter`. `as: 'text'` gives every
 * cell as text (dates and numbers as the engine writes them); `values` (default) as stored;
 * `cells` as core's cells (`Cell` of `@stratex/core`): a CSV's numbers (with their unit and
 * note), dates and periods as its typed twin read them, its text columns and every cell the
 * twin could not read as written; another source's numbers and dates from their types.
 */
export interface RowsRequest {
  kind: 'rows';
  source: string;
  columns?: readonly string[];
  filter?: DimensionFilter;
  orderBy?: readonly Ordering[];
  limit?: number;
  as?: 'text' | 'values' | 'cells';
}

/**
 * SQL a page author wrote (a widget's `query` attribute): the author's text, passed through
 * as it is and checked to be one read-only SELECT over the page's sources. `declared` names
 * sources the page holds that may not be defined yet; the query waits for those it names.
 */
export interface AuthorRequest {
  kind: 'author';
  sql: string;
  declared?: readonly string[];
}

export type DataRequest = AggregateRequest | RowsRequest | AuthorRequest;

/**
 * How a request was answered, for tests, profiles and benchmarks: `rows-typed` rows as cells
 * from a CSV's typed twin; `sum-typed` from a CSV's
 * typed twin; `sum-rejects` the same, with rows whose cells it could not read passed as
 * text; `sum-text` from text cells that are plain numbers (a source without a typed twin);
 * `aggregate` from columns stored as numbers; `pre-aggregate` from a materialised aggregate.
 */
export type AnswerPlan =
  | 'rows'
  | 'rows-typed'
  | 'sum-typed'
  | 'sum-rejects'
  | 'sum-text'
  | 'aggregate'
  | 'pre-aggregate'
  | 'author';

export interface DataResult {
  columns: string[];
  /** Shared with every other request answered alike: read them, never change them. */
  rows: readonly RecordRow[];
  plan: AnswerPlan;
  /** True when the answer came from the cache, with no engine call. */
  cached: boolean;
}

export type DataErrorCode =
  /** A request names a column the source does not have. */
  | 'unknown-column'
  /** A measure cannot be combined the way it was asked (say, `min` of text cells). */
  | 'unsupported'
  /** The source is not on the page, or failed to load (the cause says why). */
  | 'source'
  /** The author's SQL was refused or failed. */
  | 'author'
  /** The engine failed while answering. */
  | 'engine';

/** Why a request could not be answered, with a code a widget can act on. */
export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    message: string,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DataError';
  }
}
