import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openClickHouse } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import { postToClickHouse } from '../../../../../fixtures/scripts/cluster-facts';
import {
  dropClusterTable,
  insertNumberedFacts,
} from '../../../../../fixtures/scripts/numbered-facts';
import { clickhouseInstalled, SKIP_REASON, testCluster } from '../../clickhouse-cluster';

// A drill-through on a ClickHouse cluster: the first rows and the count come from the server,
// with no line numbers (its rows have no order to point at), and the totals are the figure's;
// an alert's rows (its days up to the as-of date) are counted and totalled by the server too.
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

  it('keeps an alert’s rows to its days: rows, count and totals from the server', async () => {
    const measures = [{ column: 'amount', aggregate: 'sum' as const, digits: 2 }];
    const filter = { region: '华南', channel: '线上' };
    const days = { column: 'date', through: '2024-08-15' };
    const answer = await engine.coordinator.drillThrough({
      source: 'cluster',
      filter,
      measures,
      days,
      columns: ['date', 'region', 'channel', 'amount'],
    });
    // Asked of the cluster by hand, over HTTP, as its own SQL.
    const byHand = async (where: string): Promise<string[]> =>
      (
        await postToClickHouse(
          cluster.shards[0]!,
          `SELECT count(), toString(sum(amount)) FROM ${TABLE} WHERE region = '华南' AND channel = '线上' AND ${where} FORMAT TabSeparated`,
        )
      )
        .trim()
        .split('\t');
    const [count, amount] = await byHand(`date <= toDate('2024-08-15')`);
    expect(answer).toMatchObject({ position: 'none', pageable: false });
    expect(answer.count).toBe(Number(count));
    expect(answer.count).toBeGreaterThan(0);
    expect(answer.totals.amount).toBe(Number(amount));
    expect(answer.rows.length).toBe(Math.min(50, answer.count));
    for (const row of answer.rows) {
      const day = row.cells[0];
      const text = day && typeof day === 'object' && day.kind === 'date' ? day.value : '';
      expect(text).toMatch(/^2024-0[78]-\d\d$/);
      expect(text <= '2024-08-15').toBe(true);
      expect(row.cells.slice(1, 3)).toEqual(['华南', '线上']);
    }
    // From a first day too: fewer rows, the server's own count.
    const august = await engine.coordinator.drillThrough({
      source: 'cluster',
      filter,
      measures,
      days: { ...days, from: '2024-08-01' },
    });
    const [inAugust] = await byHand(`date BETWEEN toDate('2024-08-01') AND toDate('2024-08-15')`);
    expect(august.count).toBe(Number(inAugust));
    expect(august.count).toBeLessThan(answer.count);
  });
});

if (!clickhouseInstalled) console.info(SKIP_REASON);
