import { gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import { gunzipWithin } from '../../../src/csv/gzip';

const engine = nodeEngine();
afterAll(() => engine.close());

it('loads a CSV packed as two gzip members, and an empty last member as BGZF ends', async () => {
  const file = Buffer.concat([
    gzipSync('区域,目标值\n华东,150\n'),
    gzipSync('华南,80\n'),
    gzipSync(''),
  ]);
  expect(new TextDecoder().decode(await gunzipWithin(file, 1024, 'targets.csv.gz'))).toBe(
    '区域,目标值\n华东,150\n华南,80\n',
  );
  const loaded = await engine.tables.loadCsvBytes('targets', file, { file: 'targets.csv.gz' });
  expect(loaded.rowCount).toBe(2);
  expect(await engine.records('SELECT 区域 FROM targets ORDER BY rowid')).toEqual([
    { 区域: '华东' },
    { 区域: '华南' },
  ]);
});
