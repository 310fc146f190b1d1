import { loadRecords } from '../engine-helpers';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbDialect as duckdb, type QueryParam } from '@stratex/data';
import { nativeEngine, nodeEngine } from '@stratex/data/node';

// The engine's own statements (loading, publishing, describing its tables) come from the
// dialect alone. These run DuckDB's on both engines the tests use, with names chosen to break
// out of their quotes.

const hostile = 'sx_x"; DROP TABLE "keep"; --';
const engines = { native: nativeEngine(), wasm: nodeEngine() };
afterAll(() => Promise.all(Object.values(engines).map((engine) => engine.close())));

describe.each(Object.entries(engines))("DuckDB's table statements on %s DuckDB", (_, engine) => {
  const run = (sql: string, params: readonly QueryParam[] = []) => engine.records(sql, params);
  const count = async (table: string): Promise<number> =>
    Number((await run(duckdb.rowCount(table)))[0]?.n);
  const exists = async (table: string): Promise<boolean> => {
    const { sql, params } = duckdb.tableExists(table);
    return Number((await run(sql, params))[0]?.n) > 0;
  };

  it('creates, copies and counts tables whose names try to break out of their quotes', async () => {
    await run(duckdb.createTextTable('keep', ['区域', 'a"b']));
    expect(await engine.tables.describe('keep')).toEqual({
      table: 'keep',
      columns: ['区域', 'a"b'],
      rowCount: 0,
    });
    const { sql, params } = duckdb.columns(['keep']);
    expect((await run(sql, params)).map((row) => row.data_type)).toEqual(['VARCHAR', 'VARCHAR']);

    await loadRecords(engine, 'seed', [{ n: 1 }, { n: 2 }, { n: 3 }]);
    await run(duckdb.createTableAs(hostile, `SELECT n FROM sx_seed WHERE n > 1`));
    await run(duckdb.copyTable(`${hostile}_copy`, hostile));
    expect(await count(hostile)).toBe(2);
    expect(await count(`${hostile}_copy`)).toBe(2);
    expect(await exists('keep')).toBe(true);
    expect(await exists('no_such_table')).toBe(false);
  });

  it('swaps a fresh table in within one transaction, and a failed swap changes nothing', async () => {
    await run(duckdb.createTableAs('shown', 'SELECT 1 AS n'));
    await run(duckdb.createTableAs('fresh', 'SELECT 1 AS n UNION ALL SELECT 2'));
    await run(duckdb.transaction([duckdb.replaceTable('fresh', 'shown')]));
    expect(await count('shown')).toBe(2);
    expect(await exists('fresh')).toBe(false);

    await run(duckdb.createTableAs('fresh', 'SELECT 7 AS n'));
    const failing = duckdb.transaction([
      duckdb.replaceTable('fresh', 'shown'),
      duckdb.replaceTable('never_loaded', 'other'),
    ]);
    await expect(run(failing)).rejects.toThrow(/never_loaded/);
    await run(duckdb.rollback());
    expect(await count('shown')).toBe(2);
    expect(await exists('fresh')).toBe(true);
  });

  it('makes a view of a table under a source name, and drops tables by name', async () => {
    await run(duckdb.createView('销售 "view"', 'shown'));
    expect(await run(`SELECT count(*)::INT AS n FROM "销售 ""view"""`)).toEqual([{ n: 2 }]);
    await run(duckdb.dropTable(`${hostile}_copy`));
    expect(await exists(`${hostile}_copy`)).toBe(false);
    expect(await exists('keep')).toBe(true);
  });
});
