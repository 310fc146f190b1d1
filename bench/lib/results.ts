// The shape of bench/results/latest.json.

import type { CoiResult } from '../cases/coi.ts';
import type { DrillResult } from '../cases/drill.ts';
import type { DrillBrowserResult } from '../cases/drill-browser.ts';
import type { LineNumbersResult } from '../cases/line-numbers.ts';
import type { WhatIfResult } from '../cases/what-if.ts';

export type Contestant =
  'stratex' | 'stratex-before' | 'duckdb-wasm-raw' | 'perspective' | 'arquero' | 'duckdb-native';

export const CONTESTANTS: readonly Contestant[] = [
  'stratex',
  'stratex-before',
  'duckdb-wasm-raw',
  'perspective',
  'arquero',
  'duckdb-native',
];

/** The figures a contestant computed, so that a contestant that computes less is caught. */
export interface Check {
  groups: number;
  target: number;
  actual: number;
}

export interface CaseResult {
  case:
    | 'portal-cold'
    | 'portal-warm'
    | 'treemap'
    | 'interaction'
    | 'interaction-cold'
    | 'interaction-answered'
    | 'interaction-repeat'
    | 'tracker'
    | 'tracker-draw';
  rows: number | null;
  format: 'csv' | 'parquet' | null;
  contestant: Contestant;
  median_ms: number;
  p95_ms: number;
  runs: number;
  /** Every measured run, warm-up excluded, in milliseconds. */
  samples_ms: number[];
  check?: Check;
  /** Measured runs that failed (a hang past the time limit, a crash): left out of the figures. */
  failed_runs?: number;
  /** Peak resident memory of the page's renderer process (worker included), in MB. */
  peak_rss_mb?: number;
  note?: string;
}

export interface CheckResult {
  rows: number;
  format: 'csv' | 'parquet';
  agree: boolean;
  detail: Partial<Record<Contestant, Check>>;
}

export interface Sizes {
  stratex: {
    first_load_js_gzip_bytes: number;
    engine_js_gzip_bytes: number;
    duckdb_wasm_bytes: number;
    duckdb_wasm_gzip_bytes: number;
    parquet_wasm_bytes: number;
  };
  contestants: Partial<Record<Contestant, { js_gzip_bytes: number; wasm_bytes: number }>>;
}

export interface Memory {
  rows: number;
  format: 'csv' | 'parquet';
  widgets: number;
  peak_js_heap_mb: number;
  peak_renderer_rss_mb: number;
  /** Largest summed resident memory of the browser's process tree seen while loading, in MB. */
  peak_tree_rss_mb?: number;
  workers: number;
  /** The same file through DuckDB-WASM by hand, one GROUP BY, in the same run. */
  baseline_peak_renderer_rss_mb: number;
  baseline_peak_tree_rss_mb?: number;
}

export type ClusterInteraction = 'first view' | 'drill-down' | 'cross-filter' | 'all';

/** One interaction on one engine at one size, in the ClickHouse case. */
export interface ClusterTiming {
  rows: number;
  interaction: ClusterInteraction;
  engine: 'clickhouse' | 'duckdb-server';
  median_ms: number;
  p95_ms: number;
  runs: number;
  /** Every measured interaction, warm-up excluded, in milliseconds. */
  samples_ms: number[];
  /** Median response body bytes per interaction as they came over HTTP (gzip where the server compresses). */
  wire_bytes: number;
  /** The same bodies decoded. */
  decoded_bytes: number;
}

/** The ClickHouse case: a two-shard cluster beside the DuckDB query server, the same facts. */
export interface ClusterResults {
  /** Why the case did not run, when it did not (no clickhouse-server here). */
  skipped?: string;
  shards: number;
  /** The machine's load average when the case began. */
  load_average: number[];
  load: {
    rows: number;
    insert_s: number;
    parquet_s: number;
    parquet_bytes: number;
    server_load_s: number;
  }[];
  timings: ClusterTiming[];
  /** Whether every answer's figures agreed between the engines, per size. */
  agree: { rows: number; agree: boolean; detail?: string }[];
}

/** One format's loads in the workbook case. */
export interface WorkbookRuns {
  median_ms: number;
  p95_ms: number;
  samples_ms: number[];
  /** Peak resident memory of the page's renderer process (worker included), in MB. */
  peak_rss_mb: number;
  file_bytes: number;
  check: Check;
}

/** Navigation → treemap from a workbook of the sales rows, and from the same rows as CSV. */
export interface WorkbookResult {
  rows: number;
  xlsx: WorkbookRuns;
  csv: WorkbookRuns;
  /** The workbook's median ÷ the CSV's, in the same run. */
  ratio: number;
  /** Whether both drew the same groups and sums. */
  agree: boolean;
}

export interface BenchResults {
  date: string;
  commit: string;
  machine: string;
  mode: 'quick' | 'full';
  cases: CaseResult[];
  checks: CheckResult[];
  /** Absent when no browser case ran (`--only clickhouse`). */
  sizes?: Sizes;
  memory: Memory;
  clickhouse?: ClusterResults;
  /** One treemap on the largest Parquet file of the run (full run only). */
  large_memory?: Memory;
  /** A 1M-row CSV loaded with and without each row's line, in turn. */
  line_numbers?: LineNumbersResult;
  /** Drill-through panel opens at 1M rows, CSV and Parquet, beside DuckDB-WASM by hand. */
  drill?: DrillResult;
  /** The same opens in headless Chromium, panel drawn, beside DuckDB-WASM by hand on the page's worker. */
  drill_browser?: DrillBrowserResult;
  /** Treemap + scorecard + alerts redrawn after a what-if edit on 1,000 leaves. */
  what_if?: WhatIfResult;
  /** The treemap from a 1M-row workbook ÷ the same rows as CSV. */
  workbook?: WorkbookResult;
  /** The 1M CSV and Parquet with the threaded build (cross-origin isolated page) ÷ without. */
  coi?: CoiResult;
  /** The earlier build measured as `stratex-before` (`--before REV`): the revision as given and its commit. */
  before?: { rev: string; commit: string };
}
