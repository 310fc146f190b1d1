import { describe, expect, it } from 'vitest';
import { numberCellText, plainDigits, serialText } from '../../../src/xlsx/cell-text';

const day = { date: true, time: false };
const dayAndTime = { date: true, time: true };

describe('Excel date serials', () => {
  it('count the 1900 system with its leap-year error: serial 60 is a day that never was', () => {
    expect(serialText(1, day, false)).toBe('1900-01-01');
    expect(serialText(59, day, false)).toBe('1900-02-28');
    expect(serialText(60, day, false)).toBe('1900-02-29');
    expect(serialText(61, day, false)).toBe('1900-03-01');
    expect(serialText(45444, day, false)).toBe('2024-06-01');
    expect(serialText(45565, day, false)).toBe('2024-09-30');
  });

  it('count the 1904 system from 1904-01-01', () => {
    expect(serialText(0, day, true)).toBe('1904-01-01');
    expect(serialText(45565 - 1462, day, true)).toBe('2024-09-30');
  });

  it('give a time only where the format shows one and the cell has one', () => {
    expect(serialText(45444.5, dayAndTime, false)).toBe('2024-06-01 12:00:00');
    expect(serialText(45444, dayAndTime, false)).toBe('2024-06-01');
    expect(serialText(45444.75, day, false)).toBe('2024-06-01');
    expect(serialText(0.999_999_9, { date: false, time: true }, false)).toBe('00:00:00');
    expect(serialText(0.260_416_666_7, { date: false, time: true }, false)).toBe('06:15:00');
  });
});

describe('numbers as a CSV export writes them', () => {
  const plain = { kind: 'number', prefix: '', suffix: '' } as const;

  it('keeps the stored digits to 15 significant digits, never the floating-point tail', () => {
    expect(plainDigits(0.1 + 0.2)).toBe('0.3');
    expect(plainDigits(5_400_000)).toBe('5400000');
    expect(plainDigits(-0.000_000_5)).toBe('-0.0000005');
    expect(numberCellText('1.0000000000000002', plain, false)).toBe('1');
    expect(numberCellText('18702.63', plain, false)).toBe('18702.63');
    expect(numberCellText('0.30000000000000004', plain, false)).toBe('0.3');
    expect(numberCellText('1.5E-3', plain, false)).toBe('0.0015');
  });

  it('writes percents by moving the decimal point, so 0.15 is 15% and 1.085 is 108.5%', () => {
    const percent = { kind: 'percent' } as const;
    expect(numberCellText('0.15', percent, false)).toBe('15%');
    expect(numberCellText('1.085', percent, false)).toBe('108.5%');
    expect(numberCellText('0.9333333333333333', percent, false)).toBe('93.3333333333333%');
    expect(numberCellText('-0.05', percent, false)).toBe('-5%');
    expect(numberCellText('0', percent, false)).toBe('0%');
  });

  it("writes a format's words and symbols around the digits", () => {
    expect(numberCellText('500', { kind: 'number', prefix: '', suffix: '万元' }, false)).toBe(
      '500万元',
    );
    expect(numberCellText('-1500', { kind: 'number', prefix: '¥', suffix: '' }, false)).toBe(
      '-¥1500',
    );
  });

  it('writes a dated cell as its day, and leaves text that is no number as it is', () => {
    expect(numberCellText('45565', { kind: 'date', ...day }, false)).toBe('2024-09-30');
    expect(numberCellText('#N/A', plain, false)).toBe('#N/A');
  });
});
