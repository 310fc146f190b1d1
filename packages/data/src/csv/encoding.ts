import type { EncodingChoice } from '../decode';
import { loadError } from '../fetch-bytes';
import { isValidUtf8 } from './utf8';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A file's text as UTF-8 bytes (what DuckDB reads), and how it was written. */
export interface Utf8Text {
  bytes: Uint8Array;
  encoding: TextEncodingName;
  notes: string[];
}

const CHUNK = 1 << 20;

/**
 * Reads an export's bytes as text: a byte-order mark decides; else UTF-16 when every other
 * byte is NUL; else UTF-8 if the bytes are valid UTF-8; else GB18030 (what Chinese Excel
 * writes as "GBK"). A named encoding is used when the bytes can be it, and refused with a
 * reason when they plainly are another.
 */
export function toUtf8(bytes: Uint8Array, choice: EncodingChoice, file: string): Utf8Text {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8WithRepairs(bytes.subarray(3), file);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return reencode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return reencode(bytes.subarray(2), 'utf-16be');
  switch (choice) {
    case 'utf-16':
    case 'utf-16le':
      return reencode(bytes, 'utf-16le');
    case 'utf-16be':
      return reencode(bytes, 'utf-16be');
    case 'gbk':
    case 'gb18030':
      if (hasMultiByteUtf8(bytes) && isStrictly(bytes, 'utf-8')) {
        throw loadError('encodingGbkIsUtf8', { file, choice });
      }
      return reencode(bytes, 'gb18030');
    case 'utf-8':
      if (isStrictly(bytes, 'utf-8')) return { bytes, encoding: 'utf-8', notes: [] };
      if (isStrictly(bytes, 'gb18030')) {
        throw loadError(
          'encodingUtf8IsGbk',
          { file },
          `first byte that is not UTF-8: line ${lineAt(bytes, firstInvalidUtf8(bytes))}`,
        );
      }
      return utf8WithRepairs(bytes, file);
    case 'auto':
      return detect(bytes, file);
  }
}

function detect(bytes: Uint8Array, file: string): Utf8Text {
  const wide = utf16WithoutMark(bytes);
  if (wide) return reencode(bytes, wide);
  if (isStrictly(bytes, 'utf-8')) return { bytes, encoding: 'utf-8', notes: [] };
  const damage = utf8Damage(bytes);
  const sparse = damage.damagedLines <= damage.lines * 0.2;
  const mostlyUtf8 = sparse && damage.multiByte >= damage.invalid * 4 && damage.multiByte > 0;
  if (!mostlyUtf8 && isStrictly(bytes, 'gb18030')) return reencode(bytes, 'gb18030');
  if (sparse) return utf8WithRepairs(bytes, file);
  throw loadError('encodingNeither', { file, line: lineAt(bytes, firstInvalidUtf8(bytes)) });
}

interface Utf8Damage {
  multiByte: number;
  invalid: number;
  damagedLines: number;
  lines: number;
}

/** How much of a file reads as UTF-8: valid multi-byte characters, bad bytes, and the lines they fall on. */
function utf8Damage(bytes: Uint8Array): Utf8Damage {
  const damage: Utf8Damage = { multiByte: 0, invalid: 0, damagedLines: 0, lines: 1 };
  let lineDamaged = false;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      if (lead === 0x0a) {
        damage.lines++;
        if (lineDamaged) damage.damagedLines++;
        lineDamaged = false;
      }
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      damage.invalid++;
      lineDamaged = true;
      i++;
    } else {
      damage.multiByte++;
      i += length;
    }
  }
  if (lineDamaged) damage.damagedLines++;
  return damage;
}

/** Valid as `encoding` from end to end, checked in chunks so no whole-file string is built. */
function isStrictly(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): boolean {
  if (encoding === 'utf-8') return isValidUtf8(bytes);
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let start = 0; start < bytes.length; start += CHUNK) {
      decoder.decode(bytes.subarray(start, start + CHUNK), { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Decodes in chunks and writes UTF-8: the text DuckDB is given. */
function reencode(bytes: Uint8Array, encoding: TextEncodingName, notes: string[] = []): Utf8Text {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  let replaced = 0;
  for (let start = 0; start <= bytes.length; start += CHUNK) {
    const last = start + CHUNK > bytes.length;
    const text = decoder.decode(bytes.subarray(start, start + CHUNK), { stream: !last });
    for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1))
      replaced++;
    const part = encoder.encode(text);
    parts.push(part);
    total += part.byteLength;
    if (last) break;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  if (replaced > 0 && notes.length === 0) {
    notes.push(`${replaced} characters could not be read as ${encoding} and show as �.`);
  }
  return { bytes: out, encoding, notes };
}

function utf8WithRepairs(bytes: Uint8Array, file: string): Utf8Text {
  if (isStrictly(bytes, 'utf-8')) return { bytes, encoding: 'utf-8', notes: [] };
  const line = lineAt(bytes, firstInvalidUtf8(bytes));
  const repaired = reencode(bytes, 'utf-8', [
    `${file} is UTF-8 with damaged bytes (first on line ${line}); they show as �.`,
  ]);
  return repaired;
}

/** UTF-16 text without a byte-order mark: in its first bytes, one of each pair is nearly always NUL. */
function utf16WithoutMark(bytes: Uint8Array): TextEncodingName | null {
  const sample = Math.min(bytes.length, 2048) & ~1;
  if (sample < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) >= 0x80 && sequenceLength(bytes, i) > 0) return true;
  }
  return false;
}

/** Offset of the first byte that breaks UTF-8 (the length when none does). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the valid multi-byte UTF-8 character at `i`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const extra =
    lead >= 0xf0 && lead <= 0xf4
      ? 3
      : lead >= 0xe0 && lead < 0xf0
        ? 2
        : lead >= 0xc2 && lead < 0xe0
          ? 1
          : 0;
  if (extra === 0) return 0;
  for (let k = 1; k <= extra; k++) {
    if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  }
  return extra + 1;
}

/** 1-based line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
