import { dayNumber } from './dates';
import type { Lang, Unit } from './values';
import { messageText } from '../messages/catalogue';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, options);
    numberFormats.set(key, format);
  }
  return format;
}

const COMPACT: Intl.NumberFormatOptions = { notation: 'compact', maximumSignificantDigits: 4 };
const GROUPED: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

/** 5_400_000 money: zh-CN '540万' (and '1.5亿' for 1.5e8, plain digits below 1万 e.g. '8,000'), en '5.4M' / '8K' / '150K'; percent 0.15 → '15%'; count 30 → zh '30', en '30'. Use Intl.NumberFormat. */
export function formatValue(value: number, unit: Unit, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  switch (unit) {
    case 'percent':
      return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'money': {
      const compactFrom = lang === 'zh-CN' ? 10_000 : 1_000;
      return numberFormat(lang, size >= compactFrom ? COMPACT : GROUPED).format(value);
    }
    case 'count':
      return numberFormat(lang, size >= 10_000 ? COMPACT : GROUPED).format(value);
    case 'number':
      return numberFormat(lang, GROUPED).format(value);
  }
}

/** 1.08 → '108%', 0.9333 → '93%', null → '—' */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** A signed difference in the metric's unit: +40万, -3 pp for percentages. */
export function formatGap(gap: number | null, unit: Unit, lang: Lang): string {
  if (gap === null || !Number.isFinite(gap)) return '—';
  const sign = gap > 0 ? '+' : gap < 0 ? '-' : '±';
  if (unit === 'percent') {
    const points = numberFormat(lang, { maximumFractionDigits: 1 }).format(Math.abs(gap) * 100);
    return messageText(lang, 'gapPoints', { sign, points });
  }
  return `${sign}${formatValue(Math.abs(gap), unit, lang)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, withYear: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withYear}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      timeZone: 'UTC',
      year: withYear ? 'numeric' : undefined,
      month: lang === 'zh-CN' ? 'long' : 'short',
      day: 'numeric',
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** '2024-06-10' → zh-CN '2024年6月10日', en 'Jun 10, 2024' */
export function formatDate(iso: string, lang: Lang): string {
  const days = dayNumber(iso);
  return days === null ? iso : dateFormat(lang, true).format(days * 86_400_000);
}

/** '2024-08-15' → zh-CN '8月15日', en 'Aug 15' (for sentences that already name the period). */
export function formatDayMonth(iso: string, lang: Lang): string {
  const days = dayNumber(iso);
  return days === null ? iso : dateFormat(lang, false).format(days * 86_400_000);
}

/** A moment, to the minute, in the reader's local time: zh-CN '2024/8/15 09:30', en '8/15/24, 9:30 AM'. */
export function formatMoment(moment: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(moment);
}
