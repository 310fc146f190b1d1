import { describe, expect, it } from 'vitest';
import {
  chinaWorkdays,
  elapsedShare,
  pacingCurve,
  readCalendarFile,
  readDayKind,
  withPageCalendar,
  workingDaysIn,
} from '@stratex/core';

const q3 = { start: '2024-07-01', end: '2024-09-30' };
const q4 = { start: '2024-10-01', end: '2024-12-31' };

describe('a page’s own calendar file', () => {
  it('reads 假日 / 休 / holiday / off as days off and 班 / 调休 / workday / work as worked days', () => {
    for (const word of ['假日', '休', 'holiday', 'Off', ' HOLIDAY '])
      expect(readDayKind(word)).toBe('off');
    for (const word of ['班', '调休', 'workday', 'Work', 'work day'])
      expect(readDayKind(word)).toBe('work');
    expect(readDayKind('maybe')).toBeUndefined();
  });

  it('keeps the rows it can read, and counts the others by their row number', () => {
    const calendar = readCalendarFile([
      { 日期: '2024-08-16', 类型: '假日', 名称: '公司年假' },
      { 日期: '2024/10/7', 类型: '班', 名称: '公司补班' },
      { 日期: '2024-13-01', 类型: '假日', 名称: '' },
      { 日期: '', 类型: '', 名称: '' },
      { 日期: '2024年12月31日', 类型: 'holiday', 名称: 'year end' },
      { 日期: '2024-12-30', 类型: '加班?', 名称: '' },
    ]);
    expect(calendar.missing).toEqual([]);
    expect(calendar.days).toEqual([
      { date: '2024-08-16', kind: 'off', name: '公司年假' },
      { date: '2024-10-07', kind: 'work', name: '公司补班' },
      { date: '2024-12-31', kind: 'off', name: 'year end' },
    ]);
    expect(calendar.bad).toEqual([
      { row: 3, reason: 'date', value: '2024-13-01' },
      { row: 6, reason: 'kind', value: '加班?' },
    ]);
  });

  it('reads English headers, and says which columns a file lacks', () => {
    expect(readCalendarFile([{ Date: '2025-10-09', Kind: 'off' }]).days).toEqual([
      { date: '2025-10-09', kind: 'off', name: '' },
    ]);
    expect(readCalendarFile([{ when: '2025-10-09', what: 'off' }]).missing).toEqual([
      'date',
      'kind',
    ]);
  });

  it('overrides the shipped calendar on the days it names and keeps every other day', () => {
    const page = readCalendarFile([
      { date: '2024-08-16', kind: 'off', name: 'company day' },
      { date: '2024-10-07', kind: 'work', name: 'worked in the holiday' },
      { date: '2024-10-12', kind: 'off', name: '调休 Saturday given back' },
    ]).days;
    const shipped = chinaWorkdays();
    const laid = withPageCalendar(shipped, page);
    // Q3 2024: 66 working days on the shipped calendar, 65 with the company's Friday off.
    expect(workingDaysIn(q3, shipped)).toBe(66);
    expect(workingDaysIn(q3, laid)).toBe(65);
    expect(elapsedShare(q3, '2024-08-15', laid)?.share).toBeCloseTo(34 / 65, 12);
    // Q4 2024: 国庆's last day worked, its 调休 Saturday given back; the count is the same, the days differ.
    expect(workingDaysIn(q4, shipped)).toBe(62);
    expect(workingDaysIn(q4, laid)).toBe(62);
    expect(elapsedShare(q4, '2024-10-07', shipped)?.share).toBe(0);
    expect(elapsedShare(q4, '2024-10-07', laid)?.share).toBeCloseTo(1 / 62, 12);
    // Through the attribute's curve, with and without the page's days.
    expect(pacingCurve('workdays', { calendar: page })).toEqual(laid);
    expect(workingDaysIn(q3, pacingCurve('workdays') as typeof shipped)).toBe(66);
  });

  it('adds years the shipped calendar does not hold', () => {
    const newYear = { start: '2027-01-01', end: '2027-01-08' };
    const page = readCalendarFile([{ date: '2027-01-01', kind: '休', name: '元旦' }]).days;
    // Fri Jan 1 – Fri Jan 8 2027: six weekdays, one of them 元旦.
    expect(workingDaysIn(newYear, chinaWorkdays())).toBe(6);
    expect(workingDaysIn(newYear, withPageCalendar(chinaWorkdays(), page))).toBe(5);
  });
});
