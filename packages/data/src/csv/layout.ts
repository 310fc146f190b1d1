import { parseCell } from '@stratex/core';
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
}

interface PreviewRecord {
  record: CsvRecord;
  line: number;
  values: string[];
  filled: number;
}

const CANDIDATES = [',', '\t', ';', '|'].map((ch) => ch.charCodeAt(0));
const PREVIEW_RECORDS = 100;
const PREVIEW_BYTES = 1 << 20;
/** Longest column name kept from a header cell. */
const MAX_NAME = 200;

/**
 * Finds the separator (the one that gives the most rows of one width) and the header:
 * the first row that spans that width with at least half of it filled, so a title like
 * "2024年第三季度销售目标" and blank lines above it are passed over. A first row of only
 * numbers and dates is data, not a header. Returns null for a file with no values at all.
 */
export function findLayout(bytes: Uint8Array): CsvLayout | null {
  let best: { delimiter: number; records: PreviewRecord[]; width: number; score: number } | null =
    null;
  const hinted = excelSeparatorHint(bytes);
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
  const { delimiter, records, width } = best;
  const headerAt = Math.max(
    0,
    records.findIndex(
      (r) => r.values.length >= width && r.filled >= Math.max(Math.min(2, width), width / 2),
    ),
  );
  const chosen = records[headerAt] as PreviewRecord;
  const above = records.slice(0, headerAt).map((r) => r.line);
  const values = [...chosen.values];
  while (values.length > width && values[values.length - 1] === '') values.pop();
  const isHeader = chosen.values.some((v) => v !== '' && parseCell(v).kind === 'text');
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
      const values = record.fields.map((field) => fieldText(field).trim().slice(0, MAX_NAME));
      records.push({ record, line, values, filled: values.filter((v) => v !== '').length });
    }
    line += record.lineBreaks;
    offset = record.end;
  }
  return records;
}

/**
 * The width most rows share. A row with a single filled cell (a title, a note) weighs
 * half; ties go to the narrower width, so one long row does not widen the table.
 */
function commonWidth(records: PreviewRecord[]): { width: number; score: number } {
  const weights = new Map<number, number>();
  for (const r of records) {
    weights.set(r.values.length, (weights.get(r.values.length) ?? 0) + (r.filled > 1 ? 1 : 0.5));
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
