import { numberCellText } from './cell-text';
import { type NumberFormat, PLAIN_NUMBER_FORMAT } from './number-formats';
import type { CsvLines } from './csv-lines';
import { attribute, decodeExcelEscapes, eachAttribute, type XmlVisitor } from './xml';

/** What a sheet holds besides its cells, for the notes of its load. */
export interface SheetFindings {
  /** Columns (from 0) the sheet hides. */
  hiddenColumns: Set<number>;
  /** Cells holding a formula saved without its result: how many, and the first few (`D4`). */
  uncalculated: { count: number; first: string[] };
}

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  styles: readonly NumberFormat[];
  date1904: boolean;
}

/**
 * A worksheet's cells as text, row by row as the XML walk reaches them, placed by their `r`
 * references and written to `lines` when each row closes. Formulas give their cached
 * values; errors (`#N/A`) their text, which the CSV loader counts as an unreadable cell.
 * Rows must come in order, as the file format requires; a row placed before one already
 * written marks the sheet as damaged (`outOfOrder` is called with its number).
 */
export function sheetRowsVisitor(
  context: SheetContext,
  lines: CsvLines,
  outOfOrder: (row: number) => Error,
  findings: SheetFindings,
): XmlVisitor {
  let rowIndex = -1;
  let row: string[] = [];
  let columnIndex = -1;
  // One cell at a time: the record is reused, cell after cell.
  const cell: CellRecord = { type: 'n', style: 0, value: '', inline: '' };
  let inCell = false;
  let ref: string | undefined;
  const readCellAttribute = (key: string, value: string): boolean => {
    if (key === 'r') ref = value;
    else if (key === 't') cell.type = value;
    else if (key === 's') cell.style = Number(value);
    return true;
  };
  let inValue = false;
  let formula = false;
  let valueSeen = false;
  let inInlineText = false;
  let inPhonetic = false;
  const writeRow = (): void => {
    if (row.length > 0) lines.write(rowIndex, row);
    row = [];
  };
  return {
    open(name, attributes) {
      if (name === 'c') {
        ref = undefined;
        cell.type = 'n';
        cell.style = 0;
        cell.value = '';
        cell.inline = '';
        inCell = true;
        formula = false;
        valueSeen = false;
        eachAttribute(attributes, readCellAttribute);
        const column = ref ? columnOf(ref) : -1;
        columnIndex = column >= 0 ? column : columnIndex + 1;
      } else if (name === 'v') {
        inValue = true;
        valueSeen = true;
      } else if (name === 'f') formula = true;
      else if (name === 'row') {
        writeRow();
        const r = Number(attribute(attributes, 'r'));
        const next = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
        if (next < lines.rows) throw outOfOrder(next + 1);
        rowIndex = next;
        columnIndex = -1;
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && inCell) inInlineText = !inPhonetic;
      else if (name === 'col') {
        const hidden = attribute(attributes, 'hidden');
        if (hidden !== '1' && hidden !== 'true') return;
        const min = Number(attribute(attributes, 'min'));
        const max = Math.min(Number(attribute(attributes, 'max')), min + MAX_COLUMNS);
        for (let column = min; column <= max; column++) findings.hiddenColumns.add(column - 1);
      }
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'c' && inCell) {
        const text = cellText(cell, context);
        if (text !== '' && rowIndex >= 0) row[columnIndex] = text;
        else if (formula && !valueSeen && rowIndex >= 0) {
          const { uncalculated } = findings;
          if (uncalculated.count++ < 5) {
            uncalculated.first.push(`${columnLetters(columnIndex)}${rowIndex + 1}`);
          }
        }
        inCell = false;
      } else if (name === 'row') writeRow();
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'sheetData') writeRow();
    },
    text(text) {
      if (!inCell) return;
      if (inValue) cell.value += text;
      else if (inInlineText) cell.inline += text;
    },
  };
}

interface CellRecord {
  type: string;
  style: number;
  value: string;
  inline: string;
}

function cellText(cell: CellRecord, context: SheetContext): string {
  switch (cell.type) {
    case 's':
      return context.sharedStrings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return decodeExcelEscapes(cell.inline);
    case 'str':
    case 'e':
      return decodeExcelEscapes(cell.value);
    case 'b':
      return cell.value.trim() === '1' ? 'TRUE' : cell.value.trim() === '0' ? 'FALSE' : cell.value;
    case 'd':
      return cell.value.replace(/T00:00:00(?:\.0+)?Z?$/, '').replace('T', ' ');
    default: {
      const format = context.styles[cell.style] ?? PLAIN_NUMBER_FORMAT;
      return numberCellText(cell.value.trim(), format, context.date1904);
    }
  }
}

/** Columns a sheet can have (`XFD`). */
const MAX_COLUMNS = 16_384;

/** `C12` → 2 (columns from 0); -1 for a reference without letters. */
export function columnOf(reference: string): number {
  let column = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return at === 0 ? -1 : column - 1;
}

/** 2 → `C`: a column's letters. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(0x41 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A visitor gathering the strings of `xl/sharedStrings.xml`, rich text runs joined, phonetic guides left out. */
export function sharedStringsVisitor(strings: string[]): XmlVisitor {
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  return {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = !inPhonetic;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeExcelEscapes(current ?? ''));
        current = undefined;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== undefined) current += text;
    },
  };
}
