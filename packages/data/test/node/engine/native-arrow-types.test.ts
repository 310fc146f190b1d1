import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine } from '@stratex/data/node';

/**
 * A CSV typed in JS reaches native DuckDB as Arrow: its exact money must stay DECIMAL and its
 * days DATE there, as they do in DuckDB-WASM, or sums drift by float rounding and days turn
 * into time stamps.
 */
describe('native DuckDB takes a typed Arrow table with its types', () => {
  // Read by the database, not held as a small table in JS.
  const engine = nativeEngine({ inMemoryCsvBytes: 0 });
  afterAll(() => engine.close());

  it('keeps money exact to the fen and days as days', async () => {
    const csv = new TextEncoder().encode(
      '日期,名称,金额\n2024-01-03,a,-0.05\n2024-02-29,b,12345678901234.56\n2024-03-01,c,-7.10\n',
    );
    await engine.defineSource('ledger', { bytes: csv, format: 'csv', label: 'ledger.csv' }).ready;
    const rows = await engine.records(
      'SELECT 日期::VARCHAR AS day, typeof(日期) AS day_type, 金额::VARCHAR AS money, ' +
        'typeof(金额) AS money_type FROM sx_ledger_typed ORDER BY 名称',
    );
    expect(rows).toEqual([
      { day: '2024-01-03', day_type: 'DATE', money: '-0.05', money_type: 'DECIMAL(18,2)' },
      {
        day: '2024-02-29',
        day_type: 'DATE',
        money: '12345678901234.56',
        money_type: 'DECIMAL(18,2)',
      },
      { day: '2024-03-01', day_type: 'DATE', money: '-7.10', money_type: 'DECIMAL(18,2)' },
    ]);
    const [sum] = await engine.records('SELECT sum(金额)::VARCHAR AS total FROM sx_ledger_typed');
    expect(sum?.total).toBe('12345678901227.41');
  });
});
