import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue, parseCell } from '@stratex/core';
import type { Lang, Unit } from '@stratex/core';
import { fuzzRuns, fuzzSeed } from '../../../../fixtures/fuzz/runs';

const runs = { numRuns: fuzzRuns(3000), ...fuzzSeed() };
const langs: Lang[] = ['zh-CN', 'en'];

/** Scales as an export writes them, with the power of ten each one means. */
const SCALE_WORDS: [string, number][] = [
  ['', 0],
  ['万', 4],
  ['亿', 8],
  ['千', 3],
  ['百万', 6],
  ['千万', 7],
  ['万亿', 12],
  ['K', 3],
  ['M', 6],
  ['w', 4],
];

/** 1234567 → "1,234,567", written by hand so the parser is not checked against itself. */
const grouped = (digits: string): string => {
  const parts: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    parts.unshift(digits.slice(Math.max(0, end - 3), end));
  return parts.join(',');
};

const toFullWidth = (text: string): string =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** A number as exports write it, and the value and unit it stands for. */
const writtenNumber = fc
  .record({
    integer: fc.nat({ max: 999_999_999 }),
    decimals: fc.option(
      fc.nat({ max: 999 }).map((n) => String(n).padStart(3, '0')),
      { nil: undefined },
    ),
    negative: fc.boolean(),
    group: fc.boolean(),
    scale: fc.constantFrom(...SCALE_WORDS),
    suffix: fc.constantFrom('', '元', '%', '家', '个城市', '人次'),
    currency: fc.constantFrom('', '¥', 'RMB'),
    spaces: fc.constantFrom('', ' '),
  })
  .filter(({ suffix, currency }) => !(suffix === '%' && currency !== ''))
  .filter(({ suffix, currency }) => !(currency !== '' && suffix !== '' && suffix !== '元'))
  .map((parts) => {
    const whole = String(parts.integer);
    const digits = `${parts.group ? grouped(whole) : whole}${parts.decimals ? `.${parts.decimals}` : ''}`;
    const [scaleWord, power] = parts.scale;
    const percent = parts.suffix === '%';
    const text = `${parts.currency}${parts.negative ? '-' : ''}${digits}${parts.spaces}${scaleWord}${parts.suffix}`;
    const magnitude =
      Number(`${whole}.${parts.decimals ?? '0'}`) * 10 ** (power - (percent ? 2 : 0));
    let unit: Unit = 'number';
    if (percent) unit = 'percent';
    else if (parts.currency || parts.suffix === '元') unit = 'money';
    else if (parts.suffix) unit = 'count';
    else if (/[\u4e00-\u9fff]/.test(scaleWord)) unit = 'money';
    return { text, value: parts.negative ? -magnitude : magnitude, unit };
  });

const closeTo = (actual: number, expected: number, relative: number, absolute = 0): boolean =>
  Math.abs(actual - expected) <= Math.max(absolute, Math.abs(expected) * relative);

describe('value parser, fuzzed', () => {
  it('reads any number written the way exports write it: 万/亿/K/M, 1,500,000, 15%, ¥, 家', () => {
    fc.assert(
      fc.property(writtenNumber, fc.boolean(), ({ text, value, unit }, fullWidth) => {
        const cell = parseCell(fullWidth ? toFullWidth(text) : text);
        expect(cell.kind, text).toBe('number');
        if (cell.kind !== 'number') return;
        expect(cell.unit, text).toBe(unit);
        expect(closeTo(cell.value, value, 1e-12, 1e-12), `${text}: ${cell.value} ≠ ${value}`).toBe(
          true,
        );
      }),
      runs,
    );
  });

  it('gives back any amount it formats, within the rounding of the format', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom<Unit>('money', 'count', 'number'),
        fc.constantFrom(...langs),
        (value, unit, lang) => {
          const text = formatValue(value, unit, lang);
          const cell = parseCell(text, unit);
          expect(cell.kind, text).toBe('number');
          if (cell.kind !== 'number') return;
          // Compact forms keep four significant digits; grouped forms two decimals.
          expect(
            closeTo(cell.value, value, 5e-4, 0.005),
            `${value} → ${text} → ${cell.value}`,
          ).toBe(true);
        },
      ),
      runs,
    );
  });

  it('gives back any rate it formats as a percentage, to a twentieth of a point', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...langs),
        (rate, lang) => {
          const text = formatValue(rate, 'percent', lang);
          const cell = parseCell(text);
          expect(cell.kind === 'number' && cell.unit, text).toBe('percent');
          if (cell.kind !== 'number') return;
          expect(closeTo(cell.value, rate, 0, 0.0005), `${rate} → ${text} → ${cell.value}`).toBe(
            true,
          );
        },
      ),
      runs,
    );
  });

  it('reads every calendar date in its Chinese and ISO forms, and no impossible one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('年月日', '年月号', '-', '/', '.', ' 年 月 日'),
        (year, month, day, form) => {
          const pad = (n: number): string => String(n).padStart(2, '0');
          const text =
            form === '年月日' || form === '年月号'
              ? `${year}年${month}月${day}${form.slice(2)}`
              : form === ' 年 月 日'
                ? `${year} 年 ${month} 月 ${day} 日`
                : `${year}${form}${month}${form}${pad(day)}`;
          const real = new Date(Date.UTC(year, month - 1, day));
          const exists = real.getUTCMonth() === month - 1 && real.getUTCDate() === day;
          const cell = parseCell(text);
          if (exists) {
            expect(cell, text).toMatchObject({
              kind: 'date',
              value: `${year}-${pad(month)}-${pad(day)}`,
            });
          } else {
            expect(cell.kind, text).not.toBe('date');
          }
        },
      ),
      runs,
    );
  });

  it('never throws on any text: a value, or text kept as written', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          writtenNumber.chain(({ text }) =>
            fc
              .tuple(fc.nat({ max: text.length }), fc.string({ maxLength: 3 }))
              .map(([at, noise]) => `${text.slice(0, at)}${noise}${text.slice(at)}`),
          ),
        ),
        fc.option(fc.constantFrom<Unit>('money', 'count', 'percent', 'number'), { nil: undefined }),
        (raw, expected) => {
          const cell = parseCell(raw, expected);
          expect(cell.raw).toBe(raw);
          switch (cell.kind) {
            case 'number':
              expect(Number.isFinite(cell.value)).toBe(true);
              break;
            case 'date':
              expect(cell.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
              break;
            case 'period':
              expect(cell.start <= cell.end).toBe(true);
              break;
            case 'text':
              expect(cell.value).not.toBe('');
              break;
            case 'empty':
              expect(raw.trim().replace(/[\u3000\u00a0\ufeff]/g, '')).toBe('');
              break;
          }
        },
      ),
      runs,
    );
  });
});
