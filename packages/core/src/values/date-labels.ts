import { dayNumber } from './dates';
import { formatDayMonth } from './format';
import type { Lang } from './values';

/** The calendar step a time-axis tick marks. */
export type CalendarUnit = 'day' | 'month' | 'year';

const formats = new Map<string, Intl.DateTimeFormat>();

function calendarFormat(lang: Lang, unit: 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${lang}|${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      unit === 'month' ? { timeZone: 'UTC', month: 'short' } : { timeZone: 'UTC', year: 'numeric' },
    );
    formats.set(key, format);
  }
  return format;
}

/** A time-axis label: day '6月10日' / 'Jun 10', month '6月' / 'Jun', year '2025年' / '2025'. */
export function formatCalendarTick(iso: string, unit: CalendarUnit, lang: Lang): string {
  if (unit === 'day') return formatDayMonth(iso, lang);
  const days = dayNumber(iso);
  return days === null ? iso : calendarFormat(lang, unit).format(days * 86_400_000);
}
