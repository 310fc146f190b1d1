import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import {
  bindValues,
  ClickHouseConnector,
  ClickHouseError,
  clickhouseDialect,
  clickhouseIdentifier,
  clickhouseLiteral,
} from '../../../src/clickhouse';
import { NativeConnector } from '../../../src/node/native-connector';
import { renderAggregate } from '../../../src/query/render';
import { clickhouseInstalled, SKIP_REASON, testCluster } from '../../clickhouse-cluster';
import { HOSTILE } from './hostile-values';

const cluster = testCluster('connector');
/** The first shard's URL, once the cluster has started. */
let shard = '';

type Row = Record<string, unknown>;
const rowsOf = (table: Table): Row[] =>
  table.toArray().map((row: { toJSON(): Row }) => row.toJSON());

describe('ClickHouse literals and placeholders (no server needed)', () => {
  it('leaves ? inside strings, quoted names and comments alone', () => {
    expect(
      bindValues("SELECT '?' AS `a?`, \"b?\" -- ?\n, ? /* ? */, 'it\\'s ?', ?", ['x', 2]),
    ).toBe("SELECT '?' AS `a?`, \"b?\" -- ?\n, 'x' /* ? */, 'it\\'s ?', 2");
  });

  it('refuses a count of values that does not match the placeholders', () => {
    expect(() => bindValues('SELECT ?, ?', [1])).toThrow(/more \? placeholders/);
    expect(() => bindValues('SELECT ?', [1, 2])).toThrow(/1 \? placeholders but 2 values/);
    expect(() => bindValues("SELECT 'open", [])).toThrow(/unterminated string/);
  });

  it('refuses numbers that are not finite and names that are empty or hold NUL', () => {
    expect(() => clickhouseLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => clickhouseLiteral(Infinity)).toThrow(/finite/);
    expect(() => clickhouseIdentifier('')).toThrow(/empty/);
    expect(() => clickhouseIdentifier('a\u0000')).toThrow(/NUL/);
    expect(bindValues('SELECT 1 - ?', [-5])).toBe('SELECT 1 - (-5)');
  });
});

describe.skipIf(!clickhouseInstalled)('ClickHouse connector on a real cluster', () => {
  let reader: ClickHouseConnector;

  beforeAll(() => {
    cluster.start();
    shard = cluster.shards[0] ?? '';
    reader = new ClickHouseConnector({ url: shard, user: 'stratex_reader' });
  }, 120_000);
  afterAll(() => cluster.stop());

  /** Sends every value back through the server and reads what it saw. */
  async function echo(values: readonly string[]): Promise<unknown[]> {
    const columns = values.map((_, index) => `? AS v${index}`).join(', ');
    const [row] = rowsOf(await reader.query(`SELECT ${columns}`, values));
    return values.map((_, index) => row?.[`v${index}`]);
  }

  it('binds hostile strings so the server reads exactly them', async () => {
    expect(await echo(HOSTILE)).toEqual(HOSTILE);
  });

  it('binds any string so the server reads exactly it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 30 }),
        async (values) => {
          expect(await echo(values)).toEqual(values);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('quotes hostile names so the server reads exactly them', async () => {
    const names = HOSTILE.filter((name) => name !== '' && !name.includes('\u0000'));
    const columns = names.map((name) => `1 AS ${clickhouseIdentifier(name)}`).join(', ');
    const table = await reader.query(`SELECT ${columns}`);
    expect(table.schema.fields.map((field) => field.name)).toEqual(names);
  });

  it('binds numbers, booleans and null as values of their kind', async () => {
    const [row] = rowsOf(
      await reader.query('SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e, 10 - ? AS f', [
        -5,
        0.1,
        1e21,
        true,
        null,
        -2,
      ]),
    );
    expect(row).toEqual({ a: -5, b: 0.1, c: 1e21, d: 1, e: null, f: 12 });
  });

  it('reads each ClickHouse type into a fitting Arrow type', async () => {
    const table = await reader.query(
      `SELECT toInt64(-9007199254740993) AS big, toUInt64(18446744073709551615) AS huge,
              toDecimal64(123456.78, 2) AS money, toDate('2024-07-01') AS day,
              toDateTime('2024-07-01 08:30:00') AS moment, toNullable(toInt32(7)) AS maybe,
              CAST(NULL AS Nullable(String)) AS nothing, '华东' AS region, [1, 2] AS list`,
    );
    const [row] = rowsOf(table);
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

  it('renders figures over hostile table and column names and filter values', async () => {
    const admin = new ClickHouseConnector({ url: shard, user: 'default' });
    const table = "sx t`a'b\\le";
    const level = '区域`; DROP';
    const figure = "实际'值";
    const day = 'd"ay';
    const rows: [string, number, string][] = [
      ["x' OR 1=1 --", 1.25, '2024-07-01'],
      ["x' OR 1=1 --", 2.5, '2024-07-02'],
      ['\\', 4, '2024-07-02'],
    ];
    await admin.query(`DROP TABLE IF EXISTS ${clickhouseIdentifier(table)}`);
    await admin.query(
      `CREATE TABLE ${clickhouseIdentifier(table)} (${clickhouseIdentifier(level)} String, ${clickhouseIdentifier(figure)} Decimal(18, 2), ${clickhouseIdentifier(day)} Date) ENGINE = Memory`,
    );
    await admin.query(
      `INSERT INTO ${clickhouseIdentifier(table)} VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
    // As the coordinator renders a treemap's and the alerts' requests on a ClickHouse source.
    const filtered = renderAggregate(clickhouseDialect, {
      table,
      groupBy: [level],
      measures: [
        { column: figure, aggregate: 'sum', name: figure },
        { column: figure, aggregate: 'count', name: 'sx_rows' },
      ],
      filter: { [level]: "x' OR 1=1 --" },
    });
    expect(rowsOf(await reader.query(filtered.sql, filtered.params))).toEqual([
      { [level]: "x' OR 1=1 --", [figure]: 3.75, sx_rows: 2 },
    ]);
    const series = renderAggregate(clickhouseDialect, {
      table,
      groupBy: [day],
      measures: [{ column: figure, aggregate: 'sum', name: figure, digits: 6 }],
      filter: { [day]: '2024-07-02' },
      orderBy: [{ column: day }],
    });
    expect(rowsOf(await reader.query(series.sql, series.params))).toEqual([
      { [day]: '2024-07-02', [figure]: 6.5 },
    ]);
    await admin.query(`DROP TABLE ${clickhouseIdentifier(table)}`);
  });

  it('reads figure cells written as text the way the widgets read plain numbers', async () => {
    const cells = [' 1,500.5 ', '500万元', '', '-3', '\t42\n', '1e3', 'abc'];
    const answer = await reader.query(
      `SELECT ${clickhouseDialect.asNumber(clickhouseDialect.asText('v'))} AS n FROM (SELECT arrayJoin([${cells.map(() => '?').join(', ')}]) AS v)`,
      cells,
    );
    const duck = await NativeConnector.open();
    try {
      const widgetsRead = await duck.query(
        `SELECT TRY_CAST(REPLACE(TRIM(v), ',', '') AS DOUBLE) AS n FROM (SELECT unnest([${cells.map(() => '?').join(', ')}]) AS v)`,
        cells,
      );
      const expected = rowsOf(widgetsRead).map((row) => row.n);
      expect(expected.filter((n) => n !== null).length).toBeGreaterThan(2);
      expect(rowsOf(answer).map((row) => row.n)).toEqual(expected);
    } finally {
      await duck.close();
    }
  });

  /** The error a query ends in. */
  async function failure(connector: ClickHouseConnector, sql: string): Promise<ClickHouseError> {
    const error = await connector.query(sql).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClickHouseError);
    return error as ClickHouseError;
  }

  it.each([
    ['SELEC 1', 'clickhouse-syntax', 62, '语法'],
    ['SELECT * FROM no_such_table', 'clickhouse-unknown-name', 60, '找不到'],
    ['SELECT no_such_function(1)', 'clickhouse-unknown-name', 46, '找不到'],
    ['CREATE TABLE t (a Int8) ENGINE = Memory', 'clickhouse-read-only', 164, '只读'],
    ['SELECT * FROM numbers(10)', 'clickhouse-read-only', 164, '只读'],
    ['SELECT number FROM system.numbers LIMIT 200000', 'clickhouse-too-many-rows', 396, '行数'],
  ])('maps %s to %s', async (sql, code, serverCode, word) => {
    const error = await failure(reader, sql);
    expect(error.code).toBe(code);
    expect(error.serverCode).toBe(serverCode);
    expect(error.messageIn('zh-CN')).toContain(word);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('maps the server’s memory limit and time limit', async () => {
    const tight = (settings: Record<string, string>): ClickHouseConnector =>
      new ClickHouseConnector({ url: shard, user: 'default', settings });
    const memory = await failure(
      tight({ max_memory_usage: '1000000' }),
      'SELECT groupArray(number) FROM numbers(10000000) GROUP BY number % 2',
    );
    expect(memory.code).toBe('clickhouse-memory-limit');
    expect(memory.messageIn('zh-CN')).toContain('内存');
    const slow = await failure(
      tight({ max_execution_time: '1' }),
      'SELECT count() FROM numbers(100000000000) WHERE sipHash64(number) = 1',
    );
    expect(slow.code).toBe('clickhouse-timeout');
  });

  it('finds an error written after the first rows of a 200 answer', async () => {
    // Without wait_end_of_query the server streams rows, then writes its error into the body.
    const streaming = new ClickHouseConnector({
      url: shard,
      user: 'default',
      settings: { max_block_size: '1000' },
      fetch: (url, init) => {
        const plain = new URL(String(url));
        plain.searchParams.delete('wait_end_of_query');
        return fetch(plain, init);
      },
    });
    const error = await failure(
      streaming,
      'SELECT number, throwIf(number = 300000) AS x FROM system.numbers LIMIT 1000000',
    );
    expect(error.code).toBe('clickhouse-server');
    expect(error.serverCode).toBe(395);
    expect(error.detail).toContain('throwIf');
  });

  it('gives up on a slow answer after its own time limit', async () => {
    const impatient = new ClickHouseConnector({
      url: shard,
      user: 'stratex_reader',
      timeoutMs: 300,
    });
    const error = await failure(impatient, 'SELECT sleep(2)');
    expect(error.code).toBe('clickhouse-timeout');
  });

  it('says who refused: an unknown user, or no server at the address', async () => {
    const stranger = new ClickHouseConnector({ url: shard, user: 'nobody' });
    expect((await failure(stranger, 'SELECT 1')).code).toBe('clickhouse-auth');
    const wrong = new ClickHouseConnector({ url: shard, user: 'stratex_proxy', password: 'guess' });
    expect((await failure(wrong, 'SELECT 1')).code).toBe('clickhouse-auth');
    const nowhere = new ClickHouseConnector({ url: 'http://127.0.0.1:9/', user: 'stratex_reader' });
    const error = await failure(nowhere, 'SELECT 1');
    expect(error.code).toBe('clickhouse-unreachable');
    expect(error.messageIn('zh-CN')).toContain('http://127.0.0.1:9/');
  });

  it('signs in with a password from Node, as a same-origin proxy would, and stays read-only', async () => {
    const proxy = new ClickHouseConnector({
      url: shard,
      user: 'stratex_proxy',
      password: 'stratex-proxy-test',
    });
    expect(rowsOf(await proxy.query('SELECT ? AS ok', ['yes']))).toEqual([{ ok: 'yes' }]);
    expect((await failure(proxy, 'CREATE TABLE t (a Int8) ENGINE = Memory')).code).toBe(
      'clickhouse-read-only',
    );
  });

  it('refuses files and tables from the page with a clear error', async () => {
    await expect(reader.registerFile()).rejects.toMatchObject({
      code: 'clickhouse-not-supported',
    });
    await expect(reader.insertArrow()).rejects.toThrow(/cannot be added/);
  });

  it('answers the page with a CORS header, as the reader’s profile asks', async () => {
    const response = await fetch(new URL('?user=stratex_reader', shard), {
      method: 'POST',
      body: 'SELECT 1',
      headers: { origin: 'http://portal.intranet' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.text()).trim()).toBe('1');
  });

  it('counts the bytes each answer brings', async () => {
    const counting = new ClickHouseConnector({ url: shard, user: 'stratex_reader' });
    await counting.query('SELECT 1 AS one');
    expect(counting.traffic.queries).toBe(1);
    expect(counting.traffic.bytes).toBeGreaterThan(20);
  });
});

if (!clickhouseInstalled) {
  describe('ClickHouse connector on a real cluster', () => {
    it.skip(SKIP_REASON, () => {});
  });
}
