import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '@stratex/data/node';
import { disagreements, typedSnapshot } from '../../csv-checks';

const engine = nodeEngine();
afterAll(() => engine.close());

/** A one-column CSV: the odd cells under test among enough plain ones to settle the kind. */
function column(
  header: string,
  cells: readonly string[],
  filler: (k: number) => string,
): Uint8Array {
  const quote = (cell: string): string =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const padding = Array.from({ length: cells.length * 5 }, (_, k) => filler(k));
  return new TextEncoder().encode([header, ...cells, ...padding].map(quote).join('\r\n') + '\r\n');
}

const NUMBER_SPELLINGS = [
  '500万元',
  '1.5亿',
  '1,500,000',
  '¥150万',
  '15%',
  '90%（设计中）',
  '90% (designing)',
  '-3.5',
  '+7',
  '.5',
  '0',
  '-0',
  '0.5',
  '00123',
  '1e5',
  '5.',
  '２０２４',
  '１５％',
  '￥１５０万',
  'RMB 100',
  'USD 5',
  '$1,000.50',
  '30家',
  '28家客户',
  '3个',
  '1.2k',
  '3M',
  '2024',
  '#DIV/0!',
  '#N/A',
  '="00123"',
  '  42  ',
  '1,23',
  '1 500',
  '12.5万元',
  '¥-5',
  '-¥5',
  '¥$5',
  '5%元',
  '¥15%',
  '1.1万',
  '0.07%',
  '1万亿',
  '三十',
  'n/a',
  '　88　',
  '−12',
  '100 (est.)',
  '100（预计）',
];

const DATE_SPELLINGS = [
  '2024/6/1',
  '2024-06-01',
  '2024年6月10日',
  '2024.6.1',
  '2024-02-30',
  '2024/13/1',
  '2024-06-01 09:30',
  '2024-6-1T10:00:00',
  '2024年6月1号',
  '２０２４/６/１',
  'tomorrow',
  '2024-06-1',
  ' 2024-06-03 ',
  '2023-02-29',
  '2024-02-29',
  '2024 年 6 月 1 日',
  '#N/A',
];

const PERIOD_SPELLINGS = [
  '2024 Q3',
  '2024-Q3',
  '2024年第三季度',
  'Q3 2024',
  '2024H1',
  '2024年上半年',
  '2024-06',
  '2024年6月',
  '2024年',
  'FY2024',
  '2024Q5',
  'next quarter',
];

describe('SQL reads cells exactly as parseCell does', () => {
  it('numbers: 万/亿/%, currency, counts, notes, full-width, codes and junk', async () => {
    const bytes = column('amount', NUMBER_SPELLINGS, (k) => String(k * 37));
    const loaded = await engine.tables.loadCsvBytes('cells_numbers', bytes);
    expect(loaded.columnTypes?.[0]).toMatchObject({ kind: 'number', unit: 'mixed' });
    expect(await disagreements(engine, loaded)).toEqual([]);
    const snapshot = await typedSnapshot(engine, loaded);
    const value = (raw: string): unknown => snapshot.rows[NUMBER_SPELLINGS.indexOf(raw)]?.[0];
    expect(value('500万元')).toBe(5_000_000);
    expect(value('1.5亿')).toBe(150_000_000);
    expect(value('1,500,000')).toBe(1_500_000);
    expect(value('¥150万')).toBe(1_500_000);
    expect(value('15%')).toBe(0.15);
    expect(value('90%（设计中）')).toBe(0.9);
    expect(value('1.1万')).toBe(11_000);
    expect(value('00123')).toBeNull();
    expect(value('2024')).toBe(2024);
    const units = await engine.records('SELECT amount_unit AS unit FROM cells_numbers_typed');
    const unit = (raw: string): unknown => units[NUMBER_SPELLINGS.indexOf(raw)]?.unit;
    expect(['500万元', '¥150万', '15%', '30家', '1.5亿', '3M'].map(unit)).toEqual([
      'money',
      'money',
      'percent',
      'count',
      'money',
      'number',
    ]);
  });

  it('lists the cells it could not read, with line, column and reason', async () => {
    const bytes = column('amount', NUMBER_SPELLINGS, (k) => String(k * 37));
    const loaded = await engine.tables.loadCsvBytes('cells_rejects', bytes, {
      file: 'amounts.csv',
    });
    const unread = NUMBER_SPELLINGS.filter((raw) =>
      [
        '00123',
        '1e5',
        '5.',
        '#DIV/0!',
        '#N/A',
        '="00123"',
        '1,23',
        '1 500',
        '¥$5',
        '5%元',
        '¥15%',
        '三十',
        'n/a',
      ].includes(raw),
    );
    expect(loaded.rejects?.cells).toBe(unread.length);
    expect(loaded.rejects?.rows).toBe(0);
    const divide = loaded.rejects?.first.find((reject) => reject.value === '#DIV/0!');
    expect(divide).toEqual({
      line: NUMBER_SPELLINGS.indexOf('#DIV/0!') + 2,
      column: 'amount',
      value: '#DIV/0!',
      reason: 'expected a number, found the Excel error #DIV/0!',
    });
    const code = loaded.rejects?.first.find((reject) => reject.value === '00123');
    expect(code?.reason).toBe('expected a number, found a code with a leading zero');
  });

  it('dates: slashes, dashes, 年月日, times, impossible days', async () => {
    const bytes = column(
      'day',
      DATE_SPELLINGS,
      (k) => `2024-07-${String((k % 28) + 1).padStart(2, '0')}`,
    );
    const loaded = await engine.tables.loadCsvBytes('cells_dates', bytes);
    expect(loaded.columnTypes?.[0]?.kind).toBe('date');
    expect(await disagreements(engine, loaded)).toEqual([]);
    const snapshot = await typedSnapshot(engine, loaded);
    const value = (raw: string): unknown => snapshot.rows[DATE_SPELLINGS.indexOf(raw)]?.[0];
    expect(value('2024年6月10日')).toBe('2024-06-10');
    expect(value('2024/6/1')).toBe('2024-06-01');
    expect(value('2024-02-30')).toBeNull();
    expect(loaded.rejects?.first.find((r) => r.value === '2024-02-30')?.reason).toBe(
      'expected a date, found a day that is not in the calendar',
    );
  });

  it('periods: quarters, halves, months and years, in Chinese and English', async () => {
    const bytes = column('period', PERIOD_SPELLINGS, (k) => `2024-Q${(k % 4) + 1}`);
    const loaded = await engine.tables.loadCsvBytes('cells_periods', bytes);
    expect(loaded.columnTypes?.[0]?.kind).toBe('period');
    expect(await disagreements(engine, loaded)).toEqual([]);
    const snapshot = await typedSnapshot(engine, loaded);
    const value = (raw: string): unknown => snapshot.rows[PERIOD_SPELLINGS.indexOf(raw)]?.[0];
    expect(value('2024年第三季度')).toBe('2024-Q3');
    expect(value('2024年上半年')).toBe('2024-H1');
    expect(loaded.rejects?.cells).toBe(2);
  });

  it('a column of codes with leading zeros stays text', async () => {
    const codes = ['09001', '09002', '00123', '10001'];
    const loaded = await engine.tables.loadCsvBytes(
      'cells_codes',
      column('code', codes, (k) => `0${9000 + k}`),
    );
    expect(loaded.columnTypes?.[0]).toMatchObject({ kind: 'text', rejects: 0 });
    const [first] = await engine.records('SELECT code FROM cells_codes_typed LIMIT 1');
    expect(first?.code).toBe('09001');
  });
});
