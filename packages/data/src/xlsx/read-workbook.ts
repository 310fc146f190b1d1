import { loadError } from '../fetch-bytes';
import { tooLargeError } from '../size-limit';
import { readStyles } from './number-formats';
import { readSharedStrings, readSheetCells, type SheetCells } from './sheet-rows';
import { officeDocumentPart, readWorkbookParts, type SheetEntry } from './workbook-parts';
import { isOleFile, isZip } from './signature';
import { damagedWorkbook, ZipArchive } from './zip';

/** The stream name that an encrypted workbook's OLE directory lists. */
const ENCRYPTED_STREAM = 'EncryptedPackage';

export interface WorkbookRequest {
  /** The name people know the file by (shown in messages). */
  file: string;
  /** The sheet to read, by name; else the first visible worksheet. */
  sheet?: string;
  /** Most bytes the workbook's parts may unpack to, together. */
  maxBytes: number;
}

/** One sheet of a workbook, as the CSV a spreadsheet would export of it. */
export interface SheetAsCsv {
  sheet: string;
  /** UTF-8, comma-separated, one line per sheet row (row 1 on line 1), quoted as Excel quotes. */
  csv: Uint8Array;
  notes: string[];
}

/**
 * Reads one sheet of an `.xlsx` workbook into CSV text, so that it takes the CSV road from
 * there (title rows, header, typed columns, rejects, load report). An `.xls` and a
 * password-protected workbook are refused, each with its own message.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  request: WorkbookRequest,
): Promise<SheetAsCsv> {
  const { file } = request;
  if (isOleFile(bytes)) {
    // An encrypted `.xlsx` is an OLE file holding the workbook as an encrypted stream.
    const encrypted = containsUtf16(bytes, ENCRYPTED_STREAM);
    throw loadError(encrypted ? 'xlsxEncrypted' : 'xlsxOldExcel', { file });
  }
  if (!isZip(bytes)) throw damagedWorkbook(file, 'not a zip archive');
  const zip = new ZipArchive(bytes, file);
  let room = request.maxBytes;
  const part = async (name: string | undefined): Promise<string | undefined> => {
    if (!name) return undefined;
    const data = await zip.read(name, room);
    if (!data) return undefined;
    room -= data.byteLength;
    return new TextDecoder('utf-8').decode(data);
  };
  const workbookPath = officeDocumentPart(await part('_rels/.rels'));
  if (!zip.has(workbookPath)) {
    if (zip.anyEncrypted()) throw loadError('xlsxEncrypted', { file });
    throw loadError('xlsxNotWorkbook', { file });
  }
  const relsPath = workbookPath.replace(/([^/]*)$/, '_rels/$1.rels');
  const parts = readWorkbookParts(
    workbookPath,
    (await part(workbookPath)) ?? '',
    await part(relsPath),
  );
  const chosen = chooseSheet(parts.sheets, request);
  const sheetXml = await part(chosen.part);
  if (sheetXml === undefined) throw damagedWorkbook(file, `${chosen.part} is missing`);
  const sharedStrings = readSharedStrings((await part(parts.sharedStrings)) ?? '');
  const styles = readStyles((await part(parts.styles)) ?? '');
  const cells = readSheetCells(sheetXml, { sharedStrings, styles, date1904: parts.date1904 });
  if (cells.width === 0) throw loadError('loadEmpty', { file });
  // Every row is written as wide as the widest: at least one separator per cell.
  const least = cells.rows.length * cells.width;
  if (least > request.maxBytes) {
    throw tooLargeError(file, least, request.maxBytes, { csv: true, atLeast: true });
  }
  return { sheet: chosen.name, csv: csvBytes(cells), notes: sheetNotes(parts.sheets, chosen) };
}

function chooseSheet(sheets: readonly SheetEntry[], request: WorkbookRequest): SheetEntry {
  const { file, sheet } = request;
  const worksheets = sheets.filter((entry) => entry.part);
  if (sheet !== undefined && sheet.trim() !== '') {
    const wanted = sheet.trim();
    const named =
      worksheets.find((entry) => entry.name === wanted) ??
      worksheets.find((entry) => entry.name.trim().toLowerCase() === wanted.toLowerCase());
    if (named) return named;
    throw loadError('xlsxNoSheet', {
      file,
      sheet: wanted,
      sheets: worksheets.map((entry) => `"${entry.name}"`).join(', '),
    });
  }
  const first = worksheets.find((entry) => !entry.hidden) ?? worksheets[0];
  if (!first) throw loadError('xlsxNoSheets', { file });
  return first;
}

function sheetNotes(sheets: readonly SheetEntry[], chosen: SheetEntry): string[] {
  const worksheets = sheets.filter((entry) => entry.part);
  if (worksheets.length < 2) return [];
  const names = worksheets.map((entry) => `"${entry.name}"`).join(', ');
  return [
    `The sheet "${chosen.name}" was read; the workbook has ${worksheets.length} sheets (${names}), and the sheet attribute names another.`,
  ];
}

/** Rows as CSV, every row as wide as the widest: a value quoted only when it holds a comma, a quote or a line break. */
function csvBytes({ rows, width }: SheetCells): Uint8Array {
  const lines = Array.from(rows, (cells: readonly string[] = []) =>
    Array.from({ length: width }, (_, i) => cells[i] ?? ''),
  ).map((row) =>
    row
      .map((value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value))
      .join(','),
  );
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  const first = pattern[0];
  for (let at = bytes.indexOf(first!); at >= 0; at = bytes.indexOf(first!, at + 1)) {
    if (pattern.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}
