import { loadError, type ProgressListener } from '../fetch-bytes';
import { CsvLines } from './csv-lines';
import { readStyles } from './number-formats';
import {
  columnLetters,
  sharedStringsVisitor,
  sheetRowsVisitor,
  type SheetFindings,
} from './sheet-rows';
import { officeDocumentPart, readWorkbookParts, type SheetEntry } from './workbook-parts';
import { isOleFile, isZip } from './signature';
import { XmlWalker, type XmlVisitor } from './xml';
import { damagedWorkbook, ZipArchive } from './zip';

/** The stream name that an encrypted workbook's OLE directory lists. */
const ENCRYPTED_STREAM = 'EncryptedPackage';

export interface WorkbookRequest {
  /** The name people know the file by (shown in messages). */
  file: string;
  /** The sheet to read, by name; else the first visible worksheet. */
  sheet?: string;
  /** Most bytes the workbook's parts may unpack to, together (and its CSV may hold). */
  maxBytes: number;
  /** Hears how far the sheet has been read: its XML bytes, and the rows written. */
  onProgress?: ProgressListener;
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
  if (!zip.has(chosen.part ?? '')) throw damagedWorkbook(file, `${chosen.part} is missing`);
  const sharedStrings: string[] = [];
  room -= await walkPart(zip, parts.sharedStrings, room, sharedStringsVisitor(sharedStrings));
  const styles = readStyles((await part(parts.styles)) ?? '');
  const lines = new CsvLines(file, request.maxBytes);
  const context = { sharedStrings, styles, date1904: parts.date1904 };
  const findings: SheetFindings = {
    hiddenColumns: new Set(),
    uncalculated: { count: 0, first: [] },
  };
  const rows = sheetRowsVisitor(
    context,
    lines,
    (row) => damagedWorkbook(file, `row ${row} of ${chosen.part} comes after a later row`),
    findings,
  );
  const { onProgress } = request;
  const totalBytes = zip.size(chosen.part!);
  let reported = 0;
  await walkPart(zip, chosen.part, room, rows, (bytesRead) => {
    if (!onProgress || bytesRead - reported < PROGRESS_STEP) return;
    reported = bytesRead;
    onProgress({ phase: 'decode', bytesRead, totalBytes, rowsLoaded: lines.rows });
  });
  if (lines.width === 0) throw loadError('loadEmpty', { file });
  const csv = lines.finish();
  onProgress?.({ phase: 'decode', bytesRead: totalBytes ?? 0, totalBytes, rowsLoaded: lines.rows });
  const notes = sheetNotes(parts.sheets, chosen);
  const hidden = [...findings.hiddenColumns]
    .filter((column) => column < lines.width)
    .sort((a, b) => a - b);
  if (hidden.length > 0) notes.push(hiddenColumnsNote(chosen.name, hidden));
  if (findings.uncalculated.count > 0) {
    notes.push(uncalculatedNote(chosen.name, findings.uncalculated));
  }
  return { sheet: chosen.name, csv, notes };
}

/** Hidden columns are read, as a CSV export writes them; the note says so. */
function hiddenColumnsNote(sheet: string, columns: readonly number[]): string {
  const letters = columns.map(columnLetters).join(', ');
  return columns.length === 1
    ? `Column ${letters} of the sheet "${sheet}" is hidden in the workbook; it was read like the others, as a CSV export would write it.`
    : `Columns ${letters} of the sheet "${sheet}" are hidden in the workbook; they were read like the others, as a CSV export would write them.`;
}

/** Formulas saved without their results (as programs that do not calculate write them) are read as empty. */
function uncalculatedNote(sheet: string, cells: SheetFindings['uncalculated']): string {
  const shown = cells.first.join(', ');
  const more = cells.count > cells.first.length ? ', …' : '';
  const one = cells.count === 1;
  return `${cells.count} ${one ? 'cell' : 'cells'} of the sheet "${sheet}" (${shown}${more}) ${one ? 'holds' : 'hold'} a formula saved without its result, and ${one ? 'was' : 'were'} read as empty; opening the workbook in Excel or LibreOffice and saving it again stores the results.`;
}

/** Unpacked bytes of a sheet between two progress reports. */
const PROGRESS_STEP = 1 << 20;

/**
 * Walks a part's XML as it unpacks, chunk by chunk, so that no part is ever held whole as
 * text; the bytes it unpacked to (0 for a part the workbook lacks).
 */
async function walkPart(
  zip: ZipArchive,
  name: string | undefined,
  limit: number,
  visitor: XmlVisitor,
  onBytes?: (bytesRead: number) => void,
): Promise<number> {
  if (!name) return 0;
  const walker = new XmlWalker(visitor);
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  const read = await zip.readInChunks(name, limit, (chunk) => {
    walker.push(decoder.decode(chunk, { stream: true }));
    bytesRead += chunk.byteLength;
    onBytes?.(bytesRead);
  });
  walker.push(decoder.decode());
  walker.end();
  return read ?? 0;
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

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  const first = pattern[0];
  for (let at = bytes.indexOf(first!); at >= 0; at = bytes.indexOf(first!, at + 1)) {
    if (pattern.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}
