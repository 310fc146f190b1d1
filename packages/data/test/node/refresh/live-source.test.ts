import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import { serveVersionedFile, type VersionedFile } from '../versioned-server';

const engine = nodeEngine();
const template = (name: string): Buffer =>
  readFileSync(new URL(`../../../../../fixtures/template/${name}`, import.meta.url));
let server: VersionedFile;

beforeAll(async () => {
  server = await serveVersionedFile(template('evaluation.csv'));
});
afterAll(async () => {
  server.close();
  await engine.close();
});

describe('a refreshing CSV source', () => {
  it('swaps its typed table in with its text table, under the source name', async () => {
    const source = engine.defineSource('evaluation', { url: `${server.origin}/evaluation.csv` });
    const first = await source.ready;
    expect(first.typedTable).toBe('sx_evaluation_typed');
    expect(
      await engine.records('SELECT "目标值" AS target FROM sx_evaluation_typed ORDER BY 1'),
    ).toEqual([{ target: 0.15 }, { target: 30 }, { target: 5_000_000 }]);

    server.body = template('progress.gbk.csv');
    server.version = 2;
    const refreshed = await source.refresh();
    expect(refreshed.table).toBe('sx_evaluation');
    expect(refreshed.typedTable).toBe('sx_evaluation_typed');
    expect(refreshed.columns).toContain('任务名称');
    const typedColumns = await engine.records(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'sx_evaluation_typed'",
    );
    expect(typedColumns.map((row) => row.column_name)).toContain('计划开始时间');
    const leftovers = await engine.records(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%__next%'",
    );
    expect(leftovers).toEqual([]);
  });
});
