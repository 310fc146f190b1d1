import { afterAll, describe, expect, it } from 'vitest';
import type { LoadProgress } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';

// The pass over a big CSV's rows says how far it has got, row by row, and a cancel heard
// during the pass stops the load there: nothing reaches the engine.
const engine = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
afterAll(() => engine.close());

const ROWS = 400_000;
const regions = ['华东', '华南', '华北', '西南'];
const facts = new TextEncoder().encode(
  [
    'region,amount,day',
    ...Array.from(
      { length: ROWS },
      (_, k) =>
        `${regions[k % 4]},${(k % 997) + 0.25},2024-06-${String((k % 28) + 1).padStart(2, '0')}`,
    ),
  ].join('\n'),
);

describe('progress inside the pass over the rows', () => {
  it('reports rows read as the pass goes, then the rows handed to the engine', async () => {
    const steps: LoadProgress[] = [];
    const source = engine.defineSource('rows_read', { bytes: facts, label: 'facts.csv' });
    source.addEventListener('progress', (event) =>
      steps.push((event as CustomEvent<LoadProgress>).detail),
    );
    const loaded = await source.ready;
    expect(loaded.rowCount).toBe(ROWS);
    const reading = steps.filter((step) => step.phase === 'decode' && step.rowsLoaded);
    expect(reading.length).toBeGreaterThan(0);
    const counts = reading.map((step) => step.rowsLoaded ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Math.max(...counts)).toBeLessThan(ROWS);
    for (const step of reading) {
      expect(step.totalBytes).toBe(facts.byteLength);
      expect(step.bytesRead).toBeLessThan(facts.byteLength);
    }
    const handing = steps.filter((step) => step.phase === 'load');
    expect(handing.at(-1)).toMatchObject({ rowsLoaded: ROWS, totalRows: ROWS });
    const [figures] = await engine.records(
      `SELECT count(*)::INT AS n, sum(amount)::DOUBLE AS amount FROM "${loaded.typedTable}"`,
    );
    expect(figures).toEqual({ n: ROWS, amount: expect.any(Number) as number });
  });

  it('stops at a cancel heard during the pass: no row is handed on to the engine', async () => {
    const steps: LoadProgress[] = [];
    const source = engine.defineSource('cancelled_rows', { bytes: facts, label: 'facts.csv' });
    source.addEventListener('progress', (event) => {
      const step = (event as CustomEvent<LoadProgress>).detail;
      steps.push(step);
      if (step.phase === 'decode' && step.rowsLoaded) source.cancel();
    });
    await expect(source.ready).rejects.toThrow('was cancelled');
    expect(steps.filter((step) => step.phase === 'load')).toEqual([]);
    expect(source.state).toBe('error');
  });
});
