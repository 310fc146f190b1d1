import { afterAll, describe, expect, it } from 'vitest';
import { messageText } from '@stratex/core';
import { browserParquetDecoder, Engine, faultOf, LoadError } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { insertParquet } from '../../../src/parquet/load-parquet';
import { fetchBytes } from '../../engine-helpers';
import {
  EXPECTED,
  figuresSql,
  SALES_FILES,
} from '../../../../../fixtures/parquet/writers/outcomes';

const writerFile = (name: string): Promise<Uint8Array> =>
  fetchBytes(`/fixtures/parquet/writers/${name}`);

const engine = new Engine(() => WasmConnector.open(), { parquetDecoder: browserParquetDecoder });
afterAll(() => engine.close());

describe('Parquet from every writer here, in Chromium', () => {
  for (const [index, { file, columns }] of SALES_FILES.entries()) {
    it(`${file} loads whole, and by the columns a widget reads, with the rows' figures`, async () => {
      const bytes = await writerFile(file);
      const whole = await engine.tables.loadParquetBytes(`whole_${index}`, bytes, { file });
      expect(whole.columns).toEqual(columns);
      expect((await engine.records(figuresSql(`whole_${index}`)))[0]).toEqual(EXPECTED);
      const picked = await engine.tables.loadParquetBytes(`picked_${index}`, bytes, {
        file,
        columns: ['region', 'amount', 'day', 'at'],
      });
      expect(picked.columns).toEqual(['region', 'amount', 'day', 'at']);
      const [row] = await engine.records(
        `SELECT CAST(sum(amount::DECIMAL(18, 2)) AS VARCHAR) AS amount, count(*) FILTER (WHERE region = '华东')::INT AS "eastChina" FROM picked_${index}`,
      );
      expect(row).toEqual({ amount: EXPECTED.amount, eastChina: EXPECTED.eastChina });
    });
  }

  it('reads view-typed text whole and by column', async () => {
    const bytes = await writerFile('arrow-rs-string-view.parquet');
    for (const columns of [undefined, ['region']]) {
      const table = columns ? 'view_picked' : 'view_whole';
      await engine.tables.loadParquetBytes(table, bytes, columns ? { columns } : {});
      const [row] = await engine.records(
        `SELECT count(*) FILTER (WHERE region = '华东')::INT AS "eastChina" FROM ${table}`,
      );
      expect(row).toEqual({ eastChina: EXPECTED.eastChina });
    }
  });

  it('names the column and type it cannot read, in both languages, without calling the file damaged', async () => {
    const failure = await engine.tables
      .loadParquetBytes('wide', await writerFile('wide-decimal.parquet'), {
        file: 'wide.parquet',
      })
      .catch((cause: unknown) => cause);
    expect(failure).toBeInstanceOf(LoadError);
    expect(faultOf(failure)).toBeUndefined();
    expect((failure as LoadError).params).toEqual({
      file: 'wide.parquet',
      column: 'amount',
      type: 'DECIMAL(50, 2)',
    });
    const { code, params, message } = failure as LoadError;
    expect(message).toContain('its column "amount" is of type DECIMAL(50, 2)');
    expect(code && messageText('zh-CN', code, params)).toBe(
      'wide.parquet 无法作为 Parquet 读取：其中“amount”列的类型是 DECIMAL(50, 2)，页面无法读取这种类型。文件没有损坏：请不读取这一列，或换一种类型写出它。',
    );
  });
});

describe('a multi-chunk load in Chromium', () => {
  it('sends each row group of a three-row-group file as its own message and keeps every row', async () => {
    const connector = await WasmConnector.open();
    try {
      const sent: boolean[] = [];
      const counting = Object.create(connector) as WasmConnector;
      counting.insertArrow = (table, ipc, options) => {
        sent.push(options?.append ?? false);
        return connector.insertArrow(table, ipc, options);
      };
      await insertParquet(
        counting,
        await browserParquetDecoder(),
        'chunked',
        await writerFile('arrow-rs.parquet'),
        'arrow-rs.parquet',
        { chunkBytes: 1 },
      );
      expect(sent).toEqual([false, true, true]);
      expect((await connector.query(figuresSql('chunked'))).toArray()[0]?.toJSON()).toEqual(
        EXPECTED,
      );
    } finally {
      await connector.close();
    }
  });
});
