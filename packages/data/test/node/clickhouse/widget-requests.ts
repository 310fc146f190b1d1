// What the widgets ask of a ClickHouse source, written once for every test that checks a
// server's answers against another engine's: the treemap's, the scorecard's and the variance
// alerts' SQL as the coordinator renders it, the coordinator's own requests, and the treemap's
// and the scorecard's request builders with the selections a page makes.
import { buildScorecard, type TargetNode } from '@stratex/core';
import type { Table } from 'apache-arrow';
import { expect } from 'vitest';
import type { DataRequest, Engine, LoadedTable, RecordRow } from '@stratex/data';
import type { Ordering } from '../../../src/query/contract';
import type { Dialect } from '../../../src/query/dialect';
import { renderAggregate } from '../../../src/query/render';
import type { FactLevel } from '../../../../../fixtures/scripts/cluster-facts';
import {
  buildBreakdown,
  readSettings,
  resolveBreakdown,
  tilesOf,
} from '../../../../widgets/src/target-treemap/breakdown';
import { engineFilter } from '../../../../widgets/src/base/client';
import { breakdownClient } from '../../../../widgets/src/target-treemap/request';
import { scorecardClient } from '../../../../widgets/src/scorecard/request';

export type Row = Record<string, unknown>;

export const rowsOf = (table: Table): Row[] =>
  table.toArray().map((row: { toJSON(): Row }) => row.toJSON());

/**
 * What the treemap, the scorecard and the variance alerts ask of a large source, rendered in a
 * dialect as the coordinator renders it: the figures summed per levels (per day for the
 * alerts), rounded as they ask, in the order they ask.
 */
export const summedQuery = (
  dialect: Dialect,
  table: string,
  columns: { levels: readonly string[]; target: string; actual: string },
  filter: Record<string, string> = {},
  orderBy?: readonly Ordering[],
) =>
  renderAggregate(dialect, {
    table,
    groupBy: columns.levels,
    measures: [columns.target, columns.actual].map((column) => ({
      column,
      aggregate: 'sum' as const,
      name: column,
      digits: 6,
    })),
    filter,
    orderBy,
  });

/** The treemap's views: levels shown and the filter a drill-down or a cross-filter adds. */
export const TREEMAP_VIEWS: {
  name: string;
  levels: FactLevel[];
  filter: Partial<Record<FactLevel, string>>;
}[] = [
  { name: 'grand total', levels: [], filter: {} },
  { name: 'regions', levels: ['region'], filter: {} },
  { name: 'region × product line', levels: ['region', 'product_line'], filter: {} },
  {
    name: 'drill-down into 华东',
    levels: ['product_line', 'customer_type'],
    filter: { region: '华东' },
  },
  { name: 'cross-filtered by channel 直销', levels: ['region'], filter: { channel: '直销' } },
];

/** The variance alerts' series: per day and metric (here the region), cross-filtered by a channel. */
export const ALERT_SERIES = {
  columns: { levels: ['date', 'region'], target: 'target_share', actual: 'amount' },
  filter: { channel: '直销' },
  orderBy: [{ column: 'date' }, { column: 'region' }],
};

/** Requests a page's widgets send through the coordinator (source left to the caller). */
export const COORDINATOR_REQUESTS: Omit<Extract<DataRequest, { kind: 'aggregate' }>, 'source'>[] = [
  {
    kind: 'aggregate',
    groupBy: ['region', 'product_line'],
    measures: [
      { column: 'target_share', aggregate: 'sum', digits: 2 },
      { column: 'amount', aggregate: 'sum', digits: 2 },
    ],
  },
  {
    kind: 'aggregate',
    groupBy: ['product_line'],
    measures: [
      { column: 'amount', aggregate: 'sum', digits: 2 },
      { column: 'amount', aggregate: 'count', as: 'orders' },
      { column: 'amount', aggregate: 'min', as: 'smallest' },
      { column: 'amount', aggregate: 'max', as: 'largest' },
    ],
    filter: { region: '华东', channel: '直销' },
  },
  {
    kind: 'aggregate',
    groupBy: ['channel'],
    measures: [
      { column: 'target_share', aggregate: 'max' },
      { column: 'target_share', aggregate: 'count', as: 'rows' },
    ],
    filter: { customer_type: '中小企业' },
    orderBy: [{ column: 'channel', descending: true }],
  },
  {
    kind: 'aggregate',
    groupBy: [],
    measures: [{ column: 'amount', aggregate: 'sum', digits: 2 }],
    filter: { region: '华北' },
  },
];

/** The average the scorecard's weights ask for, per customer type. */
export const AVERAGE_REQUEST = {
  kind: 'aggregate' as const,
  groupBy: ['customer_type'],
  measures: [{ column: 'amount', aggregate: 'avg' as const }],
};

/** The drill-through's first rows. */
export const ROWS_REQUEST = {
  kind: 'rows' as const,
  columns: ['region', 'channel', 'amount'],
  filter: { product_line: '数据平台' },
  orderBy: [{ column: 'amount', descending: true }],
  limit: 5,
};

/** Selections a page makes, under which the treemap asks again. */
export const TREEMAP_SELECTIONS: { name: string; selection: Record<string, string> | null }[] = [
  { name: 'no selection', selection: null },
  { name: 'cross-filtered by channel 直销', selection: { channel: '直销' } },
  { name: 'cross-filtered by channel 线上', selection: { channel: '线上' } },
  { name: 'cross-filtered by a day', selection: { date: '2024-08-15' } },
];

/** Scorecards a page shows, each by a dimension, with the selection made elsewhere on the page. */
export const SCORECARDS: {
  name: string;
  dimension: string;
  selection: Record<string, string> | null;
}[] = [
  { name: 'by region', dimension: 'region', selection: null },
  { name: 'by channel', dimension: 'channel', selection: null },
  {
    name: 'by channel, 华东 chosen in the treemap',
    dimension: 'channel',
    selection: { region: '华东' },
  },
  {
    name: 'by product line, a tile two levels down chosen',
    dimension: 'product_line',
    selection: { region: '西南', customer_type: '政府及事业单位' },
  },
];

/** Every cell of an answer as text, for the domain to read as it reads an export. */
export const asText = (rows: readonly RecordRow[]): Record<string, string | null>[] =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value === null || value === undefined ? null : String(value),
      ]),
    ),
  );

/** Every tile the treemap can show, at every drill level: its path, target, actual and rate. */
export interface TileFigures {
  path: string;
  target: number | null;
  actual: number | null;
  rate: number | null;
}

const TREEMAP_ATTRIBUTES = {
  levels: 'region,product_line,customer_type',
  target: 'target_share',
  actual: 'amount',
};

/** How a test sends a widget's request: by default straight to the engine's coordinator. */
export type Ask = (request: DataRequest) => Promise<readonly RecordRow[]>;

const coordinatorOf =
  (engine: Engine): Ask =>
  async (request) =>
    (await engine.coordinator.request(request)).rows;

/** The treemap's own request on `source` under `selection`, and every tile it draws, by path. */
export async function treemapTiles(
  engine: Engine,
  source: string,
  table: LoadedTable,
  selection: Record<string, string> | null,
  ask: Ask = coordinatorOf(engine),
): Promise<TileFigures[]> {
  const settings = readSettings(TREEMAP_ATTRIBUTES);
  const { columns: figures, missing } = resolveBreakdown(table.columns, settings.request);
  expect(missing).toEqual([]);
  if (!figures) throw new Error('the breakdown’s columns were not found');
  const client = breakdownClient(source, figures);
  const request = client.request(engineFilter(table.columns, client, selection));
  expect(request.kind).toBe('aggregate');
  const rows = await ask(request);
  const breakdown = buildBreakdown(asText(rows), figures, settings.totalTarget);
  expect(breakdown.unreadable).toEqual([]);
  const tiles: TileFigures[] = [];
  const visit = (node: TargetNode): void => {
    for (const tile of tilesOf(node, breakdown.splits, settings.measure)) {
      tiles.push({
        path: tile.node.path.join(' / '),
        target: tile.node.target,
        actual: tile.node.actual,
        rate: tile.measure.rate,
      });
      visit(tile.node);
    }
  };
  visit(breakdown.tree.root);
  // Tiles of equal target keep the order the engine's rows came in: compare by path.
  return tiles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The scorecard's own request on `source` by `dimension` under `selection`, and the card it draws. */
export async function scorecardOf(
  engine: Engine,
  source: string,
  table: LoadedTable,
  dimension: string,
  selection: Record<string, string> | null,
  ask: Ask = coordinatorOf(engine),
): Promise<ReturnType<typeof buildScorecard>> {
  const overrides = { dimension, target: 'target_share', actual: 'amount' };
  const client = scorecardClient(source, table, overrides);
  const request = client.request(engineFilter(table.columns, client, selection));
  expect(request.kind).toBe('aggregate');
  const rows = await ask(request);
  return buildScorecard(asText(rows), { overrides, lang: 'zh-CN' });
}
