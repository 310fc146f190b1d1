import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { faultOf, LoadError } from '@stratex/data';
import { BlockingConnector, nodeEngine, nodeParquetDecoder } from '@stratex/data/node';
import { insertParquet } from '../../../src/parquet/load-parquet';
import {
  EXPECTED,
  figuresSql,
  SALES_FILES,
} from '../../../../../fixtures/parquet/writers/outcomes';
import { SPARK_INSTANTS_MS } from '../../../../../fixtures/parquet/writers/spark-int96';

const writerFile = (name: string): Uint8Array =>
  new Uint8Array(
    readFileSync(
      fileURLToPath(new URL(`../../../../../fixtures/parquet/writers/${name}`, import.meta.url)),
    ),
  );

const engine = nodeEngine();
afterAll(() => engine.close());

describe('Parquet from every writer here, through the page’s own decoder and database', () => {
  for (const [index, { file, writer, columns }] of SALES_FILES.entries()) {
    it(`${file}: ${writer} loads with the figures of the rows written`, async () => {
      const loaded = await engine.tables.loadParquetBytes(`writer_${index}`, writerFile(file), {
        file,
      });
      expect(loaded.columns).toEqual(columns);
      expect((await engine.records(figuresSql(`writer_${index}`)))[0]).toEqual(EXPECTED);
    });

    it(`${file}: the columns a widget reads load alone, nested ones left out`, async () => {
      const loaded = await engine.tables.loadParquetBytes(
        `writer_cols_${index}`,
        writerFile(file),
        {
          file,
          columns: ['region', 'amount'],
        },
      );
      expect(loaded.columns).toEqual(['region', 'amount']);
      const [row] = await engine.records(
        `SELECT CAST(sum(amount::DECIMAL(18, 2)) AS VARCHAR) AS amount, count(DISTINCT region)::INT AS regions FROM writer_cols_${index}`,
      );
      expect(row).toEqual({ amount: EXPECTED.amount, regions: EXPECTED.regions });
    });
  }

  it('reads zoned timestamps as the same instants, and nested columns whole', async () => {
    for (const file of ['duckdb.parquet', 'arrow-rs.parquet', 'hyparquet-writer.parquet']) {
      const table = `zoned_${file.replace(/\W/g, '_')}`;
      await engine.tables.loadParquetBytes(table, writerFile(file), { file });
      const [row] = await engine.records(
        `SELECT epoch_ms(min(at_tz)::TIMESTAMP)::DOUBLE AS first, epoch_ms(max(at_tz)::TIMESTAMP)::DOUBLE AS last FROM ${table}`,
      );
      expect(row, file).toEqual({ first: EXPECTED.firstInstantMs, last: EXPECTED.lastInstantMs });
    }
    const [nested] = await engine.records(
      `SELECT tags[1] AS region, detail.owner AS owner FROM zoned_duckdb_parquet LIMIT 1`,
    );
    expect(nested).toEqual({ region: '华东', owner: '赵六' });
  });

  it('reads view-typed text (Utf8View kept in the footer, as polars and pyarrow write it)', async () => {
    const loaded = await engine.tables.loadParquetBytes(
      'string_view',
      writerFile('arrow-rs-string-view.parquet'),
    );
    expect(loaded.rowCount).toBe(EXPECTED.rows);
    const [row] = await engine.records(
      `SELECT count(*) FILTER (WHERE region = '华东')::INT AS "eastChina" FROM string_view`,
    );
    expect(row).toEqual({ eastChina: EXPECTED.eastChina });
  });

  it('reads Spark’s INT96 timestamps as the instants Spark wrote', async () => {
    await engine.tables.loadParquetBytes('spark', writerFile('spark-int96.parquet'));
    const rows = await engine.records(
      `SELECT epoch_ms(booked_at::TIMESTAMP)::DOUBLE AS ms FROM spark`,
    );
    expect(rows.map((row) => row.ms)).toEqual(SPARK_INSTANTS_MS);
  });

  it('names the column and its type when the database cannot hold it, and does not call the file damaged', async () => {
    const failure = await engine.tables
      .loadParquetBytes('wide', writerFile('wide-decimal.parquet'), { file: 'wide.parquet' })
      .catch((cause: unknown) => cause);
    expect(failure).toBeInstanceOf(LoadError);
    expect((failure as LoadError).code).toBe('parquetColumnUnsupported');
    expect((failure as LoadError).message).toBe(
      'wide.parquet could not be read as Parquet: its column "amount" is of type DECIMAL(50, 2), which the page cannot read. The file is not damaged: leave that column out, or write it with another type.',
    );
    expect(faultOf(failure)).toBeUndefined();
    const region = await engine.tables.loadParquetBytes(
      'wide_region',
      writerFile('wide-decimal.parquet'),
      {
        columns: ['region'],
      },
    );
    expect(region.rowCount).toBe(100);
  });

  it('still calls damaged bytes damaged', async () => {
    const bytes = writerFile('duckdb.parquet');
    bytes.fill(0xff, 4, Math.floor(bytes.byteLength / 2));
    const failure = await engine.tables
      .loadParquetBytes('damaged', bytes, { file: 'damaged.parquet' })
      .catch((cause: unknown) => cause);
    expect(failure).toBeInstanceOf(LoadError);
    expect((failure as LoadError).code).toBeUndefined();
    expect(faultOf(failure)).toEqual({ kind: 'damaged' });
  });
});

describe('a table sent to the database in chunks', () => {
  it('sends a three-row-group file as three messages when a chunk holds one, rows in file order', async () => {
    const connector = await BlockingConnector.open();
    try {
      const sent: boolean[] = [];
      const counting = Object.create(connector) as BlockingConnector;
      counting.insertArrow = (table, ipc, options) => {
        sent.push(options?.append ?? false);
        return connector.insertArrow(table, ipc, options);
      };
      await insertParquet(
        counting,
        await nodeParquetDecoder(),
        'chunked',
        writerFile('duckdb.parquet'),
        'duckdb.parquet',
        { chunkBytes: 1 },
      );
      expect(sent).toEqual([false, true, true]);
      const figures = (await connector.query(figuresSql('chunked'))).toArray()[0]?.toJSON();
      expect(figures).toEqual(EXPECTED);
      const order = (
        await connector.query(
          `SELECT bool_and("at" > previous)::INT AS ordered FROM (SELECT "at", lag("at") OVER () AS previous FROM chunked) WHERE previous IS NOT NULL`,
        )
      )
        .toArray()[0]
        ?.toJSON();
      expect(order).toEqual({ ordered: 1 });
    } finally {
      await connector.close();
    }
  });
});
