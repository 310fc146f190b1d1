// The connector's SQL on a current ClickHouse (26, in-process through the chdb package) as well
// as on Debian's 18.16 cluster: the same facts in each, every request the widgets send, the
// same answers as DuckDB's. On the current release the connector sends values as query
// parameters and reads columnar answers; the old way (literals, JSONCompact) is checked there too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type LoadedTable, openQueryServer, type RecordRow } from '@stratex/data';
import { nativeEngine, type QueryServer, startQueryServer } from '@stratex/data/node';
import { ClickHouseConnector, ClickHouseError, clickhouseDialect } from '../../../src/clickhouse';
import type { Connector } from '../../../src/connector';
import {
  dropClusterTable,
  factsSelect,
  insertNumberedFacts,
  writeNumberedParquet,
} from '../../../../../fixtures/scripts/numbered-facts';
import { clickhouseInstalled, testCluster } from '../../clickhouse-cluster';
import { type CurrentClickHouse, currentClickHouse, loadChdb } from '../../chdb-server';
import { postToClickHouse } from '../../../../../fixtures/scripts/cluster-facts';
import { taskRequests } from '../../../../widgets/src/progress-tracker/request';
import { kpiSeriesRequest } from '../../../../widgets/src/variance-alerts/request';
import { HOSTILE } from './hostile-values';
import {
  ALERT_SERIES,
  AVERAGE_REQUEST,
  COORDINATOR_REQUESTS,
  ROWS_REQUEST,
  type Row,
  rowsOf,
  SCORECARDS,
  scorecardOf,
  summedQuery,
  TREEMAP_SELECTIONS,
  TREEMAP_VIEWS,
  treemapTiles,
} from './widget-requests';

const ROWS = 200_000;
const TABLE = 'facts_current';
/** A task table for the tracker, every cell following from the task's number. */
const TASKS = 'tasks_current';
const TASK_ROWS = 20_000;
const TASK_COLUMNS =
  'task String, owner String, planned_start Date, planned_end Date, progress String';
const TASKS_SELECT = `SELECT concat('T', toString(1000000 + number)) AS task,
    ['张三', '李四', '王五', '赵六', '钱七'][number % 5 + 1] AS owner,
    toDate('2024-06-01') + (number * 7) % 61 AS planned_start,
    planned_start + 1 + number % 29 AS planned_end,
    concat(toString((number * 13) % 101), '%') AS progress
  FROM numbers(${TASK_ROWS})`;
const { chdb, reason } = loadChdb();
const cluster = testCluster('current');

/** The engines holding the facts: the current release both ways, DuckDB, and 18.16 where installed. */
const CURRENT = ['current', 'current-literals'] as const;
type Source = (typeof CURRENT)[number] | 'duckdb' | 'cluster';
const sources: Source[] = [
  ...CURRENT,
  'duckdb',
  ...(clickhouseInstalled ? ['cluster' as const] : []),
];

let folder: string;
let current: CurrentClickHouse;
let server: QueryServer;
let engine: Engine;
let queryServer: ReturnType<typeof openQueryServer>;
const connectors = {} as Record<Source, Connector>;
const loaded = {} as Record<Source, LoadedTable>;
const loadedTasks = {} as Record<Source, LoadedTable>;

/** Rows with every cell as a number or text, in a stable order. */
const canonical = (rows: readonly (Row | RecordRow)[]): Row[] =>
  rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === 'string' || value === null ? value : Number(value),
        ]),
      ),
    )
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** Rows as `canonical` makes them, in the order they came (dates as their day). */
const canonicalInOrder = (rows: readonly (Row | RecordRow)[]): Row[] =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value instanceof Date
          ? value.toISOString().slice(0, 10)
          : typeof value === 'string' || value === null
            ? value
            : Number(value),
      ]),
    ),
  );

/** One answer per source, and each must equal DuckDB's. */
async function sameEverywhere<T>(ask: (source: Source) => Promise<T>): Promise<T> {
  const answers = await Promise.all(sources.map(ask));
  const duckdb = answers[sources.indexOf('duckdb')];
  sources.forEach((source, index) =>
    expect({ source, answer: answers[index] }).toEqual({ source, answer: duckdb }),
  );
  return duckdb as T;
}

describe.skipIf(!chdb)(
  `A current ClickHouse answers the widgets as 18.16 and DuckDB do (${ROWS} rows)`,
  () => {
    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'stratex-current-'));
      current = currentClickHouse(chdb!);
      current.run(
        `CREATE TABLE ${TABLE} (date Date, region String, product_line String, customer_type String,
         channel String, amount Decimal(18, 2), target_share Decimal(18, 2))
       ENGINE = MergeTree ORDER BY (region, product_line, customer_type, date)`,
      );
      current.run(`INSERT INTO ${TABLE} ${factsSelect('clickhouse', ROWS)}`);
      current.run(
        `CREATE TABLE ${TASKS} (${TASK_COLUMNS}) ENGINE = MergeTree ORDER BY (planned_end, task)`,
      );
      current.run(`INSERT INTO ${TASKS} ${TASKS_SELECT}`);
      const parquet = join(folder, `${TABLE}.parquet`);
      const tasksParquet = join(folder, `${TASKS}.parquet`);
      await writeNumberedParquet(parquet, ROWS);
      current.run(`SELECT * FROM ${TASKS} INTO OUTFILE '${tasksParquet}' FORMAT Parquet`);
      server = await startQueryServer({ sources: { [TABLE]: parquet, [TASKS]: tasksParquet } });
      if (clickhouseInstalled) {
        cluster.start();
        await insertNumberedFacts(cluster.shards, TABLE, ROWS);
        for (const shard of cluster.shards)
          for (const statement of [
            `DROP TABLE IF EXISTS ${TASKS}`,
            `DROP TABLE IF EXISTS ${TASKS}_local`,
            `CREATE TABLE ${TASKS}_local (${TASK_COLUMNS}) ENGINE = MergeTree() ORDER BY (planned_end, task)`,
            `CREATE TABLE ${TASKS} AS ${TASKS}_local ENGINE = Distributed(stratex, currentDatabase(), ${TASKS}_local, rand())`,
          ])
            await postToClickHouse(shard, statement);
        await postToClickHouse(
          cluster.shards[0] ?? '',
          `INSERT INTO ${TASKS} ${TASKS_SELECT}`,
          undefined,
          {
            insert_distributed_sync: '1',
          },
        );
      }
      const url = 'http://clickhouse.current.invalid/';
      connectors.current = new ClickHouseConnector({ url, fetch: current.fetch });
      connectors['current-literals'] = new ClickHouseConnector({
        url,
        fetch: current.fetch,
        parameters: false,
      });
      queryServer = openQueryServer(server.url);
      connectors.duckdb = queryServer.connector;
      if (clickhouseInstalled)
        connectors.cluster = new ClickHouseConnector({
          url: cluster.shards[0] ?? '',
          user: 'stratex_reader',
        });
      engine = nativeEngine();
      for (const source of sources) {
        const connector = connectors[source];
        const dialect = source === 'duckdb' ? queryServer.dialect : clickhouseDialect;
        loaded[source] = await engine.defineRemoteSource(source, TABLE, async () => ({
          connector,
          dialect,
        }));
        loadedTasks[source] = await engine.defineRemoteSource(
          `${source}-tasks`,
          TASKS,
          async () => ({
            connector,
            dialect,
          }),
        );
      }
    }, 600_000);

    afterAll(async () => {
      await engine?.close();
      await server?.close();
      current?.close();
      if (clickhouseInstalled) {
        await dropClusterTable(cluster.shards, TABLE).catch(() => undefined);
        for (const shard of cluster.shards)
          for (const drop of [
            `DROP TABLE IF EXISTS ${TASKS}`,
            `DROP TABLE IF EXISTS ${TASKS}_local`,
          ])
            await postToClickHouse(shard, drop).catch(() => undefined);
        cluster.stop();
      }
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('asks each server its release once, and speaks to each as it can be spoken to', async () => {
      expect(Number(current.version.split('.')[0])).toBeGreaterThanOrEqual(26);
      const currentConnector = connectors.current as ClickHouseConnector;
      expect(await currentConnector.wire()).toBe('parameters');
      expect(await (connectors['current-literals'] as ClickHouseConnector).wire()).toBe('literals');
      if (clickhouseInstalled)
        expect(await (connectors.cluster as ClickHouseConnector).wire()).toBe('literals');
      // Both sources hold every row, and the catalogue names the same columns everywhere.
      for (const source of sources) {
        expect(loaded[source].rowCount).toBe(ROWS);
        expect(loaded[source].columns).toEqual(loaded.duckdb.columns);
      }
    });

    it.each(TREEMAP_VIEWS)(
      'the treemap’s SQL, $name: the same figures',
      async ({ levels, filter }) => {
        const columns = { levels, target: 'target_share', actual: 'amount' };
        const where = filter as Record<string, string>;
        const figures = await sameEverywhere(async (source) => {
          const { sql, params } = summedQuery(
            source === 'duckdb' ? queryServer.dialect : clickhouseDialect,
            TABLE,
            columns,
            where,
          );
          return canonical(rowsOf(await connectors[source].query(sql, params)));
        });
        expect(figures.length).toBeGreaterThan(0);
      },
    );

    it('the variance alerts’ daily series: the same sums, day by day', async () => {
      const { columns, filter, orderBy } = ALERT_SERIES;
      const series = await sameEverywhere(async (source) => {
        const { sql, params } = summedQuery(
          source === 'duckdb' ? queryServer.dialect : clickhouseDialect,
          TABLE,
          columns,
          filter,
          orderBy,
        );
        // In the order asked: by day, then region.
        return rowsOf(await connectors[source].query(sql, params)).map((row) => [
          String(row.date).slice(0, 10),
          String(row.region),
          Number(row.amount),
          Number(row.target_share),
        ]);
      });
      expect(new Set(series.map(([day]) => day)).size).toBe(92);
    });

    it.each(COORDINATOR_REQUESTS.map((request, index) => ({ index, request })))(
      'the coordinator’s request $index: the same rows and columns',
      async ({ request }) => {
        const answer = await sameEverywhere(async (source) => {
          const { rows, columns, plan } = await engine.coordinator.request({ ...request, source });
          expect(plan).toBe('aggregate');
          return { rows: request.orderBy ? rows : canonical(rows), columns };
        });
        expect(answer.rows.length).toBeGreaterThan(0);
      },
    );

    it('averages and the first rows of a drill-through: the same', async () => {
      const averages = await Promise.all(
        sources.map(async (source) =>
          canonical((await engine.coordinator.request({ ...AVERAGE_REQUEST, source })).rows),
        ),
      );
      for (const answer of averages)
        answer.forEach((row, index) =>
          expect(Number(row.amount)).toBeCloseTo(Number(averages[0]?.[index]?.amount), 6),
        );
      await sameEverywhere(async (source) =>
        canonical((await engine.coordinator.request({ ...ROWS_REQUEST, source })).rows),
      );
    });

    it.each(TREEMAP_SELECTIONS)(
      'the treemap’s own request, $name: every tile at every level the same',
      async ({ selection }) => {
        const tiles = await sameEverywhere((source) =>
          treemapTiles(engine, source, loaded[source], selection),
        );
        expect(tiles.length).toBe(5 + 5 * 3 + 5 * 3 * 3);
      },
    );

    it.each(SCORECARDS)(
      'the scorecard’s own request $name: every row and the overall score the same',
      async ({ dimension, selection }) => {
        const card = await sameEverywhere((source) =>
          scorecardOf(engine, source, loaded[source], dimension, selection),
        );
        expect(card.rows.length).toBeGreaterThan(1);
        expect(card.overall).not.toBeNull();
      },
    );

    it.each(['share', 'period'] as const)(
      'the variance alerts’ own request, targets as %s: the same days in the same order',
      async (targetRows) => {
        const columns = {
          date: 'date',
          metric: 'region',
          actual: 'amount',
          target: 'target_share',
        };
        const series = await sameEverywhere(async (source) => {
          const request = kpiSeriesRequest(source, columns, targetRows, { channel: '直销' });
          return canonicalInOrder((await engine.coordinator.request(request)).rows);
        });
        expect(series.length).toBe(92 * 5);
      },
    );

    it.each([
      { name: 'every task', filter: {} as Record<string, string> },
      { name: 'one owner’s', filter: { owner: '李四' } as Record<string, string> },
    ])('the tracker’s own requests, $name: the same first tasks and count', async ({ filter }) => {
      const answer = await sameEverywhere(async (source) => {
        const asked = taskRequests(`${source}-tasks`, loadedTasks[source], {}, 200, filter);
        const rows = (await engine.coordinator.request(asked.rows)).rows;
        const count = asked.count ? (await engine.coordinator.request(asked.count)).rows : [];
        return { rows: canonicalInOrder(rows), count: canonical(count) };
      });
      expect(answer.rows).toHaveLength(200);
      expect(answer.count).toEqual([{ sx_tasks: 'owner' in filter ? TASK_ROWS / 5 : TASK_ROWS }]);
    });

    /** Sends every value back through the server and reads what it saw. */
    async function echo(connector: Connector, values: readonly string[]): Promise<unknown[]> {
      const columns = values.map((_, index) => `? AS v${index}`).join(', ');
      const [row] = rowsOf(await connector.query(`SELECT ${columns}`, values));
      return values.map((_, index) => row?.[`v${index}`]);
    }

    it.each(CURRENT)('%s: hostile strings reach the server as written', async (source) => {
      expect(await echo(connectors[source], HOSTILE)).toEqual(HOSTILE);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 30 }),
          async (values) => {
            expect(await echo(connectors[source], values)).toEqual(values);
          },
        ),
        { numRuns: 40 },
      );
    });

    it.each(CURRENT)('%s: numbers, booleans and null as values of their kind', async (source) => {
      const [row] = rowsOf(
        await connectors[source].query(
          'SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e, 10 - ? AS f',
          [-5, 0.1, 1e21, true, null, -2],
        ),
      );
      expect(row).toEqual({ a: -5, b: 0.1, c: 1e21, d: 1, e: null, f: 12 });
    });

    it.each(CURRENT)('%s: each ClickHouse type into a fitting Arrow type', async (source) => {
      const [row] = rowsOf(
        await connectors[source].query(
          `SELECT toInt64(-9007199254740993) AS big, toUInt64(18446744073709551615) AS huge,
                toDecimal64(123456.78, 2) AS money, toDate('2024-07-01') AS day,
                toDateTime('2024-07-01 08:30:00', 'UTC') AS moment, toNullable(toInt32(7)) AS maybe,
                CAST(NULL AS Nullable(String)) AS nothing, '华东' AS region, [1, 2] AS list`,
        ),
      );
      expect(row).toEqual({
        big: -9007199254740993n,
        huge: 18446744073709551615n,
        money: 123456.78,
        day: Date.UTC(2024, 6, 1),
        moment: Date.UTC(2024, 6, 1, 8, 30),
        maybe: 7,
        nothing: null,
        region: '华东',
        list: '[1,2]',
      });
    });

    it.each([
      ['SELEC 1', 'clickhouse-syntax', 62],
      ['SELECT * FROM no_such_table', 'clickhouse-unknown-name', 60],
      ['SELECT no_such_function(1)', 'clickhouse-unknown-name', 46],
    ])('a current release’s error for %s reads as %s', async (sql, code, serverCode) => {
      const error = await connectors.current.query(sql).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ClickHouseError);
      expect((error as ClickHouseError).code).toBe(code);
      expect((error as ClickHouseError).serverCode).toBe(serverCode);
      expect((error as ClickHouseError).detail).not.toMatch(/^Code:/);
    });

    it('gives the same figures as columns and as rows, each answer counted once', async () => {
      const { sql, params } = summedQuery(clickhouseDialect, TABLE, {
        levels: ['region', 'product_line', 'customer_type'],
        target: 'target_share',
        actual: 'amount',
      });
      const counted = CURRENT.map(
        (source) =>
          new ClickHouseConnector({
            url: 'http://clickhouse.current.invalid/',
            fetch: current.fetch,
            parameters: source === 'current',
          }),
      );
      const answers = await Promise.all(counted.map((connector) => connector.query(sql, params)));
      expect(canonical(rowsOf(answers[0]!))).toEqual(canonical(rowsOf(answers[1]!)));
      const [columnar, rows] = counted.map((connector) => connector.traffic.bytes);
      console.log(`45 tiles: JSONColumnsWithMetadata ${columnar} B, JSONCompact ${rows} B`);
      expect(counted.map((connector) => connector.traffic.queries)).toEqual([1, 1]);
    });
  },
);

if (!chdb) {
  describe('A current ClickHouse (chdb)', () => {
    it.skip(reason ?? 'skipped: chdb is not installed', () => {});
  });
}
