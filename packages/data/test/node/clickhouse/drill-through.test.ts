import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openClickHouse } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import {
  dropClusterTable,
  insertNumberedFacts,
} from '../../../../../fixtures/scripts/numbered-facts';
import { clickhouseInstalled, SKIP_REASON, testCluster } from '../../clickhouse-cluster';

// A drill-through on a ClickHouse cluster: the first rows and the count come from the server,
// with no line numbers (its rows have no order to point at), and the totals are the figure's.
const TABLE = 'facts_drill';
const cluster = testCluster('drill');
let engine: Engine;

describe.skipIf(!clickhouseInstalled)('drill-through on a ClickHouse cluster', () => {
  beforeAll(async () => {
    cluster.start();
    await insertNumberedFacts(cluster.shards, TABLE, 20_000);
    engine = nativeEngine();
    await engine.defineRemoteSource('cluster', TABLE, () =>
      openClickHouse({ url: cluster.shards[0] ?? '', user: 'stratex_reader' }),
    );
  }, 300_000);

  afterAll(async () => {
    await engine?.close();
    if (clickhouseInstalled) {
      await dropClusterTable(cluster.shards, TABLE).catch(() => undefined);
      cluster.stop();
    }
  });

  it('gives the first rows, the count and the figure’s totals, and says it has no lines', async () => {
    const measures = [{ column: 'amount', aggregate: 'sum' as const, digits: 6 }];
    const filter = { region: '华东' };
    const [figure] = (
      await engine.coordinator.request({
        kind: 'aggregate',
        source: 'cluster',
        groupBy: [],
        measures: [...measures, { column: 'amount', aggregate: 'count', as: 'rows' }],
        filter,
      })
    ).rows;
    const answer = await engine.coordinator.drillThrough({
      source: 'cluster',
      filter,
      measures,
      columns: ['region', 'product_line', 'amount'],
      offset: 100,
    });
    expect(answer).toMatchObject({ position: 'none', pageable: false, offset: 0 });
    expect(answer.count).toBe(Number(figure!.rows));
    expect(answer.totals.amount).toBe(Number(figure!.amount));
    expect(answer.rows).toHaveLength(50);
    for (const row of answer.rows) {
      expect(row.position).toBeNull();
      expect(row.written).toBeUndefined();
      expect(row.cells[0]).toBe('华东');
    }
  });
});

if (!clickhouseInstalled) console.info(SKIP_REASON);
