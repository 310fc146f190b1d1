import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockingConnector, nodeEngine } from '@stratex/data/node';
import { countedEngine } from '../../memory-agreement';
import { serveVersionedFile, type VersionedFile } from '../versioned-server';

// A small CSV source is read and answered in JS; the database gets it only when SQL needs it.
const template = (name: string): Uint8Array =>
  new Uint8Array(
    readFileSync(new URL(`../../../../../fixtures/template/${name}`, import.meta.url)),
  );
let server: VersionedFile;
const { engine, calls } = countedEngine(() => BlockingConnector.open());

beforeAll(async () => {
  server = await serveVersionedFile(template('evaluation.csv'));
});
afterAll(async () => {
  server.close();
  await engine.close();
});

describe('a small CSV source', () => {
  it('loads and answers rows and sums without the database, then serves SQL that names it', async () => {
    const source = engine.defineSource('evaluation', { url: `${server.origin}/evaluation.csv` });
    const loaded = await source.ready;
    expect(loaded).toMatchObject({ table: 'sx_evaluation', rowCount: 3, encoding: 'utf-8' });
    const rows = await engine.coordinator.request({ kind: 'rows', source: 'evaluation' });
    expect(rows.rows.map((row) => row['实际值'])).toEqual(['540万元', '12%', '28家']);
    const sums = await engine.coordinator.request({
      kind: 'aggregate',
      source: 'evaluation',
      groupBy: ['评估维度'],
      measures: [{ column: '实际值', aggregate: 'sum', digits: 6 }],
      orderBy: [{ column: '评估维度' }],
    });
    expect(sums.plan).toBe('sum-typed');
    expect(sums.rows).toEqual([
      { 评估维度: '新客户数', 实际值: 28 },
      { 评估维度: '线索转化率', 实际值: 0.12 },
      { 评估维度: '销售额', 实际值: 5_400_000 },
    ]);
    expect(calls()).toBe(0);

    const author = await engine.coordinator.request({
      kind: 'author',
      sql: 'SELECT 评估维度, 达成率 FROM evaluation ORDER BY 达成率',
    });
    expect(author.rows).toEqual([
      { 评估维度: '销售额', 达成率: '108%' },
      { 评估维度: '线索转化率', 达成率: '80%' },
      { 评估维度: '新客户数', 达成率: '93%' },
    ]);
    expect(calls()).toBeGreaterThan(0);
  });

  it('is replaced in JS by a refresh, a new version of the source, and SQL sees the new rows', async () => {
    const source = engine.source('evaluation')!;
    const before = await engine.coordinator.request({ kind: 'rows', source: 'evaluation' });
    server.body = template('evaluation.en.csv');
    server.version = 2;
    const used = calls();
    const refreshed = await source.refresh();
    expect(refreshed.columns).toContain('actual');
    const after = await engine.coordinator.request({ kind: 'rows', source: 'evaluation' });
    expect(after.cached).toBe(false);
    expect(after.rows).not.toEqual(before.rows);
    expect(after.rows.map((row) => row.actual)).toEqual(['5400000', '12%', '28']);
    expect(calls()).toBe(used);

    const [count] = await engine.records('SELECT count(actual)::INT AS n FROM sx_evaluation');
    expect(count).toEqual({ n: 3 });
  });

  it('is copied into the database in two calls when SQL names it, as the database would load it', async () => {
    const bytes = template('evaluation.csv');
    const { engine: fresh, calls: freshCalls } = countedEngine(() => BlockingConnector.open());
    const database = nodeEngine({ inMemoryCsvBytes: 0 });
    try {
      await fresh.defineSource('evaluation', { bytes, label: 'evaluation.csv' }).ready;
      await database.defineSource('evaluation', { bytes, label: 'evaluation.csv' }).ready;
      // The engine up and its guard warm, so only the copy and the queries are counted.
      await fresh.coordinator.request({ kind: 'author', sql: 'SELECT 1 AS one' });
      const sql = 'SELECT * FROM evaluation';
      const before = freshCalls();
      await fresh.coordinator.request({ kind: 'author', sql });
      const first = freshCalls() - before;
      await fresh.coordinator.request({ kind: 'author', sql: `${sql} LIMIT 9` });
      const again = freshCalls() - before - first;
      expect(first - again).toBeLessThanOrEqual(2);
      expect(first - again).toBeGreaterThan(0);
      // Both tables as the database's own load makes them: columns, types and cells; the
      // other template tables bring dates, periods and plain numbers.
      for (const name of ['progress', 'targets', 'kpi_daily_2024q3']) {
        const label = `${name}.csv`;
        await fresh.defineSource(name, { bytes: template(label), label }).ready;
        await database.defineSource(name, { bytes: template(label), label }).ready;
        await fresh.coordinator.request({ kind: 'author', sql: `SELECT * FROM ${name}` });
      }
      for (const name of ['evaluation', 'progress', 'targets', 'kpi_daily_2024q3']) {
        for (const table of [`sx_${name}`, `sx_${name}_typed`]) {
          const columns = `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`;
          expect(await fresh.records(columns), table).toEqual(await database.records(columns));
          const rows = `SELECT * FROM ${table}`;
          expect(await fresh.records(rows), table).toEqual(await database.records(rows));
        }
      }
      expect(await fresh.records('SELECT 实际值_unit FROM sx_evaluation_typed')).toEqual([
        { 实际值_unit: 'money' },
        { 实际值_unit: 'percent' },
        { 实际值_unit: 'count' },
      ]);
    } finally {
      await fresh.close();
      await database.close();
    }
  });

  it('leaves a sum of a text column to the database, and answers it there', async () => {
    const { engine: fresh, calls: freshCalls } = countedEngine(() => BlockingConnector.open());
    try {
      await fresh.defineSource('strategy', {
        bytes: template('strategy.csv'),
        label: 'strategy.csv',
      }).ready;
      expect(freshCalls()).toBe(0);
      const answer = await fresh.coordinator.request({
        kind: 'aggregate',
        source: 'strategy',
        groupBy: ['策略模块'],
        measures: [{ column: '所需资源', aggregate: 'sum' }],
      });
      expect(answer.plan).toBe('sum-text');
      expect(answer.rows).toHaveLength(3);
      expect(freshCalls()).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
