import { normaliseText, parseCell, type ParsedCell } from '@stratex/core';
import type { ColumnKind } from './report';

/** Share of a column's filled cells that must read as one kind for the column to be that kind. */
export const NEARLY_ALL = 0.8;

const EXCEL_TEXT = /^="(.*)"$/s;
const EXCEL_ERROR = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;
const BARE_YEAR = /^\d{4}$/;

/** Excel's formula errors (`#DIV/0!`, `#N/A`, …): a figure that failed, not text. */
export function isExcelError(raw: string): boolean {
  return EXCEL_ERROR.test(normaliseText(raw));
}

/** Excel's `="00123"`: a cell its author forced to stay text; the text inside, or null. */
export function excelForcedText(raw: string): string | null {
  return EXCEL_TEXT.exec(raw)?.[1] ?? null;
}

/**
 * A cell as a number column reads it. `2024` alone reads as a year elsewhere, but among
 * numbers it is the number 2024.
 */
export function numberCell(raw: string): Extract<ParsedCell, { kind: 'number' }> | null {
  if (excelForcedText(raw) !== null) return null;
  const cell = parseCell(raw);
  if (cell.kind === 'number') return cell;
  const text = normaliseText(raw);
  if (cell.kind === 'period' && BARE_YEAR.test(text)) {
    return { kind: 'number', value: Number(text), unit: 'number', raw };
  }
  return null;
}

/**
 * How many of a column's cells read as each kind: `blank` for an empty cell or an Excel error
 * (they say nothing), `year` for a bare year (a number among numbers, else a period), `other`
 * for a filled cell of none of the kinds.
 */
export interface KindTally {
  number: number;
  date: number;
  period: number;
  year: number;
  other: number;
  blank: number;
}

export function emptyTally(): KindTally {
  return { number: 0, date: 0, period: 0, year: 0, other: 0, blank: 0 };
}

/** Adds `cells[from, to)` to `tally`, reading each different cell once. */
export function tallyCells(
  cells: readonly (string | null)[],
  tally = emptyTally(),
  from = 0,
  to = cells.length,
): KindTally {
  const read = new Map<string, keyof KindTally>();
  for (let at = from; at < to; at++) {
    const raw = cells[at] ?? null;
    if (raw === null) {
      tally.blank++;
      continue;
    }
    // A cell that opens with a Chinese character is text: every value opens with a digit, a
    // sign, a point, a currency or a Latin letter (Q3, FY2024, RMB).
    const first = raw.charCodeAt(0);
    if (first >= 0x4e00 && first <= 0x9fff) {
      tally.other++;
      continue;
    }
    let kind = read.get(raw);
    if (kind === undefined) {
      kind = tallyKind(raw);
      read.set(raw, kind);
    }
    tally[kind]++;
  }
  return tally;
}

function tallyKind(raw: string): keyof KindTally {
  const cell = excelForcedText(raw) === null ? parseCell(raw) : null;
  if (cell?.kind === 'empty' || isExcelError(raw)) return 'blank';
  if (cell?.kind === 'number') return 'number';
  if (cell?.kind === 'date') return 'date';
  if (cell?.kind !== 'period') return 'other';
  return BARE_YEAR.test(normaliseText(raw)) ? 'year' : 'period';
}

/** Cells of a tally that are not blank. */
export function filledOf(tally: KindTally): number {
  return tally.number + tally.date + tally.period + tally.year + tally.other;
}

/** Whether `count` of `filled` cells are enough to make a column of their kind. */
export function nearlyAll(count: number, filled: number): boolean {
  return filled > 0 && count >= filled * NEARLY_ALL;
}

/** The kind a column's tally decides: the first of number, date, period that nearly all cells read as. */
export function kindOfTally(tally: KindTally): ColumnKind {
  const filled = filledOf(tally);
  if (tally.number > 0 && nearlyAll(tally.number + tally.year, filled)) return 'number';
  if (nearlyAll(tally.date, filled)) return 'date';
  if (nearlyAll(tally.period + tally.year, filled)) return 'period';
  return 'text';
}

/** Guesses a column's kind from its sampled cells (empty cells and Excel errors say nothing). */
export function guessColumn(cells: readonly (string | null)[]): ColumnKind {
  return kindOfTally(tallyCells(cells));
}

/** The value a typed-table cell holds, read in JS: what the SQL must agree with. */
export function typedValue(raw: string | null, kind: ColumnKind): number | string | null {
  if (raw === null) return null;
  if (kind === 'text') return excelForcedText(raw) ?? raw;
  if (kind === 'number') return numberCell(raw)?.value ?? null;
  const cell = excelForcedText(raw) === null ? parseCell(raw) : null;
  return cell?.kind === kind ? cell.value : null;
}

/** Why a cell is not of its column's kind, in plain words. */
export function rejectReason(raw: string, kind: ColumnKind): string {
  const text = normaliseText(raw);
  const expected = kind === 'number' ? 'a number' : kind === 'date' ? 'a date' : 'a period';
  if (isExcelError(raw)) {
    return `expected ${expected}, found the Excel error ${text.toUpperCase()}`;
  }
  const cell = parseCell(raw);
  if (kind === 'number' && /^[-+]?0\d/.test(text)) {
    return `expected ${expected}, found a code with a leading zero`;
  }
  if (cell.kind === 'date' || cell.kind === 'period' || cell.kind === 'number') {
    return `expected ${expected}, found ${cell.kind === 'number' ? 'a number' : `a ${cell.kind}`}`;
  }
  if (kind === 'date' && /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/.test(text)) {
    return `expected ${expected}, found a day that is not in the calendar`;
  }
  return `expected ${expected}, found text`;
}
