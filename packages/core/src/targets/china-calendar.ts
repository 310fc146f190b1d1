import { dayNumber, fromDayNumber } from '../values/dates';
import type { PacingCurve } from './pacing';

/**
 * One holiday of a State Council notice (国务院办公厅关于20xx年部分节假日安排的通知): the days off
 * as the notice states them, first to last, and the weekend days it makes working days (调休).
 */
export interface StatutoryHoliday {
  name: string;
  off: readonly [first: string, last: string];
  workdays: readonly string[];
}

/**
 * China's statutory holidays for 2024–2026, from the notices 国办发明电〔2023〕7号 (2024),
 * 国办发明电〔2024〕12号 (2025) and the notice of 4 November 2025 (2026). A holiday that the notice
 * says is joined to a weekend (与周末连休) lists only the day it names. To add a year, copy the
 * notice's days here and add a test of its day counts.
 */
export const CHINA_HOLIDAYS: Readonly<Record<number, readonly StatutoryHoliday[]>> = {
  2024: [
    { name: '元旦', off: ['2024-01-01', '2024-01-01'], workdays: [] },
    { name: '春节', off: ['2024-02-10', '2024-02-17'], workdays: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', off: ['2024-04-04', '2024-04-06'], workdays: ['2024-04-07'] },
    { name: '劳动节', off: ['2024-05-01', '2024-05-05'], workdays: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', off: ['2024-06-10', '2024-06-10'], workdays: [] },
    { name: '中秋节', off: ['2024-09-15', '2024-09-17'], workdays: ['2024-09-14'] },
    { name: '国庆节', off: ['2024-10-01', '2024-10-07'], workdays: ['2024-09-29', '2024-10-12'] },
  ],
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], workdays: [] },
    { name: '春节', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'], workdays: [] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'], workdays: [] },
    {
      name: '国庆节、中秋节',
      off: ['2025-10-01', '2025-10-08'],
      workdays: ['2025-09-28', '2025-10-11'],
    },
  ],
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
    { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'], workdays: [] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'], workdays: [] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'], workdays: [] },
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
  ],
};

/** Every day of a holiday's time off, ISO dates. */
export function daysOff(holiday: StatutoryHoliday): string[] {
  const first = dayNumber(holiday.off[0]);
  const last = dayNumber(holiday.off[1]);
  if (first === null || last === null) return [];
  const days: string[] = [];
  for (let day = first; day <= last; day++) days.push(fromDayNumber(day));
  return days;
}

/** Working days on China's calendar: Monday to Friday, less the statutory holidays, plus 调休 weekend days. */
export function chinaWorkdays(): Extract<PacingCurve, { kind: 'working-days' }> {
  const holidays = Object.values(CHINA_HOLIDAYS).flat();
  return {
    kind: 'working-days',
    holidays: holidays.flatMap(daysOff),
    extraWorkdays: holidays.flatMap((holiday) => holiday.workdays),
  };
}
