import { describe, expect, it } from 'vitest';
import {
  CHINA_HOLIDAYS,
  chinaWorkdays,
  daysOff,
  elapsedShare,
  expectedToDate,
  pacingCurve,
  weekday,
} from '@stratex/core';

/** Each notice's own "共 N 天" per holiday, and its 调休 working days. */
const NOTICES: Record<number, { days: Record<string, number>; workdays: string[] }> = {
  2024: {
    days: { 春节: 8, 清明节: 3, 劳动节: 5, 中秋节: 3, 国庆节: 7 },
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    days: { 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 },
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    days: { 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 },
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

function workingDays(from: string, to: string): number {
  const curve = chinaWorkdays();
  const off = new Set(curve.holidays);
  const worked = new Set(curve.extraWorkdays);
  let count = 0;
  for (let day = new Date(`${from}T00:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    const dow = day.getUTCDay();
    if (worked.has(iso) || (dow !== 0 && dow !== 6 && !off.has(iso))) count++;
    if (iso === to) return count;
  }
}

describe.each([2024, 2025, 2026])('China calendar %i, against the State Council notice', (year) => {
  const notice = NOTICES[year];
  const holidays = CHINA_HOLIDAYS[year] ?? [];

  it('has each holiday for the number of days the notice states', () => {
    for (const [name, days] of Object.entries(notice?.days ?? {})) {
      const holiday = holidays.find((entry) => entry.name === name);
      expect(holiday, name).toBeDefined();
      if (holiday) expect(daysOff(holiday), name).toHaveLength(days);
    }
  });

  it('makes exactly the notice’s weekend days working days', () => {
    const workdays = holidays.flatMap((holiday) => holiday.workdays).sort();
    expect(workdays).toEqual(notice?.workdays);
    for (const day of workdays) expect([0, 6]).toContain(weekday(day));
  });
});

describe('working days on China’s calendar', () => {
  it('counts 2024 National Day: Oct 1–7 off, Sun Sep 29 and Sat Oct 12 worked', () => {
    expect(workingDays('2024-09-28', '2024-09-29')).toBe(1);
    expect(workingDays('2024-10-01', '2024-10-07')).toBe(0);
    expect(workingDays('2024-10-12', '2024-10-13')).toBe(1);
    expect(workingDays('2024-09-01', '2024-09-30')).toBe(21);
  });

  it('counts the working days of each year', () => {
    expect(workingDays('2024-01-01', '2024-12-31')).toBe(251);
    expect(workingDays('2025-01-01', '2025-12-31')).toBe(248);
    expect(workingDays('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('paces 2024 Q4 on its 62 working days, not its 92 calendar days', () => {
    const q4 = { start: '2024-10-01', end: '2024-12-31' };
    const workdays = pacingCurve('workdays');
    // Through the holiday nothing is expected; the 调休 Saturday Oct 12 counts.
    expect(elapsedShare(q4, '2024-10-07', workdays)?.share).toBe(0);
    expect(elapsedShare(q4, '2024-10-11', workdays)?.share).toBeCloseTo(4 / 62, 12);
    expect(elapsedShare(q4, '2024-10-12', workdays)?.share).toBeCloseTo(5 / 62, 12);
    expect(elapsedShare(q4, '2024-10-15', workdays)?.share).toBeCloseTo(7 / 62, 12);
    expect(elapsedShare(q4, '2024-10-15')?.share).toBeCloseTo(15 / 92, 12);
    // 500万 for the quarter: by Oct 15, 56.5万 on working days against 81.5万 on calendar days.
    expect(expectedToDate(5_000_000, q4, '2024-10-15', workdays)).toBeCloseTo(
      (5_000_000 * 7) / 62,
      4,
    );
  });

  it('paces 2025 Q4 on its 61 working days, 国庆 and 中秋 joined for eight days', () => {
    const q4 = { start: '2025-10-01', end: '2025-12-31' };
    const workdays = pacingCurve('workdays');
    expect(elapsedShare(q4, '2025-10-08', workdays)?.share).toBe(0);
    expect(elapsedShare(q4, '2025-10-11', workdays)?.share).toBeCloseTo(3 / 61, 12);
    expect(elapsedShare(q4, '2025-10-15', workdays)?.share).toBeCloseTo(6 / 61, 12);
    expect(elapsedShare(q4, '2025-12-31', workdays)?.share).toBe(1);
  });
});
