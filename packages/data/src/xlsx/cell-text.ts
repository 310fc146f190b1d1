import type { NumberFormat } from './number-formats';

/**
 * A number cell as the text a CSV export of it would hold, for the CSV loader to read: a
 * date as `2024-06-01`, a percent as `15%`, an amount with its format's words (`500万元`,
 * `¥1500000`), any other number in plain digits. Digits are the stored value's, to Excel's
 * 15 significant digits, never the display's rounding.
 */
export function numberCellText(stored: string, format: NumberFormat, date1904: boolean): string {
  const value = Number(stored);
  if (stored.trim() === '' || !Number.isFinite(value)) return stored;
  if (format.kind === 'date' && value >= 0 && value < LAST_SERIAL) {
    return serialText(value, format, date1904);
  }
  const digits = isShortPlain(stored) ? stored : plainDigits(value);
  if (format.kind === 'percent') return `${shiftTwoPlaces(digits)}%`;
  if (format.kind === 'number' && (format.prefix || format.suffix)) {
    const negative = digits.startsWith('-');
    const magnitude = negative ? digits.slice(1) : digits;
    return `${negative ? '-' : ''}${format.prefix}${magnitude}${format.suffix}`;
  }
  return digits;
}

/** Digits as Excel writes most numbers: no exponent, no trailing zero. */
const PLAIN = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/;

/** True when the stored text is already what a CSV would hold: plain, 15 significant digits at most. */
function isShortPlain(stored: string): boolean {
  return (
    stored.length <= 18 &&
    PLAIN.test(stored) &&
    stored.replace(/^-?[0.]*/, '').replace('.', '').length <= 15
  );
}

/** The number in plain decimal digits, rounded to 15 significant digits as Excel shows it. */
export function plainDigits(value: number): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  const abs = Math.abs(rounded);
  // Beyond plain notation's reach in JS (< 1e-6 or ≥ 1e21).
  return abs < 1 ? rounded.toFixed(20).replace(/0+$/, '') : BigInt(Math.round(rounded)).toString();
}

/** `0.15` → `15`, `1.085` → `108.5`: the decimal point moved, no floating-point step. */
function shiftTwoPlaces(digits: string): string {
  const negative = digits.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? digits.slice(1) : digits).split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${rest ? `.${rest}` : ''}`;
}

const DAY_MS = 86_400_000;
/** The serial after 9999-12-31, Excel's last day: a larger one is no date. */
const LAST_SERIAL = 2_958_466;

/**
 * An Excel date serial as an ISO day (and time, when its format shows one and it has one).
 * In the 1900 system serial 1 is 1900-01-01 and serial 60 is 1900-02-29, a day that never
 * was (Excel keeps Lotus 1-2-3's leap-year error), so later serials count from 1899-12-30;
 * in the 1904 system serial 0 is 1904-01-01.
 */
export function serialText(
  serial: number,
  format: { date: boolean; time: boolean },
  date1904: boolean,
): string {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  const time = clock(seconds);
  if (!format.date) return format.time ? time : clock(0);
  let day: string;
  if (date1904) day = isoDay(Date.UTC(1904, 0, 1) + days * DAY_MS);
  else if (days === 60) day = '1900-02-29';
  else day = isoDay(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS);
  return format.time && seconds !== 0 ? `${day} ${time}` : day;
}

/** Days already written, by their time: a sheet's dates repeat. */
const isoDays = new Map<number, string>();

function isoDay(ms: number): string {
  let day = isoDays.get(ms);
  if (day === undefined) {
    day = new Date(ms).toISOString().slice(0, 10);
    if (isoDays.size < 100_000) isoDays.set(ms, day);
  }
  return day;
}

function clock(seconds: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}
