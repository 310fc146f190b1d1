import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue, parseCell } from '@stratex/core';
import type { Lang, Unit } from '@stratex/core';

const numberOf = (raw: string | null | undefined, expected?: Unit) => {
  const cell = parseCell(raw, expected);
  if (cell.kind !== 'number') throw new Error(`not a number: ${JSON.stringify(cell)}`);
  return cell;
};

describe('parseCell', () => {
  it.each([
    ['500万元', 5_000_000, 'money'],
    ['540万元', 5_400_000, 'money'],
    ['1.5亿', 150_000_000, 'money'],
    ['¥150万', 1_500_000, 'money'],
    ['￥2万元', 20_000, 'money'],
    ['1,500,000', 1_500_000, 'number'],
    ['15%', 0.15, 'percent'],
    ['12%', 0.12, 'percent'],
    ['30家', 30, 'count'],
    ['10个城市', 10, 'count'],
    ['-540万', -5_400_000, 'money'],
    ['1.5万亿', 1.5e12, 'money'],
    ['5.4M', 5_400_000, 'number'],
    ['0', 0, 'number'],
    ['0.5', 0.5, 'number'],
  ] as const)('reads %s as %d (%s)', (raw, value, unit) => {
    const cell = numberOf(raw);
    expect(cell.value).toBe(value);
    expect(cell.unit).toBe(unit);
    expect(cell.raw).toBe(raw);
  });

  it('keeps the note in brackets beside a percentage', () => {
    expect(parseCell('90%（设计中）')).toEqual({
      kind: 'number',
      value: 0.9,
      unit: 'percent',
      note: '设计中',
      raw: '90%（设计中）',
    });
    expect(numberOf('60% (18 visited)').note).toBe('18 visited');
  });

  it('normalises full-width digits and punctuation', () => {
    expect(numberOf('１５％').value).toBe(0.15);
    expect(numberOf('１，５００，０００').value).toBe(1_500_000);
    expect(parseCell('２０２４／６／１')).toMatchObject({ kind: 'date', value: '2024-06-01' });
  });

  it.each(['2024/6/1', '2024年6月1日', '2024-06-01', '2024.6.1', '2024-06-01 00:00:00'])(
    'reads the date %s',
    (raw) => expect(parseCell(raw)).toMatchObject({ kind: 'date', value: '2024-06-01' }),
  );

  it('accepts the leap day only in a leap year', () => {
    expect(parseCell('2024-02-29')).toMatchObject({ kind: 'date', value: '2024-02-29' });
    expect(parseCell('2023-02-29').kind).toBe('text');
    expect(parseCell('2024-13-01').kind).toBe('text');
  });

  it.each([
    '2024 Q3',
    '2024-Q3',
    '2024Q3',
    'Q3 2024',
    '2024年第三季度',
    '2024年三季度',
    '2024年Q3',
  ])('reads the quarter %s', (raw) =>
    expect(parseCell(raw)).toEqual({
      kind: 'period',
      value: '2024-Q3',
      start: '2024-07-01',
      end: '2024-09-30',
      raw,
    }),
  );

  it('reads halves, months and years as periods', () => {
    expect(parseCell('2024年上半年')).toMatchObject({ value: '2024-H1', end: '2024-06-30' });
    expect(parseCell('2024-02')).toMatchObject({ value: '2024-02', end: '2024-02-29' });
    expect(parseCell('2024年6月')).toMatchObject({ value: '2024-06', start: '2024-06-01' });
    expect(parseCell('2024年')).toMatchObject({ value: '2024', end: '2024-12-31' });
  });

  it('keeps codes with leading zeros as text', () => {
    expect(parseCell('00123')).toEqual({ kind: 'text', value: '00123', raw: '00123' });
  });

  it('treats null, blank and whitespace-only cells as empty', () => {
    expect(parseCell(null)).toEqual({ kind: 'empty', raw: '' });
    expect(parseCell(undefined)).toEqual({ kind: 'empty', raw: '' });
    expect(parseCell('')).toEqual({ kind: 'empty', raw: '' });
    expect(parseCell(' \u3000 ')).toEqual({ kind: 'empty', raw: ' \u3000 ' });
  });

  it('leaves words as text', () => {
    expect(parseCell('聚焦行业客户')).toMatchObject({ kind: 'text', value: '聚焦行业客户' });
    expect(parseCell('Jun–Aug').kind).toBe('text');
    expect(parseCell('awareness +20%').kind).toBe('text');
  });

  it('takes an expected unit only when the cell does not say its own', () => {
    expect(numberOf('5400000', 'money').unit).toBe('money');
    expect(numberOf('30家', 'money').unit).toBe('count');
    expect(numberOf('15%', 'money').unit).toBe('percent');
  });
});

describe('parseCell(formatValue(x)) round-trips', () => {
  const units: Unit[] = ['money', 'count', 'number'];
  const langs: Lang[] = ['zh-CN', 'en'];

  it('for amounts with up to four significant digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9999, max: 9999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...units),
        fc.constantFrom(...langs),
        (mantissa, power, unit, lang) => {
          const value = mantissa * 10 ** power;
          const cell = numberOf(formatValue(value, unit, lang), unit);
          expect(cell.value).toBe(value);
          expect(cell.unit).toBe(unit);
        },
      ),
    );
  });

  it('for percentages to a tenth of a point', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), fc.constantFrom(...langs), (k, lang) => {
        const value = k / 1000;
        const cell = numberOf(formatValue(value, 'percent', lang));
        expect(cell.unit).toBe('percent');
        expect(cell.value).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe('parseCell on any text', () => {
  it('never throws, keeps the raw text and yields finite numbers only', () => {
    const pieces = fc.constantFrom(
      '1',
      '0',
      ',',
      '.',
      '%',
      '万',
      '亿',
      '元',
      '家',
      '¥',
      '-',
      ' ',
      '（',
      '）',
      '年',
      'Q',
      '/',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((parts) => parts.join('')),
        ),
        (raw) => {
          const cell = parseCell(raw);
          expect(cell.raw).toBe(raw);
          if (cell.kind === 'number') expect(Number.isFinite(cell.value)).toBe(true);
        },
      ),
    );
  });
});
