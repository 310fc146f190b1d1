import { numberCellText } from './cell-text';
import { type NumberFormat, PLAIN_NUMBER_FORMAT } from './number-formats';
import { attribute, decodeExcelEscapes, walkXml } from './xml';

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  styles: readonly NumberFormat[];
  date1904: boolean;
}

/** A sheet's filled cells by row and column (from 0); the rows and cells it leaves out are holes. */
export interface SheetCells {
  rows: string[][];
  /** Columns up to the last filled one. */
  width: number;
}

/**
 * A worksheet's cells as text, placed by their `r` references. Formulas give their cached
 * values; errors (`#N/A`) their text, which the CSV loader counts as an unreadable cell.
 */
export function readSheetCells(xml: string, context: SheetContext): SheetCells {
  const rows: string[][] = [];
  let rowIndex = -1;
  let columnIndex = -1;
  let cell: { type: string; style: number; value: string; inline: string } | undefined;
  let inValue = false;
  let inInlineText = false;
  let inPhonetic = false;
  walkXml(xml, {
    open(name, attributes) {
      if (name === 'row') {
        const r = Number(attribute(attributes, 'r'));
        rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
        columnIndex = -1;
      } else if (name === 'c') {
        const ref = attribute(attributes, 'r');
        const column = ref ? columnOf(ref) : -1;
        columnIndex = column >= 0 ? column : columnIndex + 1;
        cell = {
          type: attribute(attributes, 't') ?? 'n',
          style: Number(attribute(attributes, 's') ?? 0),
          value: '',
          inline: '',
        };
      } else if (name === 'v') inValue = true;
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && cell) inInlineText = !inPhonetic;
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'c' && cell) {
        const text = cellText(cell, context);
        if (text !== '' && rowIndex >= 0) {
          const row = (rows[rowIndex] ??= []);
          row[columnIndex] = text;
        }
        cell = undefined;
      }
    },
    text(text) {
      if (!cell) return;
      if (inValue) cell.value += text;
      else if (inInlineText) cell.inline += text;
    },
  });
  let width = 0;
  for (const row of rows) if (row) width = Math.max(width, row.length);
  return { rows, width };
}

function cellText(
  cell: { type: string; style: number; value: string; inline: string },
  context: SheetContext,
): string {
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

/** The strings of `xl/sharedStrings.xml`, rich text runs joined, phonetic guides left out. */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  walkXml(xml, {
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
  });
  return strings;
}
