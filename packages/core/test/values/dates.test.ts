import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  isoDate,
  lastDayOfMonth,
  weekday,
} from '@stratex/core';

describe('calendar days', () => {
  it('knows real dates, leap days included', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2024, 4, 31)).toBe(false);
    expect(isCalendarDate(2024, 0, 1)).toBe(false);
  });

  it('converts between ISO dates and day numbers', () => {
    expect(isoDate(2024, 6, 1)).toBe('2024-06-01');
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(dayNumber('2024-02-29') ?? 0)).toBe('2024-02-29');
    expect(dayNumber('2024-6-1')).toBeNull();
    expect(dayNumber('2023-02-29')).toBeNull();
  });

  it('counts days, month lengths and weekdays', () => {
    expect(daysBetween('2024-06-01', '2024-06-30')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-03-01', 'later')).toBeNull();
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2024, 9)).toBe(30);
    expect(weekday('2024-06-01')).toBe(6);
    expect(weekday('nope')).toBeNull();
  });
});
