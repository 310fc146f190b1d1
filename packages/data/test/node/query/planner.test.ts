import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRecords } from '../../engine-helpers';
import { valueCell } from '@stratex/core';
import type { AggregateRequest, DataRequest, Engine, RowsRequest } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import { AggregateBatcher } from '../../../src/query/batching';
import { duckdbDialect } from '../../../src/query/dialect';
import { Planner } from '../../../src/query/planner';
import { SourceVersions } from '../../../src/query/source-versions';
import { sorted } from './database';

// The same small CSV read in JS by one engine and put in the database by the other.
const TARGETS = new TextEncoder().encode(
  '区域,渠道,目标值,人数\n华东,直销,100,3\n华东,渠道,500万元,2\n华北,直销,"1,200",4\n' +
    '华北,渠道,待定,1\n华南,直销,300,5\n华南,渠道,400,\n',
);
const inJs = nativeEngine();
const inDatabase = nativeEngine({ inMemoryCsvBytes: 0 });

// 240 orders given by script: columns stored typed, no CSV twin.
const ORDERS = Array.from({ length: 240 }, (_, i) => ({
  region: ['华东', '华北', '华南'][i % 3]!,
  channel: ['直销', '渠道'][i % 2]!,
  amount: (i % 7) + 0.25,
}));
const orders = nativeEngine({ inMemoryCsvBytes: 0 });

beforeAll(async () => {
  for (const engine of [inJs, inDatabase])
    await engine.defineSource('targets', { bytes: TARGETS, format: 'csv' }).ready;
  await loadRecords(orders, 'orders', ORDERS);
});
afterAll(() => Promise.all([inJs, inDatabase, orders].map((engine) => engine.close())));

/** A planner over `engine`'s sources, using pre-aggregates from `from` rows up. */
function plannerOn(engine: Engine, from = Infinity) {
  const versions = new SourceVersions(engine, duckdbDialect, 64);
  const planner = new Planner(new AggregateBatcher(), from);
  return async (request: RowsRequest | AggregateRequest) =>
    planner.answer(await versions.of(request.source), request);
}

describe('the planner', () => {
  const requests: (RowsRequest | AggregateRequest)[] = [
    { kind: 'rows', source: 'targets' },
    {
      kind: 'rows',
      source: 'targets',
      columns: ['渠道', '目标值'],
      filter: { 区域: '华北' },
      orderBy: [{ column: '目标值', descending: true }],
      limit: 1,
      as: 'text',
    },
    { kind: 'rows', source: 'targets', columns: ['区域', '人数'], as: 'cells' },
    {
      kind: 'aggregate',
      source: 'targets',
      groupBy: ['渠道'],
      measures: [{ column: '人数', aggregate: 'sum' }],
    },
    {
      kind: 'aggregate',
      source: 'targets',
      groupBy: ['区域'],
      measures: [
        { column: '人数', aggregate: 'avg', digits: 3 },
        { column: '目标值', aggregate: 'count', as: 'n' },
      ],
    },
    {
      kind: 'aggregate',
      source: 'targets',
      groupBy: ['区域'],
      measures: [{ column: '目标值', aggregate: 'sum', digits: 6 }],
      filter: { 渠道: '渠道' },
    },
  ];

  it.each(requests.map((request) => [JSON.stringify(request), request] as const))(
    "lets a small CSV's JS table answer, as the database does: %s",
    async (_, request) => {
      const answerInJs = plannerOn(inJs);
      const answerInDatabase = plannerOn(inDatabase);
      const sent = vi.spyOn(inJs, 'records');
      try {
        const fromJs = await answerInJs(request);
        expect(sent).not.toHaveBeenCalled();
        const fromDatabase = await answerInDatabase(request);
        expect(fromJs.plan).toBe(fromDatabase.plan);
        expect(fromJs.columns).toEqual(fromDatabase.columns);
        expect(sorted(fromJs.rows)).toEqual(sorted(fromDatabase.rows));
        expect(fromJs.rows.length).toBeGreaterThan(0);
      } finally {
        sent.mockRestore();
      }
    },
  );

  it('reads a CSV as cells and keeps unread cells apart from its sums', async () => {
    const answer = plannerOn(inDatabase);
    const cells = await answer(requests[2] as RowsRequest);
    expect(cells.plan).toBe('rows-typed');
    expect(cells.rows).toContainEqual({
      区域: '华东',
      人数: { kind: 'number', value: 3, unit: 'number', raw: '3' },
    });
    expect(cells.rows).toContainEqual({ 区域: '华南', 人数: null });
    const sums = await answer(requests[5] as AggregateRequest);
    expect(sums.plan).toBe('sum-rejects');
    expect(sorted(sums.rows)).toEqual(
      sorted([
        { 区域: '华东', 目标值: '5000000.0' },
        { 区域: '华北', 目标值: '待定' },
        { 区域: '华南', 目标值: '400.0' },
      ]),
    );
  });

  it('asks a pre-aggregate for a filtered aggregate once a source is large enough', async () => {
    const request: AggregateRequest = {
      kind: 'aggregate',
      source: 'orders',
      groupBy: ['channel'],
      measures: [{ column: 'amount', aggregate: 'sum', digits: 6 }],
      filter: { region: '华东' },
    };
    const raw = await plannerOn(orders, ORDERS.length + 1)(request);
    expect(raw.plan).toBe('aggregate');
    const answer = plannerOn(orders, ORDERS.length);
    const cubed = await answer(request);
    expect(cubed.plan).toBe('pre-aggregate');
    expect(sorted(cubed.rows)).toEqual(sorted(raw.rows));
    const expected = await orders.records(
      "SELECT channel, ROUND(SUM(amount), 6) AS amount FROM sx_orders WHERE region = '华东' GROUP BY channel",
    );
    expect(sorted(cubed.rows)).toEqual(sorted(expected));
    // An average does not roll up: the database answers it.
    const mean = await answer({
      ...request,
      measures: [{ column: 'amount', aggregate: 'avg', digits: 6 }],
    });
    expect(mean.plan).toBe('aggregate');
  });

  it('sums plain-number text in the database and refuses other measures of text', async () => {
    const engine = nativeEngine();
    try {
      await loadRecords(engine, 'plain', [
        { 区域: '华东', 目标值: '1,200' },
        { 区域: '华东', 目标值: '500万元' },
        { 区域: '华东', 目标值: '' },
      ]);
      const answer = plannerOn(engine);
      const request: AggregateRequest = {
        kind: 'aggregate',
        source: 'plain',
        groupBy: ['区域'],
        measures: [{ column: '目标值', aggregate: 'sum' }],
      };
      const sums = await answer(request);
      expect(sums.plan).toBe('sum-text');
      expect(sorted(sums.rows)).toEqual(
        sorted([
          { 区域: '华东', 目标值: '1200.0' },
          { 区域: '华东', 目标值: '500万元' },
        ]),
      );
      await expect(
        answer({ ...request, measures: [{ column: '目标值', aggregate: 'max' }] }),
      ).rejects.toMatchObject({ code: 'unsupported' });
      const cells = await answer({
        kind: 'rows',
        source: 'plain',
        as: 'cells',
        filter: { 目标值: '1,200' },
      });
      expect(cells).toMatchObject({ plan: 'rows', rows: [{ 区域: '华东', 目标值: '1,200' }] });
    } finally {
      await engine.close();
    }
  });

  it('reads stored numbers as cells from their column types', async () => {
    const answer = plannerOn(orders);
    const cells = await answer({
      kind: 'rows',
      source: 'orders',
      columns: ['amount'],
      as: 'cells',
      orderBy: [{ column: 'amount' }],
      limit: 1,
    });
    expect(cells).toMatchObject({ plan: 'rows', rows: [{ amount: valueCell(0.25) }] });
  });

  it('names the columns a request asks for that the source lacks', async () => {
    const answer = plannerOn(inJs);
    const asks: DataRequest[] = [
      { kind: 'rows', source: 'targets', columns: ['区域', '省份'] },
      { kind: 'rows', source: 'targets', filter: { 城市: '上海' } },
      {
        kind: 'aggregate',
        source: 'targets',
        groupBy: ['省份'],
        measures: [{ column: '目标值', aggregate: 'sum' }],
      },
    ];
    for (const ask of asks) {
      await expect(answer(ask as RowsRequest | AggregateRequest)).rejects.toMatchObject({
        code: 'unknown-column',
        message: expect.stringMatching(/"(省份|城市)"/),
      });
    }
  });
});
