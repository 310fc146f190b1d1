import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievement, buildScorecard } from '@stratex/core';
import type { DataRequest, Engine } from '@stratex/data';
import { NativeConnector, nativeEngine } from '@stratex/data/node';
import { ClickHouseConnector, ClickHouseError, clickhouseDialect } from '../../../src/clickhouse';
import { duckdbDialect } from '../../../src/query/dialect';
import { writeClusterFacts } from '../../../../../fixtures/scripts/clickhouse-facts';
import { exactSums, type FactLevel } from '../../../../../fixtures/scripts/cluster-facts';
import { clickhouseInstalled, SKIP_REASON, testCluster } from '../../clickhouse-cluster';
import {
  ALERT_SERIES,
  AVERAGE_REQUEST,
  COORDINATOR_REQUESTS,
  ROWS_REQUEST,
  type Row,
  rowsOf,
  summedQuery,
  TREEMAP_VIEWS,
} from './widget-requests';

const ROWS = 1_000_000;
const TABLE = 'sx_same_answers';
const cluster = testCluster('figures');

let folder: string;
let parquetFile: string;
let reader: ClickHouseConnector;
let duck: NativeConnector;

describe.skipIf(!clickhouseInstalled)(
  `ClickHouse cluster and native DuckDB give the same figures (${ROWS} rows)`,
  () => {
    beforeAll(async () => {
      cluster.start();
      folder = mkdtempSync(join(tmpdir(), 'stratex-ch-'));
      const facts = await writeClusterFacts({
        rows: ROWS,
        table: TABLE,
        shards: cluster.shards,
        outDir: folder,
      });
      parquetFile = facts.parquet;
      reader = new ClickHouseConnector({ url: cluster.shards[0] ?? '', user: 'stratex_reader' });
      duck = await NativeConnector.open();
      await duck.query(
        `CREATE VIEW ${TABLE} AS SELECT * FROM read_parquet('${facts.parquet.replaceAll("'", "''")}')`,
      );
    }, 300_000);

    afterAll(async () => {
      await duck?.close();
      cluster.stop();
      rmSync(folder, { recursive: true, force: true });
    });

    /** Each tile: its level values, target, actual and the core's achievement rate. */
    interface Tile {
      key: string;
      target: number;
      actual: number;
      rate: number | null;
    }
    const tiles = (rows: Row[], levels: readonly string[]): Tile[] =>
      rows
        .map((row) => {
          const target = Number(row.target_share);
          const actual = Number(row.amount);
          return {
            key: levels.map((level) => String(row[level])).join(' / '),
            target,
            actual,
            rate: achievement(target, actual).rate,
          };
        })
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    /** The same figures summed in whole fen straight from the generator: the truth. */
    function truth(
      levels: readonly FactLevel[],
      filter: Partial<Record<FactLevel, string>>,
    ): Tile[] {
      const sums = exactSums(ROWS, levels, filter);
      return tiles(
        [...sums].map(([key, sum]) => ({
          ...Object.fromEntries(levels.map((level, i) => [level, key.split(' / ')[i]])),
          target_share: sum.targetFen / 100,
          amount: sum.actualFen / 100,
        })),
        levels,
      );
    }

    it.each(TREEMAP_VIEWS)(
      'treemap figures, $name: every tile identical',
      async ({ levels, filter }) => {
        const columns = { levels, target: 'target_share', actual: 'amount' };
        const where = filter as Record<string, string>;
        const widgetSql = summedQuery(duckdbDialect, TABLE, columns, where);
        // The coordinator's own rendering, in ClickHouse's dialect, on the cluster.
        const onCluster = summedQuery(clickhouseDialect, TABLE, columns, where);
        const fromCluster = tiles(
          rowsOf(await reader.query(onCluster.sql, onCluster.params)),
          levels,
        );
        const fromDuckDB = tiles(rowsOf(await duck.query(widgetSql.sql, widgetSql.params)), levels);
        expect(fromCluster.length).toBeGreaterThan(0);
        expect(fromCluster).toEqual(fromDuckDB);
        expect(fromCluster).toEqual(truth(levels, filter));
      },
    );

    it('scorecard figures: every row and the overall score identical', async () => {
      const columns = { levels: ['region'], target: 'target_share', actual: 'amount' };
      const onCluster = summedQuery(clickhouseDialect, TABLE, columns, {}, [{ column: 'region' }]);
      const fromCluster = rowsOf(await reader.query(onCluster.sql, onCluster.params));
      const widgetSql = summedQuery(duckdbDialect, TABLE, {
        levels: ['region'],
        target: 'target_share',
        actual: 'amount',
      });
      const fromDuckDB = rowsOf(await duck.query(`${widgetSql.sql} ORDER BY 1`, widgetSql.params));
      const overrides = { dimension: 'region', target: 'target_share', actual: 'amount' };
      const asText = (rows: Row[]): Record<string, string>[] =>
        rows.map((row) => ({
          region: String(row.region),
          target_share: String(Number(row.target_share)),
          amount: String(Number(row.amount)),
        }));
      const card = (rows: Row[]) => {
        const scorecard = buildScorecard(asText(rows), { overrides, lang: 'en' });
        return {
          overall: scorecard.overall,
          rows: scorecard.rows.map((row) => ({
            dimension: row.dimension,
            rate: row.achievement.rate,
            gap: row.achievement.gap,
            status: row.status,
          })),
        };
      };
      const clusterCard = card(fromCluster);
      expect(clusterCard.rows.length).toBeGreaterThan(1);
      expect(clusterCard.overall).not.toBeNull();
      expect(clusterCard).toEqual(card(fromDuckDB));
    });

    it('variance alerts series: daily sums identical', async () => {
      const { columns, filter, orderBy } = ALERT_SERIES;
      const onCluster = summedQuery(clickhouseDialect, TABLE, columns, filter, orderBy);
      const fromCluster = rowsOf(await reader.query(onCluster.sql, onCluster.params)).map((row) => [
        String(row.date),
        String(row.region),
        Number(row.amount),
        Number(row.target_share),
      ]);
      const fromDuckDB = rowsOf(
        await duck.query(
          `SELECT CAST("date" AS VARCHAR) AS d, region AS r, CAST(SUM(amount) AS VARCHAR) AS a, CAST(SUM(target_share) AS VARCHAR) AS t
           FROM ${TABLE} WHERE channel = ? GROUP BY 1, 2 ORDER BY 1, 2`,
          ['直销'],
        ),
      ).map((row) => [String(row.d), String(row.r), Number(row.a), Number(row.t)]);
      const days = new Set(
        fromCluster
          .map(([day]) => String(day))
          .filter((day) => day >= '2024-07-01' && day <= '2024-08-15'),
      );
      expect(days.size).toBe(46);
      expect(fromCluster).toEqual(fromDuckDB);
    });

    it('reads the catalogue from system.columns', async () => {
      const { sql, params } = clickhouseDialect.columns([TABLE]);
      const columns = rowsOf(await reader.query(sql, params));
      expect(columns).toContainEqual({
        table_name: TABLE,
        column_name: 'amount',
        data_type: 'Decimal(18, 2)',
      });
      expect(columns.map((column) => column.column_name)).toEqual([
        'date',
        'region',
        'product_line',
        'customer_type',
        'channel',
        'amount',
        'target_share',
      ]);
    });

    it('ends in a specific message while a shard is down, and answers again when it returns', async () => {
      const columns = { levels: ['product_line'], target: 'target_share', actual: 'amount' };
      const { sql, params } = summedQuery(clickhouseDialect, TABLE, columns, { region: '华东' });
      const before = rowsOf(await reader.query(sql, params));
      cluster.stopShard(2);
      try {
        const failure = await reader.query(sql, params).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(ClickHouseError);
        expect((failure as ClickHouseError).code).toBe('clickhouse-shard-down');
        expect((failure as ClickHouseError).messageIn('zh-CN')).toContain('分片');
      } finally {
        cluster.start();
      }
      expect(rowsOf(await reader.query(sql, params))).toEqual(before);
    });

    describe('one engine, a source in the page’s DuckDB and a source on the cluster', () => {
      // Pre-aggregates from the first filter on the DuckDB side; never on the cluster's. The
      // engine keeps the Parquet's decimals as doubles, whose sums drift in the last digits
      // where the cluster's decimal sums are exact: figures compare to the fen.
      let engine: Engine;
      beforeAll(async () => {
        engine = nativeEngine({ coordinator: { preAggregateFrom: 0 } });
        await engine.defineSource('local', {
          bytes: new Uint8Array(readFileSync(parquetFile)),
          format: 'parquet',
        }).ready;
        const loaded = await engine.defineRemoteSource('cluster', TABLE, async () => ({
          connector: reader,
          dialect: clickhouseDialect,
        }));
        expect(loaded.rowCount).toBe(ROWS);
      }, 120_000);
      afterAll(() => engine?.close());

      const sortedRows = (rows: readonly Row[]): Row[] =>
        rows
          .map((row) =>
            Object.fromEntries(
              Object.entries(row).map(([key, value]) => [
                key,
                typeof value === 'string' ? value : Number(value),
              ]),
            ),
          )
          .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

      const requests = COORDINATOR_REQUESTS;

      it.each(requests.map((request, index) => ({ index, request })))(
        'request $index: the cluster answers what DuckDB answers, from its own rows',
        async ({ request }) => {
          const local = await engine.coordinator.request({ ...request, source: 'local' });
          const remote = await engine.coordinator.request({ ...request, source: 'cluster' });
          expect(remote.rows.length).toBeGreaterThan(0);
          expect(sortedRows(remote.rows)).toEqual(sortedRows(local.rows));
          expect(remote.columns).toEqual(local.columns);
          expect(remote.plan).toBe('aggregate');
          if (request.orderBy)
            expect(remote.rows.map((row) => row.channel)).toEqual(
              local.rows.map((row) => row.channel),
            );
        },
      );

      it('averages as DuckDB does (to a millionth)', async () => {
        const request = AVERAGE_REQUEST;
        const local = sortedRows(
          (await engine.coordinator.request({ ...request, source: 'local' })).rows,
        );
        const remote = sortedRows(
          (await engine.coordinator.request({ ...request, source: 'cluster' })).rows,
        );
        expect(remote.map((row) => row.customer_type)).toEqual(
          local.map((row) => row.customer_type),
        );
        remote.forEach((row, index) =>
          expect(Number(row.amount)).toBeCloseTo(Number(local[index]?.amount), 6),
        );
      });

      it('took pre-aggregates for the DuckDB source and none for the cluster', async () => {
        const filtered = { ...requests[1]!, source: 'local' } as DataRequest;
        const again = await engine.coordinator.request({
          ...(filtered as Extract<DataRequest, { kind: 'aggregate' }>),
          filter: { region: '华南', channel: '直销' },
        });
        expect(again.plan).toBe('pre-aggregate');
        const onCluster = await engine.coordinator.request({
          ...requests[1]!,
          source: 'cluster',
          filter: { region: '华南', channel: '直销' },
        });
        expect(onCluster.plan).toBe('aggregate');
        expect(sortedRows(onCluster.rows)).toEqual(sortedRows(again.rows));
      });

      it('refuses to sum a text column on the cluster, naming it', async () => {
        const asking = engine.coordinator.request({
          kind: 'aggregate',
          source: 'cluster',
          groupBy: ['region'],
          measures: [{ column: 'channel', aggregate: 'sum' }],
        });
        await expect(asking).rejects.toMatchObject({ code: 'unsupported' });
        await expect(asking).rejects.toThrow('"channel"');
      });

      it('reads filtered rows from the cluster as DuckDB reads them', async () => {
        const request = ROWS_REQUEST;
        const local = await engine.coordinator.request({ ...request, source: 'local' });
        const remote = await engine.coordinator.request({ ...request, source: 'cluster' });
        expect(remote.rows).toHaveLength(5);
        expect(sortedRows(remote.rows)).toEqual(sortedRows(local.rows));
      });
    });
  },
);

if (!clickhouseInstalled) {
  describe('ClickHouse cluster figures', () => {
    it.skip(SKIP_REASON, () => {});
  });
}
