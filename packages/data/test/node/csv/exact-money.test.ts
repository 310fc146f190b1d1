import { afterAll, describe, expect, it } from 'vitest';
import { BlockingConnector, nodeEngine } from '@stratex/data/node';
import { decimalScale, exactDecimalFor, exactSum } from '../../../src/csv/exact-decimals';
import { agreement, countedEngine } from '../../memory-agreement';

// Money read as exact decimals: the engine's typed table holds it as DECIMAL, its sums are
// exact to the fen, the JS reading of small files says and sums the same, and a blank cell
// does not make a percent or money column mixed.
const database = nodeEngine({ inMemoryCsvBytes: 0, recover: false });
const js = countedEngine(() => BlockingConnector.open());
afterAll(() => Promise.all([database.close(), js.engine.close()]));

const encoder = new TextEncoder();
let tables = 0;
const csv = (...lines: string[]): Uint8Array => encoder.encode(`${lines.join('\n')}\n`);

/** 25,000 amounts of about 1,798.40 that add up to exactly 44,960,000.00. */
const STEPS = [1, 2, -3, 7, -7];
const amounts = Array.from({ length: 25_000 }, (_, at) => (179_840 + STEPS[at % 5]!) / 100);

describe('the figures of a column, read as decimals', () => {
  it('counts the digits after the point that were written', () => {
    expect([1234.56, 1.5e4, 0.1, 0.015, 1798.41, -7.25].map(decimalScale)).toEqual([
      2, 0, 1, 3, 2, 2,
    ]);
    expect(decimalScale(1 / 3)).toBeUndefined();
    expect(decimalScale(0.123456)).toBeUndefined();
  });

  it('holds money and figures to the fen as DECIMAL, other whole figures as DOUBLE', () => {
    expect(exactDecimalFor([1234.56, null, 7], 'number')).toEqual({ precision: 18, scale: 2 });
    expect(exactDecimalFor([5_000_000, 1_500_000], 'money')).toEqual({ precision: 18, scale: 0 });
    expect(exactDecimalFor([30, 28], 'count')).toBeUndefined();
    expect(exactDecimalFor([1 / 3], 'number')).toBeUndefined();
    expect(exactDecimalFor([0.15, 1.08], 'mixed')).toBeUndefined();
    expect(exactDecimalFor([1e20, 0.5], 'money')).toEqual({ precision: 38, scale: 1 });
  });

  it('sums them to the fen where plain floats drift', () => {
    expect(amounts.reduce((sum, value) => sum + value, 0)).not.toBe(44_960_000);
    expect(exactSum(amounts, 2)).toBe(44_960_000);
    expect(exactSum([0.1, 0.2], 1)).toBe(0.3);
    expect(exactSum([9e15, 9e15, 0.01], 2)).toBe(18_000_000_000_000_000);
  });
});

describe('a CSV of money loads as exact decimals', () => {
  const sales = csv(
    '区域,目标值,实际值,达成率',
    ...amounts.map(
      (value, at) =>
        `区域${at % 3},1798.40元,"¥${value.toLocaleString('en', { minimumFractionDigits: 2 })}",${at % 4 === 0 ? '' : '98.5%'}`,
    ),
  );

  it('types the money columns DECIMAL and sums them exactly in SQL', async () => {
    const loaded = await database.tables.loadCsvBytes(`money_${++tables}`, sales, {
      file: 'sales.csv',
    });
    const column = (name: string) => loaded.columnTypes?.find((type) => type.name === name);
    // 1798.40 is 1798.4: the digits the figures need, not the zeros written.
    expect(column('目标值')).toMatchObject({ unit: 'money', exact: { precision: 18, scale: 1 } });
    expect(column('实际值')).toMatchObject({ unit: 'money', exact: { precision: 18, scale: 2 } });
    // A blank rate among percentages: still a percent column, not mixed.
    expect(column('达成率')).toMatchObject({ unit: 'percent', exact: { precision: 18, scale: 3 } });
    expect(column('达成率')?.unitColumn).toBeUndefined();
    const [sums] = await database.records(
      `SELECT sum(目标值) AS target, sum(实际值) AS actual, any_value(typeof(实际值)) AS type FROM "${loaded.typedTable}"`,
    );
    expect(sums).toEqual({ target: 44_960_000, actual: 44_960_000, type: 'DECIMAL(18,2)' });
    const [first] = await database.records(
      `SELECT 实际值, 达成率 FROM "${loaded.typedTable}" LIMIT 1 OFFSET 1`,
    );
    expect(first).toEqual({ 实际值: 1798.42, 达成率: 0.985 });
  });

  it('a blank cell leaves a 万 money column one unit, in the engine and in JS', async () => {
    const bytes = csv('区域,目标值', '华东,150万', '华南,', '华北,90万');
    const found = await agreement(js, database, `blank_${++tables}`, bytes, 'blank.csv');
    expect(found.differences).toEqual([]);
    expect(found.inJs).toBe(true);
    const loaded = await database.tables.loadCsvBytes(`blank_money_${++tables}`, bytes, {
      file: 'blank.csv',
    });
    expect(loaded.columnTypes?.find((type) => type.name === '目标值')).toMatchObject({
      unit: 'money',
      exact: { precision: 18, scale: 0 },
    });
  });

  it('the JS reading of a small file says the same types and gives the same sums', async () => {
    const small = csv(
      '区域,目标值,实际值,达成率',
      ...amounts
        .slice(0, 2_000)
        .map(
          (value, at) =>
            `区域${at % 3},1798.40元,${value.toFixed(2)}元,${at % 4 === 0 ? '' : '98.5%'}`,
        ),
    );
    const found = await agreement(js, database, `small_${++tables}`, small, 'small.csv');
    expect(found.inJs).toBe(true);
    expect(found.differences).toEqual([]);
  });
});
