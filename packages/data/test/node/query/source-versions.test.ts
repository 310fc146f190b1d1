import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../engine-helpers';
import { type Engine } from '@stratex/data';
import { NativeConnector, nativeEngine } from '@stratex/data/node';
import { duckdbDialect } from '../../../src/query/dialect';
import { type CoordinatorHost, SourceVersions } from '../../../src/query/source-versions';

const engine: Engine = nativeEngine();
beforeAll(() => loadRecords(engine, 'shops', [{ shop: '华东店', staff: 12 }]));
afterAll(() => engine.close());

const versionsOf = (host: CoordinatorHost = engine): SourceVersions =>
  new SourceVersions(host, duckdbDialect, 64);

describe('source versions', () => {
  it('keep one version per load, and a new one once the source loads anew', async () => {
    const versions = versionsOf();
    await loadRecords(engine, 'kpi', [{ metric: 'a', actual: 1 }]);
    const first = await versions.of('kpi');
    expect(await versions.of('kpi')).toBe(first);
    expect((await first.catalogue).columns.map((column) => column.type)).toEqual([
      'text',
      'number',
    ]);
    expect([...versions.current()]).toEqual([first]);
    await loadRecords(engine, 'kpi', [{ metric: 'a', actual: 5 }]);
    // Until a request names the new load, the old one is no longer current.
    expect([...versions.current()]).toEqual([]);
    const second = await versions.of('kpi');
    expect(second).not.toBe(first);
    expect([...versions.current()]).toEqual([second]);
    expect(await second.route.run({ sql: 'SELECT actual FROM sx_kpi', params: [] })).toEqual([
      { actual: 5 },
    ]);
  });

  it('hold a small CSV read in JS, and none for a source in the database', async () => {
    const versions = versionsOf();
    await engine.defineSource('small', {
      bytes: new TextEncoder().encode('区域,目标值\n华东,100\n'),
      format: 'csv',
    }).ready;
    expect((await versions.of('small')).js?.rows(['目标值'], { filter: {} })).toEqual([
      { 目标值: '100' },
    ]);
    expect((await versions.of('shops')).js).toBeUndefined();
  });

  it('say which source failed, and what the engine said, as data errors', async () => {
    const versions = versionsOf();
    engine.sources.get('nowhere', 10).catch(() => undefined);
    await expect(versions.of('nowhere')).rejects.toMatchObject({
      name: 'DataError',
      code: 'source',
      message: 'No data source named "nowhere" is on this page.',
    });
    const { route } = await versions.of('shops');
    await expect(
      route.run({ sql: 'SELECT * FROM no_such_table', params: [] }),
    ).rejects.toMatchObject({
      name: 'DataError',
      code: 'engine',
      message: expect.stringMatching(/no_such_table/),
    });
  });

  it("send a remote source's queries to its own database, with no pre-aggregates there", async () => {
    const remote = await NativeConnector.open();
    try {
      await remote.query("CREATE TABLE sx_shops AS SELECT '远端店' AS shop, 42.0 AS staff");
      const versions = versionsOf({
        sources: engine.sources,
        records: (sql, params) => engine.records(sql, params),
        readOnlyRecords: (sql, params) => engine.readOnlyRecords(sql, params),
        remoteOf: () => ({ connector: remote, dialect: duckdbDialect }),
      });
      const { route } = await versions.of('shops');
      expect(route).toMatchObject({ preAggregates: false, textSums: false });
      expect(await route.run({ sql: 'SELECT shop, staff FROM sx_shops', params: [] })).toEqual([
        { shop: '远端店', staff: 42 },
      ]);
    } finally {
      await remote.close();
    }
  });
});
