import { afterAll, expect, it } from 'vitest';
import { browserParquetDecoder, Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { fetchBytes } from '../../engine-helpers';
import { BY_REGION_SQL, type LargeFigures } from '../../../../../fixtures/parquet/large-figures';

// Made by `npx tsx fixtures/parquet/write-large.ts --rows 50000000` (not committed): loading it
// takes minutes on two cores, so it runs by hand; the chunking itself is tested on a small file.
const facts = '/fixtures/generated/facts_50000000.parquet';
const figures = await fetch(`${facts}.figures.json`).then(
  async (answer) => (answer.ok ? ((await answer.json()) as LargeFigures) : undefined),
  () => undefined,
);
const engine = new Engine(() => WasmConnector.open(), { parquetDecoder: browserParquetDecoder });
afterAll(() => engine.close());

it.skipIf(!figures)(
  'loads 50M rows of Parquet into the worker in chunks, to native DuckDB’s figures',
  async () => {
    const bytes = await fetchBytes(facts);
    const started = performance.now();
    const loaded = await engine.tables.loadParquetBytes('facts_50m', bytes, {
      // Four columns: about 2.3 GB decoded, past what one message to the worker can carry.
      columns: ['region', 'product_line', 'customer_type', 'amount'],
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`50M-row Parquet (${bytes.byteLength} bytes) loaded in ${seconds.toFixed(1)} s`);
    expect(loaded.rowCount).toBe(figures?.rows);
    expect(await engine.records(BY_REGION_SQL('facts_50m'))).toEqual(figures?.byRegion);
  },
  600_000,
);
