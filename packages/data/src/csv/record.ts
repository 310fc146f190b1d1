export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const TAB = 0x09;

/** One record read field by field, with the repairs made to it. */
export interface CsvRecord {
  /** Each field's bytes: quotes removed, `""` undone, NUL bytes and stray byte-order marks dropped. */
  fields: Uint8Array[];
  /** Byte offset where the record starts, and where the next one starts. */
  start: number;
  end: number;
  /** Offset just past the record's last field (before its line break). */
  contentEnd: number;
  /** Line breaks the record spans, its own terminator included. */
  lineBreaks: number;
  /** True when a quoted field runs to the end of the file. */
  unterminated: boolean;
  nulBytes: number;
  byteOrderMarks: number;
  /** Quotes out of place: inside an unquoted value, or a closing quote with text after it. */
  oddQuotes: number;
  /** Opening quotes read as text because they would close only past a line break, mid-value. */
  strayQuotes: number;
}

/** True at a UTF-8 byte-order mark (EF BB BF). */
export function isByteOrderMark(bytes: Uint8Array, i: number): boolean {
  return bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf;
}

/**
 * Reads the record at `start` as Excel does: a quote opens a quoted field only as the
 * field's first character, `""` inside quotes is a quote, and text after a closing quote
 * still belongs to the field, except that a quote whose close comes only past a line break and
 * mid-value is text. Line breaks may be CRLF, LF or a lone CR. With `quoting` off,
 * quotes are plain characters (how a line whose quote never closes is read).
 */
export function readRecord(
  bytes: Uint8Array,
  start: number,
  delimiter: number,
  quoting = true,
): CsvRecord {
  const record: CsvRecord = {
    fields: [],
    start,
    end: bytes.length,
    contentEnd: bytes.length,
    lineBreaks: 0,
    unterminated: false,
    nulBytes: 0,
    byteOrderMarks: 0,
    oddQuotes: 0,
    strayQuotes: 0,
  };
  let field: number[] = [];
  let fieldStart = true;
  let quoted = false;
  let i = start;
  const finishField = (): void => {
    record.fields.push(Uint8Array.from(field));
    field = [];
    fieldStart = true;
  };
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) {
      record.nulBytes++;
      i++;
      continue;
    }
    if (isByteOrderMark(bytes, i)) {
      record.byteOrderMarks++;
      i += 3;
      continue;
    }
    if (quoted) {
      if (byte === QUOTE) {
        if (bytes[i + 1] === QUOTE) {
          field.push(QUOTE);
          i += 2;
          continue;
        }
        quoted = false;
        const after = bytes[i + 1];
        if (after !== undefined && after !== delimiter && after !== LF && after !== CR) {
          record.oddQuotes++;
        }
      } else {
        if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) record.lineBreaks++;
        field.push(byte);
      }
      i++;
      continue;
    }
    if (byte === delimiter) {
      finishField();
      i++;
      continue;
    }
    if (byte === LF || byte === CR) {
      record.contentEnd = i;
      record.end = byte === CR && bytes[i + 1] === LF ? i + 2 : i + 1;
      record.lineBreaks++;
      finishField();
      return record;
    }
    if (byte === QUOTE && fieldStart && quoting) {
      if (closesPastLineMidValue(bytes, i, delimiter)) {
        record.strayQuotes++;
        record.oddQuotes++;
        field.push(byte);
      } else quoted = true;
    } else {
      if (byte === QUOTE && quoting) record.oddQuotes++;
      field.push(byte);
    }
    fieldStart = false;
    i++;
  }
  record.unterminated = quoted;
  record.contentEnd = bytes.length;
  finishField();
  return record;
}

/**
 * True when the quote at `open` cannot open a quoted value: its closing quote comes only after
 * a line break and is followed by more text, not by a separator or the line's end. Such a quote
 * is a stray (`"6寸屏幕`), and reading it as one would merge the lines up to the next quote.
 */
function closesPastLineMidValue(bytes: Uint8Array, open: number, delimiter: number): boolean {
  let lineBreak = false;
  for (let i = open + 1; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === LF || byte === CR) lineBreak = true;
    else if (byte === QUOTE) {
      if (bytes[i + 1] === QUOTE) {
        i++;
        continue;
      }
      const after = bytes[i + 1];
      return (
        lineBreak && after !== undefined && after !== delimiter && after !== LF && after !== CR
      );
    }
  }
  return false;
}

const utf8 = new TextDecoder();

/** A field's text. */
export function fieldText(field: Uint8Array): string {
  return utf8.decode(field);
}

/** True when the field holds nothing but spaces and tabs. */
export function isBlankField(field: Uint8Array): boolean {
  return field.every((byte) => byte === SPACE || byte === TAB);
}

/** The start of a record as written, for messages: at most `chars` characters. */
export function recordPreview(bytes: Uint8Array, start: number, end: number, chars = 120): string {
  const text = utf8.decode(bytes.subarray(start, Math.min(end, start + chars * 4)));
  const line = text.replace(/[\r\n]+$/, '');
  return line.length > chars ? `${line.slice(0, chars)}…` : line;
}

/** Offset of the next line break's end after `from` (or the end of the bytes). */
export function nextLineStart(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === LF) return i + 1;
    if (byte === CR) return bytes[i + 1] === LF ? i + 2 : i + 1;
  }
  return bytes.length;
}
