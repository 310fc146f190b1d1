import { type Cell, formatValue, type Lang } from '@stratex/core';
import type { DrillAnswer, DrillDays, DrillRow } from '@stratex/data';
import { message } from './lang';

/**
 * The filters in force, in words: `区域为华东，产品线为数据平台` / `区域 is 华东, 产品线 is 数据平台`,
 * and the days counted: `日期不晚于2024-08-15` / `日期 on or before 2024-08-15`.
 */
export function filtersInWords(
  filters: Readonly<Record<string, string>>,
  lang: Lang,
  days?: DrillDays,
): string {
  const terms = Object.entries(filters).map(([column, value]) =>
    message(lang, 'drillFilterTerm', { column, value }),
  );
  if (days) {
    const { column, from, through } = days;
    terms.push(
      from
        ? message(lang, 'drillDaysBetween', { column, from, through })
        : message(lang, 'drillDaysThrough', { column, through }),
    );
  }
  if (terms.length === 0) return message(lang, 'drillNoFilter');
  return terms.join(lang === 'zh-CN' ? '，' : ', ');
}

/** A value as read, exactly (no rounding): what the totals add up. */
export function readText(cell: Cell, lang: Lang): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  switch (cell.kind) {
    case 'number':
      return exactNumber(cell.value, lang);
    case 'empty':
      return '';
    default:
      return cell.value;
  }
}

/** The value as read, when it says more than the cell as written (`540万元` → `5,400,000`). */
export function readBeside(cell: Cell, written: string | null, lang: Lang): string | undefined {
  const read = readText(cell, lang);
  return read === (written ?? '') ? undefined : read;
}

/** Per language, the format that writes every digit: made once, as making one is slow. */
const exactFormats = new Map<Lang, Intl.NumberFormat>();

/** A number with every digit it has, grouped as the language groups them. */
export function exactNumber(value: number, lang: Lang): string {
  let format = exactFormats.get(lang);
  if (!format)
    exactFormats.set(lang, (format = new Intl.NumberFormat(lang, { maximumFractionDigits: 20 })));
  return format.format(value);
}

/** A total as the widgets show figures (`540万`), and exactly beside it when that differs. */
export function totalText(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const shown = formatValue(value, 'money', lang);
  const exact = exactNumber(value, lang);
  return shown === exact ? exact : `${shown} (${exact})`;
}

/** The label of the line (or row) number column: `行号` / `Line`, `行序` / `Row`. */
export function positionLabel(answer: Pick<DrillAnswer, 'position'>, lang: Lang): string {
  const key = answer.position === 'row' ? 'drillRowNumber' : 'drillLine';
  return message(lang, key);
}

/** The cells of a row as the file has them, else as read (a source without cells as written). */
export function rowTexts(row: DrillRow, lang: Lang): string[] {
  return row.cells.map((cell, index) => row.written?.[index] ?? readText(cell, lang));
}
