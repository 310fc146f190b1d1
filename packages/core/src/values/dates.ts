const MS_PER_DAY = 86_400_000;

/** True when year, month (1-12) and day name a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1;
}

/** Builds 'YYYY-MM-DD' from parts (no validation). */
export function isoDate(year: number, month: number, day: number): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 for an ISO date, or null when it is not a real date. */
export function dayNumber(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** ISO date for a day number. */
export function fromDayNumber(days: number): string {
  const date = new Date(days * MS_PER_DAY);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Last day of a month (1-12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `from` to `to` (negative when `to` is earlier), or null for an invalid date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number | null {
  const days = dayNumber(iso);
  return days === null ? null : new Date(days * MS_PER_DAY).getUTCDay();
}
