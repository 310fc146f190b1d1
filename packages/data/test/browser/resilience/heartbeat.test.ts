import { expect, it } from 'vitest';
import { WasmConnector } from '@stratex/data/wasm';
import { Heartbeat, HEARTBEAT_MESSAGE } from '../../../src/resilience/heartbeat';
import {
  DatabaseLostError,
  RecoveringConnector,
} from '../../../src/resilience/recovering-connector';

/**
 * The heartbeat against real workers: one that speaks its protocol (like our boot script)
 * and can be made to hold a lock or to wedge, and one that never answers.
 */
function worker(takesLock: boolean): Worker {
  const script = `
    self.addEventListener('message', (event) => {
      if (event.data === 'wedge') { for (;;) {} }
      if (!event.data || event.data.type !== ${JSON.stringify(HEARTBEAT_MESSAGE)}) return;
      const port = event.ports[0];
      port.onmessage = () => port.postMessage('pong');
      if (${takesLock} && event.data.lock)
        navigator.locks.request(event.data.lock, () => {
          port.postMessage('held');
          return new Promise(() => {});
        });
    });`;
  return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
}

const settled = <T>(promise: Promise<T>, ms: number): Promise<T | 'still pending'> =>
  Promise.race([
    promise,
    new Promise<'still pending'>((r) => setTimeout(() => r('still pending'), ms)),
  ]);

it('hears a worker end through the lock it held', async () => {
  const ending = worker(true);
  const heartbeat = new Heartbeat(ending, { intervalMs: 100, silenceMs: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  ending.terminate();
  expect(String(await heartbeat.lost)).toMatch(/worker ended/);
});

it('takes an idle worker that stops answering pings for dead', async () => {
  const wedging = worker(false);
  const heartbeat = new Heartbeat(wedging, { intervalMs: 100, silenceMs: 500 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  wedging.postMessage('wedge');
  expect(String(await heartbeat.lost)).toMatch(/stopped answering/);
  wedging.terminate();
});

it('does not judge a busy worker by its silence, nor a worker that never spoke the protocol', async () => {
  const busy = worker(false);
  const heartbeat = new Heartbeat(busy, { intervalMs: 100, silenceMs: 300 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  void heartbeat.during(new Promise(() => undefined));
  busy.postMessage('wedge');
  expect(await settled(heartbeat.lost, 1_500)).toBe('still pending');
  heartbeat.stop();
  busy.terminate();

  const foreign = new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })));
  const unheard = new Heartbeat(foreign, { intervalMs: 100, silenceMs: 300 });
  expect(await settled(unheard.lost, 1_500)).toBe('still pending');
  unheard.stop();
  foreign.terminate();
});

it('hears a database worker killed in its very first query, before the deadline', async () => {
  // The first call is sent the moment the database opens; the deadline is far, so only the
  // worker's lock can tell the page in time, and the call fails as lost, not as late.
  const database = new RecoveringConnector(() => WasmConnector.open(), {
    timeoutMs: 30_000,
    reload: async () => undefined,
  });
  const opened = await database.current();
  const first = database.query('SELECT sum(hash(i)) AS h FROM range(3000000000) AS t(i)');
  await new Promise((resolve) => setTimeout(resolve, 300));
  (opened as WasmConnector).worker.terminate();
  const cause = await first.then(
    () => new Error('the query finished although its worker was killed'),
    (error: unknown) => error,
  );
  expect(cause).toBeInstanceOf(DatabaseLostError);
  expect(String(cause)).toMatch(/worker ended/);
  await database.close();
}, 90_000);
