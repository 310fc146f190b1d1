import { CR, LF, QUOTE, SPACE, TAB } from './record';

/** What a quick look at a record finds; reused from record to record. */
export interface Skim {
  end: number;
  contentEnd: number;
  fields: number;
  lineBreaks: number;
  /** Something other than separators, quotes and spaces. */
  content: boolean;
  /** Nothing that needs `readRecord`: no NUL, no byte-order mark, no quote out of place, no open quote at the end. */
  clean: boolean;
}

/** A skim to be filled by `skimRecord`, reused from record to record. */
export function emptySkim(): Skim {
  return { end: 0, contentEnd: 0, fields: 0, lineBreaks: 0, content: false, clean: true };
}

/** The fast look at one record: where it ends, how many fields, whether it can be copied as it is. */
export function skimRecord(bytes: Uint8Array, start: number, delimiter: number, skim: Skim): void {
  const n = bytes.length;
  let i = start;
  let fields = 1;
  let lineBreaks = 0;
  let content = false;
  let clean = true;
  let fieldStart = true;
  let contentEnd = n;
  while (i < n) {
    const byte = bytes[i] as number;
    if (byte === delimiter) {
      fields++;
      fieldStart = true;
      i++;
      continue;
    }
    if (byte > QUOTE) {
      if (byte === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) clean = false;
      content = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (byte === LF || byte === CR) {
      contentEnd = i;
      i += byte === CR && bytes[i + 1] === LF ? 2 : 1;
      lineBreaks++;
      break;
    }
    if (byte === QUOTE) {
      if (!fieldStart) {
        clean = false;
        content = true;
        i++;
        continue;
      }
      // A quoted field: to its closing quote, `""` staying inside.
      i++;
      for (;;) {
        if (i >= n) {
          clean = false;
          break;
        }
        const inner = bytes[i] as number;
        if (inner === QUOTE) {
          if (bytes[i + 1] !== QUOTE) break;
          content = true;
          i += 2;
          continue;
        }
        if (inner > SPACE) {
          if (inner === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) clean = false;
          content = true;
        } else if (inner === LF) lineBreaks++;
        else if (inner === CR) {
          if (bytes[i + 1] !== LF) lineBreaks++;
        } else if (inner === 0) clean = false;
        i++;
      }
      i++;
      const next = bytes[i];
      if (next !== undefined && next !== delimiter && next !== LF && next !== CR) clean = false;
      fieldStart = false;
      continue;
    }
    if (byte === 0) clean = false;
    else if (byte !== SPACE && byte !== TAB) content = true;
    fieldStart = false;
    i++;
  }
  skim.end = Math.min(i, n);
  skim.contentEnd = Math.min(contentEnd, n);
  skim.fields = fields;
  skim.lineBreaks = lineBreaks;
  skim.content = content;
  skim.clean = clean;
}
