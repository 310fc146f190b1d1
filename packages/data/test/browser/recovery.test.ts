import { afterAll, expect, it } from 'vitest';
import { browserParquetDecoder, type DatabaseHealthDetail, Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';

const workers: Worker[] = [];
const engine = new Engine(
  async () => {
    const connector = await WasmConnector.open();
    workers.push(connector.worker);
    return connector;
  },
  { timeoutMs: 4_000, parquetDecoder: browserParquetDecoder },
);
afterAll(() => engine.close());

it('rebuilds the database after its worker is killed mid-query, with the sources still there', async () => {
  const health: DatabaseHealthDetail[] = [];
  engine.onHealth((detail) => health.push(detail));
  await engine.loadRecords('targets', [
    { region: '华东', target: 1_500_000 },
    { region: '华南', target: 1_200_000 },
  ]);

  const longQuery = engine.records('SELECT sum(hash(i)) AS h FROM range(3000000000) AS t(i)');
  await new Promise((resolve) => setTimeout(resolve, 300));
  workers[0]?.terminate();
  await expect(longQuery).rejects.toThrow(/did not finish within 4 s/);

  const rows = await engine.records('SELECT region, target FROM targets ORDER BY target DESC');
  expect(rows).toEqual([
    { region: '华东', target: 1_500_000 },
    { region: '华南', target: 1_200_000 },
  ]);
  expect(workers).toHaveLength(2);
  expect(health.map((step) => step.health)).toEqual(['ready', 'recovering', 'ready']);
  expect(engine.health).toEqual({ health: 'ready', recoveries: 1 });
  expect(engine.source('targets')?.state).toBe('ready');
});
