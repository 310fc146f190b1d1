import { afterAll, expect, it } from 'vitest';
import { Engine, faultOf, LoadError } from '@stratex/data';
import { NativeConnector } from '@stratex/data/node';

/** A database whose settings stay open, so that its memory may be limited. */
const engine = new Engine(() => NativeConnector.open());
afterAll(() => engine.close());

it('names the fault when the database runs out of memory, its own words kept as the message', async () => {
  await engine.records("SET memory_limit = '8MB'");
  const failure = await engine
    .records('SELECT count(DISTINCT i::VARCHAR || repeat($1, 40)) AS n FROM range(2000000) t(i)', [
      'x',
    ])
    .catch((cause: unknown) => cause);
  expect(faultOf(failure)).toEqual({ kind: 'out-of-memory' });
  expect((failure as Error).message).toMatch(/Out of Memory/i);
  await engine.records('RESET memory_limit');
});

it('names damage in what a file being read says, and a buffer beyond the browser', () => {
  const truncated = new LoadError(
    'sales.parquet could not be read',
    'sales.parquet',
    'file truncated',
  );
  expect(truncated.fault).toEqual({ kind: 'damaged' });
  const beyond = new LoadError(
    "big.parquet could not be read as Parquet: Failed to execute 'postMessage' on 'Worker': The ArrayBuffer/ArrayBufferView size exceeds the supported range.",
    'big.parquet',
  );
  expect(beyond.fault).toEqual({ kind: 'too-large' });
  expect(new LoadError('x.csv is empty.', 'x.csv').fault).toBeUndefined();
});
