import { loadRecords } from '../../engine-helpers';
import { afterAll, expect, it } from 'vitest';
import {
  browserParquetDecoder,
  DatabaseLostError,
  type DatabaseHealthDetail,
  Engine,
} from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';

/**
 * The call deadline is far (60 s): a killed worker must be noticed by the heartbeat, which
 * rejects the pending call with DatabaseLostError, not by the deadline's EngineTimeoutError.
 */
const workers: Worker[] = [];
const engine = new Engine(
  async () => {
    const connector = await WasmConnector.open();
    workers.push(connector.worker);
    return connector;
  },
  { timeoutMs: 60_000, parquetDecoder: browserParquetDecoder },
);
afterAll(() => engine.close());

const health: DatabaseHealthDetail[] = [];
engine.onHealth((detail) => health.push(detail));

/** How long the page took to notice, for the record (never asserted: the machine is shared). */
async function noticed(work: Promise<unknown>, killedAt: number, what: string): Promise<unknown> {
  const cause = await work.then(
    () => new Error('the call finished although its worker was killed'),
    (error: unknown) => error,
  );
  console.info(`${what}: noticed ${Math.round(performance.now() - killedAt)} ms after the kill`);
  return cause;
}

it('rebuilds the database after its worker is killed mid-query, with the sources still there', async () => {
  await loadRecords(engine, 'targets', [
    { region: '华东', target: 1_500_000 },
    { region: '华南', target: 1_200_000 },
  ]);

  const longQuery = engine.records('SELECT sum(hash(i)) AS h FROM range(3000000000) AS t(i)');
  await new Promise((resolve) => setTimeout(resolve, 300));
  workers[0]?.terminate();
  const cause = await noticed(longQuery, performance.now(), 'killed mid-query');
  expect(cause).toBeInstanceOf(DatabaseLostError);
  expect(String(cause)).toMatch(/worker ended/);

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

it('rebuilds the database after its worker is killed mid-load, and loads the file into the new one', async () => {
  const source = engine.defineSource('facts', { url: '/__faults/rows/facts.csv?rows=200000' });
  const killed = new Promise<number>((resolve) => {
    source.addEventListener('progress', (event) => {
      const { phase } = (event as CustomEvent<{ phase: string }>).detail;
      if (phase === 'fetch' || workers.length !== 2) return;
      workers[1]?.terminate();
      resolve(performance.now());
    });
  });
  const cause = await noticed(source.ready, await killed, 'killed mid-load');
  expect(cause).toBeInstanceOf(DatabaseLostError);

  const [count] = await engine.records(`SELECT count(*)::INT AS n FROM facts`);
  expect(count).toEqual({ n: 200_000 });
  expect(source.state).toBe('ready');
  expect(workers).toHaveLength(3);
  expect(engine.health).toEqual({ health: 'ready', recoveries: 2 });
});
