import { isCalendarDate, isoDate, lastDayOfMonth } from './dates';

export type Unit = 'money' | 'count' | 'percent' | 'number';
export type Lang = 'zh-CN' | 'en';

export type ParsedCell =
  | { kind: 'empty'; raw: string }
  | { kind: 'number'; value: number; unit: Unit; note?: string; raw: string }
  | { kind: 'date'; value: string; raw: string }
  | { kind: 'period'; value: string; start: string; end: string; raw: string }
  | { kind: 'text'; value: string; raw: string };

export type NumberCell = Extract<ParsedCell, { kind: 'number' }>;

const SCALES: Record<string, number> = {
  万亿: 12,
  千万: 7,
  百万: 6,
  亿: 8,
  万: 4,
  千: 3,
  w: 4,
  W: 4,
  k: 3,
  K: 3,
  M: 6,
  B: 9,
  T: 12,
};

const COUNT_WORDS = '家个人次件台条场位单户名项份篇座所辆套张笔批';
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

const NUMBER_PATTERN = new RegExp(
  '^(?<currency>[¥$]|RMB|CNY|USD)?\\s*(?<sign>[-+])?\\s*(?<currency2>[¥$])?\\s*' +
    '(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)\\s*' +
    `(?<scale>${Object.keys(SCALES).join('|')})?\\s*` +
    `(?<suffix>%|元|人民币|美元|块|[${COUNT_WORDS}][\\u4e00-\\u9fff]{0,4})?$`,
);

/** Short texts already folded (a table repeats its names, dates and units row after row), up to a bound. */
const folded = new Map<string, string>();
const FOLDED_MAX = 20_000;

/** Folds full-width ASCII, the ideographic space and fancy minus signs to plain characters, then trims. */
export function normaliseText(raw: string): string {
  const known = folded.get(raw);
  if (known !== undefined) return known;
  const text = raw
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\uffe5/g, '¥')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[\u3000\u00a0\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (raw.length <= 64) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(raw, text);
  }
  return text;
}

/** Reads one spreadsheet cell: 万/亿 amounts, percentages, counts, Chinese dates and quarters. */
export function parseCell(raw: string | null | undefined, expected?: Unit): ParsedCell {
  const original = raw ?? '';
  const text = normaliseText(original);
  if (text === '') return { kind: 'empty', raw: original };
  const date = readDate(text);
  if (date) return { kind: 'date', value: date, raw: original };
  const period = readPeriod(text);
  if (period) return { kind: 'period', ...period, raw: original };
  const number = readNumberWithNote(text, expected);
  if (number === 'code') return { kind: 'text', value: text, raw: original };
  if (number) return { kind: 'number', ...number, raw: original };
  return { kind: 'text', value: text, raw: original };
}

/** The days of a period as `parseCell` names it (`2024-Q3`, `2024-H1`, `2024-06`, `2024`), or null. */
export function periodSpan(value: string): { start: string; end: string } | null {
  const match = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2})))?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[4] ?? 1);
  if (month < 1 || month > 12) return null;
  const [first, months] = match[2]
    ? [(Number(match[2]) - 1) * 3 + 1, 3]
    : match[3]
      ? [match[3] === '1' ? 1 : 7, 6]
      : match[4]
        ? [month, 1]
        : [1, 12];
  const { start, end } = monthSpan(year, first, months, value);
  return { start, end };
}

/** The numeric value of a cell, or null when it is not a number. */
export function cellNumber(cell: ParsedCell): number | null {
  return cell.kind === 'number' ? cell.value : null;
}

interface ReadNumber {
  value: number;
  unit: Unit;
  note?: string;
}

function readNumberWithNote(text: string, expected?: Unit): ReadNumber | 'code' | null {
  const direct = readNumber(text, expected);
  if (direct) return direct;
  const withNote = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
  if (!withNote) return null;
  const body = readNumber(withNote[1] ?? '', expected);
  if (!body || body === 'code') return body;
  const note = (withNote[2] ?? '').trim();
  return note ? { ...body, note } : body;
}

function readNumber(text: string, expected?: Unit): ReadNumber | 'code' | null {
  const groups = NUMBER_PATTERN.exec(text)?.groups;
  if (!groups) return null;
  const digits = groups.digits ?? '';
  if (/^0\d/.test(digits)) return 'code';
  const currency = groups.currency ?? groups.currency2;
  const scale = groups.scale;
  const suffix = groups.suffix;
  if (groups.currency && groups.currency2) return null;
  let exponent = scale ? (SCALES[scale] ?? 0) : 0;
  let unit: Unit;
  let explicit = true;
  if (suffix === '%') {
    if (currency) return null;
    exponent -= 2;
    unit = 'percent';
  } else if (currency || (suffix && /^(元|人民币|美元|块)$/.test(suffix))) {
    unit = 'money';
  } else if (suffix) {
    unit = 'count';
  } else if (scale && /[\u4e00-\u9fff]/.test(scale)) {
    unit = 'money';
    explicit = false;
  } else {
    unit = 'number';
    explicit = false;
  }
  if (!explicit && expected && expected !== 'percent') unit = expected;
  const magnitude = Number(`${digits.replace(/,/g, '')}e${exponent}`);
  if (!Number.isFinite(magnitude)) return null;
  const value = groups.sign === '-' ? -magnitude : magnitude;
  return { value: value === 0 ? 0 : value, unit };
}

function readDate(text: string): string | null {
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? isoDate(year, month, day) : null;
}

interface ReadPeriod {
  value: string;
  start: string;
  end: string;
}

function readPeriod(text: string): ReadPeriod | null {
  const quarter =
    /^(\d{4})\s*[-/]?\s*Q([1-4])$/i.exec(text) ??
    /^(\d{4})\s*年\s*(?:第\s*)?(?:Q)?([1-4一二三四])\s*(?:季度?)?$/i.exec(text);
  if (quarter && (/[Q季]/i.test(text) || /第/.test(text))) {
    const q = CHINESE_DIGITS[quarter[2] ?? ''] ?? Number(quarter[2]);
    return monthSpan(Number(quarter[1]), (q - 1) * 3 + 1, 3, `${quarter[1]}-Q${q}`);
  }
  const quarterFirst = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/i.exec(text);
  if (quarterFirst) {
    const q = Number(quarterFirst[1]);
    return monthSpan(Number(quarterFirst[2]), (q - 1) * 3 + 1, 3, `${quarterFirst[2]}-Q${q}`);
  }
  const half =
    /^(\d{4})\s*[-/]?\s*H([12])$/i.exec(text) ?? /^(\d{4})\s*年?\s*([上下])半年$/.exec(text);
  if (half) {
    const h = half[2] === '上' || half[2] === '1' ? 1 : 2;
    return monthSpan(Number(half[1]), h === 1 ? 1 : 7, 6, `${half[1]}-H${h}`);
  }
  const month =
    /^(\d{4})[-/](\d{1,2})$/.exec(text) ?? /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return monthSpan(Number(month[1]), m, 1, isoDate(Number(month[1]), m, 1).slice(0, 7));
  }
  const year = /^(\d{4})\s*年度?$/.exec(text) ?? /^FY\s*(\d{4})$/i.exec(text);
  if (year) return monthSpan(Number(year[1]), 1, 12, String(year[1]));
  return null;
}

function monthSpan(year: number, firstMonth: number, months: number, value: string): ReadPeriod {
  const lastMonth = firstMonth + months - 1;
  return {
    value,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, lastDayOfMonth(year, lastMonth)),
  };
}
