import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockingConnector } from '@stratex/data/node';
import { countedEngine } from '../memory-agreement';
import { serveVersionedFile, type VersionedFile } from './versioned-server';

// A small CSV source is read and answered in JS; the database gets it only when SQL needs it.
const template = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../../fixtures/template/${name}`, import.meta.url)));
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
