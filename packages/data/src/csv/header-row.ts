import { parseCell } from '@stratex/core';

/** A record of the preview as the header finder weighs it: its trimmed values, and how many are filled. */
export interface ShapedRecord {
  values: string[];
  filled: number;
}

/** What a title or note line above the header costs its header: little, so a real one is passed over. */
const TITLE_COST = 0.25;
/** Body rows read for the kinds of a column: enough to tell numbers from words. */
const KIND_SAMPLE = 40;
/** Share of a column's filled cells that must be of one kind for the column to count as of that kind. */
const KIND_SHARE = 0.8;
const YEAR = /^(?:19|20)[0-9]{2}$/;

/** True when the record can be a row of a table `width` wide: that many values, or more that are blank. */
export function fitsWidth(record: ShapedRecord, width: number): boolean {
  const { values } = record;
  if (values.length < width) return false;
  for (let k = width; k < values.length; k++) if (values[k] !== '') return false;
  return true;
}

/** True when the record can head a table `width` wide: it fits, and at least half of it is filled. */
function canHead(record: ShapedRecord, width: number): boolean {
  return fitsWidth(record, width) && record.filled >= Math.max(Math.min(2, width), width / 2);
}

/**
 * True when the record, above a header `width` wide, can be a title or note line: narrower in
 * what it fills than the table, at most a `key,value` pair (or half the table's width).
 */
function isTitleLine(record: ShapedRecord, width: number): boolean {
  return record.filled < width && record.filled <= Math.max(2, Math.floor(width / 2));
}

/**
 * The header row and the table's width, told by shape: of every row that could head a table
 * with only title or note lines above it, the one whose rows below fit it best (each row that
 * fits counts one, each that does not counts against), less a little for each line it leaves
 * above. So title and `key,value` lines above the real header are passed over however many
 * they are, a row of data is never taken for a title, and a table is never narrowed to its
 * title lines. Ties go to the earlier row, then to `common` (the width most rows share).
 * Null when no row can head a table.
 */
export function findHeaderRow(
  records: readonly ShapedRecord[],
  common: number,
): { at: number; width: number } | null {
  const widths = new Set<number>();
  for (const record of records) widths.add(record.values.length);
  let best: { at: number; width: number; score: number } | undefined;
  for (const width of widths) {
    const fits = records.map((record) => fitsWidth(record, width));
    // Rows after the one at hand that fit, less those that do not.
    let below = fits.reduce((sum, fit) => sum + (fit ? 1 : -1), 0);
    for (const [at, record] of records.entries()) {
      below -= fits[at] ? 1 : -1;
      if (canHead(record, width)) {
        const score = below - at * TITLE_COST;
        const better =
          !best ||
          score > best.score ||
          (score === best.score &&
            (at < best.at || (at === best.at && width === common && best.width !== common)));
        if (better) best = { at, width, score };
      }
      if (!isTitleLine(record, width)) break;
    }
  }
  return best ? { at: best.at, width: best.width } : null;
}

/**
 * True when the row read as a header is more likely the first row of data: in the columns whose
 * rows below are mostly numbers or dates it holds the same kind of value (a plain year over
 * amounts is a header, as `2024` over `150万元` is), and in none of them a word. A row of words
 * over columns of words gives no sign either way and stays the header.
 */
export function looksLikeData(
  row: readonly string[],
  body: readonly ShapedRecord[],
  width: number,
): boolean {
  if (!row.some((value) => value !== '' && parseCell(value).kind === 'text')) return true;
  const sample = body.slice(0, KIND_SAMPLE);
  let asData = 0;
  for (let column = 0; column < width; column++) {
    const own = row[column] ?? '';
    if (own === '') continue;
    const cells = sample.map((record) => record.values[column] ?? '').filter((v) => v !== '');
    const kind = columnKind(cells);
    if (!kind) continue;
    const read = parseCell(own);
    const sameKind =
      read.kind === kind.kind &&
      (read.kind !== 'number' || kind.units.has(read.unit)) &&
      !(YEAR.test(own) && !cells.every((cell) => YEAR.test(cell)));
    if (!sameKind) return false;
    asData++;
  }
  return asData > 0;
}

/** The kind most of a column's cells share, when it is not text; with the units its numbers state. */
function columnKind(cells: readonly string[]): { kind: string; units: Set<string> } | null {
  if (cells.length === 0) return null;
  const counts = new Map<string, number>();
  const units = new Set<string>();
  for (const cell of cells) {
    const read = parseCell(cell);
    counts.set(read.kind, (counts.get(read.kind) ?? 0) + 1);
    if (read.kind === 'number') units.add(read.unit);
  }
  for (const [kind, count] of counts) {
    if (kind !== 'text' && count >= KIND_SHARE * cells.length) return { kind, units };
  }
  return null;
}
