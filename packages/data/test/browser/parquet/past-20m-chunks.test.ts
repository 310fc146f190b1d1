import { expect, it } from 'vitest';
import { browserParquetDecoder } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { insertParquet } from '../../../src/parquet/load-parquet';
import { recordsOf } from '../../../src/loaded-table';
import { fetchBytes } from '../../engine-helpers';
import { BY_REGION_SQL, type LargeFigures } from '../../../../../fixtures/parquet/large-figures';

// The two-column load of the 50M-row file (write-large.ts; not committed, skipped when absent)
// in bounded chunks, as the loader sends it, and in one message, as it once did: both reach
// native DuckDB's figures, each on a fresh database, alternating, with their times logged for
// a reader comparing them on a quiet machine (a busy one moves either by half).
const facts = '/fixtures/generated/facts_50000000.parquet';
const figures = await fetch(`${facts}.figures.json`).then(
  async (answer) => (answer.ok ? ((await answer.json()) as LargeFigures) : undefined),
  () => undefined,
);

it.skipIf(!figures)(
  'loads two columns of 50M rows in 256 MB chunks and in one message, to the same figures',
  async () => {
    const bytes = await fetchBytes(facts);
    const decoder = await browserParquetDecoder();
    const ways = [
      ['chunks of 256 MB', undefined],
      ['one message', 2 ** 33],
    ] as const;
    for (const [way, chunkBytes] of [...ways, ...ways]) {
      const connector = await WasmConnector.open();
      try {
        const started = performance.now();
        await insertParquet(connector, decoder, 'facts', bytes, 'facts_50000000.parquet', {
          columns: ['region', 'amount'],
          ...(chunkBytes ? { chunkBytes } : {}),
        });
        const seconds = (performance.now() - started) / 1000;
        console.log(`two columns of 50M rows, ${way}: ${seconds.toFixed(1)} s`);
        expect(recordsOf(await connector.query(BY_REGION_SQL('facts')))).toEqual(figures?.byRegion);
      } finally {
        await connector.close();
      }
    }
  },
  1_800_000,
);
