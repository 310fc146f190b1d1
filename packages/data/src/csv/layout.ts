import { findHeaderRow, fitsWidth, looksLikeData } from './header-row';
import { type CsvRecord, fieldText, isBlankField, readRecord } from './record';

/** How a file is laid out: its separator, its header (if any) and where the rows start. */
export interface CsvLayout {
  delimiter: number;
  /** Header cells as written, trimmed; null when the file has no header row. */
  header: string[] | null;
  /** Line of the header, or of the first row when there is no header. */
  headerLine: number;
  width: number;
  dataStart: number;
  dataLine: number;
  /** The header record's bytes and fields, to spot copies of it further down. */
  headerBytes: Uint8Array | null;
  headerFields: Uint8Array[] | null;
  /** Non-blank lines above the header (titles, notes), by line. */
  aboveHeader: number[];
  /** Characters in the header's longest cell, before it is cut to `MAX_NAME`. */
  longestHeaderCell: number;
}

interface PreviewRecord {
  record: CsvRecord;
  line: number;
  values: string[];
  filled: number;
  /** Characters in the longest value, before values are cut to `MAX_NAME`. */
  longest: number;
}

/** How much a record whose quotes are out of place under a separator counts for that separator. */
const ODD_QUOTES_WEIGHT = 0.25;

const CANDIDATES = [',', '\t', ';', '|'].map((ch) => ch.charCodeAt(0));
const PREVIEW_RECORDS = 100;
const PREVIEW_BYTES = 1 << 20;
/** Longest column name kept from a header cell. */
export const MAX_NAME = 200;

/**
 * Finds the separator (the one that gives the most rows of one width, quotes respected) and
 * the header, by shape (`findHeaderRow`), so a title like "2024年第三季度销售目标", `key,value`
 * lines and blank lines above it are passed over. A first row that holds the same kinds of
 * values as the rows below it (`looksLikeData`) is data, not a header: the columns are then
 * named by position. A `separator` given (the bytes were written here) is taken as it is.
 * Returns null for a file with no values at all.
 */
export function findLayout(bytes: Uint8Array, separator?: string): CsvLayout | null {
  let best: { delimiter: number; records: PreviewRecord[]; width: number; score: number } | null =
    null;
  const hinted = separator ? separator.charCodeAt(0) : excelSeparatorHint(bytes);
  for (const delimiter of hinted === null ? CANDIDATES : [hinted]) {
    const records = preview(bytes, delimiter);
    const { width, score } = commonWidth(records);
    // On a tie, the separator under which more of the records share the width: a quoted
    // line break read under the wrong separator splits one record into two odd ones.
    const better =
      !best ||
      score > best.score ||
      (score === best.score && score > 0 && records.length < best.records.length);
    if (better) best = { delimiter, records, width, score };
  }
  if (!best || best.records.length === 0) return null;
  const { delimiter, records, width: common } = best;
  const found = findHeaderRow(records, common) ?? { at: 0, width: common };
  const { at: headerAt, width } = found;
  const chosen = records[headerAt] as PreviewRecord;
  const above = records.slice(0, headerAt).map((r) => r.line);
  const values = [...chosen.values];
  while (values.length > width && values[values.length - 1] === '') values.pop();
  const body = records.slice(headerAt + 1).filter((r) => fitsWidth(r, width));
  const isHeader = !looksLikeData(values, body, width);
  const { record } = chosen;
  return {
    delimiter,
    header: isHeader ? values : null,
    headerLine: chosen.line,
    width: values.length,
    dataStart: isHeader ? record.end : record.start,
    dataLine: isHeader ? chosen.line + record.lineBreaks : chosen.line,
    headerBytes: isHeader ? bytes.slice(record.start, record.contentEnd) : null,
    headerFields: isHeader ? record.fields : null,
    aboveHeader: above,
    longestHeaderCell: chosen.longest,
  };
}

/** Excel's `sep=;` first line, which names the separator: the separator, or null. */
function excelSeparatorHint(bytes: Uint8Array): number | null {
  const start = new TextDecoder().decode(bytes.subarray(0, 6));
  const hint = /^sep=([^\r\n])[\r\n]/.exec(start);
  return hint?.[1] ? hint[1].charCodeAt(0) : null;
}

/** The first non-blank records under one separator. */
function preview(bytes: Uint8Array, delimiter: number): PreviewRecord[] {
  const records: PreviewRecord[] = [];
  let offset = 0;
  let line = 1;
  while (offset < bytes.length && offset < PREVIEW_BYTES && records.length < PREVIEW_RECORDS) {
    let record = readRecord(bytes, offset, delimiter);
    if (record.unterminated) record = readRecord(bytes, offset, delimiter, false);
    if (!record.fields.every(isBlankField)) {
      const whole = record.fields.map((field) => fieldText(field).trim());
      const values = whole.map((value) => value.slice(0, MAX_NAME));
      const longest = whole.reduce((most, value) => Math.max(most, value.length), 0);
      records.push({
        record,
        line,
        values,
        filled: values.filter((v) => v !== '').length,
        longest,
      });
    }
    line += record.lineBreaks;
    offset = record.end;
  }
  return records;
}

/**
 * The width most rows share. A row with a single filled cell (a title, a note) weighs
 * half, and a row whose quotes are out of place under this separator a quarter (a comma
 * inside a quoted value of a tab-separated file reads so under the comma); ties go to the
 * narrower width, so one long row does not widen the table.
 */
function commonWidth(records: PreviewRecord[]): { width: number; score: number } {
  const weights = new Map<number, number>();
  for (const r of records) {
    const weight = (r.filled > 1 ? 1 : 0.5) * (r.record.oddQuotes > 0 ? ODD_QUOTES_WEIGHT : 1);
    weights.set(r.values.length, (weights.get(r.values.length) ?? 0) + weight);
  }
  let width = 1;
  let weight = 0;
  for (const [w, total] of weights) {
    if (total > weight || (total === weight && w < width)) {
      width = w;
      weight = total;
    }
  }
  return { width, score: width > 1 ? weight : 0 };
}
