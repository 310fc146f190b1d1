import { afterAll, expect, it } from 'vitest';
import { browserParquetDecoder, Engine } from '@stratex/data';
import { fetchBytes } from '../engine-helpers';
import { WasmConnector } from '@stratex/data/wasm';

const facts = '/fixtures/generated/sales_1000000';
const present = await fetch(`${facts}.parquet`, { method: 'HEAD' }).then(
  (r) => r.ok,
  () => false,
);
const engine = new Engine(() => WasmConnector.open(), { parquetDecoder: browserParquetDecoder });
afterAll(() => engine.close());

const byRegion = (table: string): string =>
  `SELECT region, round(sum(CAST(amount AS DOUBLE)), 2) AS amount, count(*)::INT AS n FROM ${table} GROUP BY region ORDER BY region`;

it.skipIf(!present)(
  'loads the 1M-row facts as Parquet and as CSV with no network, to the same figures',
  async () => {
    const parquet = await engine.tables.loadParquetBytes(
      'facts_parquet',
      await fetchBytes(`${facts}.parquet`),
      {
        columns: ['region', 'amount'],
      },
    );
    const csv = await engine.tables.loadCsvBytes('facts_csv', await fetchBytes(`${facts}.csv`));
    expect(parquet.rowCount).toBe(1_000_000);
    expect(csv.rowCount).toBe(1_000_000);
    expect(await engine.records(byRegion('facts_parquet'))).toEqual(
      await engine.records(byRegion('facts_csv')),
    );
    const elsewhere = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => !url.startsWith(location.origin));
    expect(elsewhere).toEqual([]);
  },
);
