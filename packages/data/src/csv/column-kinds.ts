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

/** Guesses a column's kind from its sampled cells (empty cells and Excel errors say nothing). */
export function guessColumn(cells: readonly (string | null)[]): ColumnKind {
  const tally = { number: 0, date: 0, period: 0, year: 0, filled: 0 };
  for (const raw of cells) {
    if (raw === null) continue;
    const cell = excelForcedText(raw) === null ? parseCell(raw) : null;
    if (cell?.kind === 'empty' || isExcelError(raw)) continue;
    tally.filled++;
    if (cell?.kind === 'number') tally.number++;
    else if (cell?.kind === 'date') tally.date++;
    else if (cell?.kind === 'period') {
      if (BARE_YEAR.test(normaliseText(raw))) tally.year++;
      else tally.period++;
    }
  }
  const enough = (count: number): boolean => tally.filled > 0 && count >= tally.filled * NEARLY_ALL;
  let kind: ColumnKind = 'text';
  if (tally.number > 0 && enough(tally.number + tally.year)) kind = 'number';
  else if (enough(tally.date)) kind = 'date';
  else if (enough(tally.period + tally.year)) kind = 'period';
  return kind;
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
