/** What the user may ask for; `auto` detects. */
export type EncodingChoice =
  'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'utf-16' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  /** The encoding that was used, as a WHATWG label. */
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  /** True when the encoding came from a byte-order mark. */
  fromBom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes an exported text file: a byte-order mark decides; else strict UTF-8; else GB18030
 * (a superset of GBK, what Chinese Excel writes). An explicit encoding always wins.
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) {
    return {
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'utf-8',
      fromBom: true,
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      fromBom: true,
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      fromBom: true,
    };
  }
  switch (choice) {
    case 'gbk':
    case 'gb18030':
      return {
        text: new TextDecoder('gb18030').decode(bytes),
        encoding: 'gb18030',
        fromBom: false,
      };
    case 'utf-16':
    case 'utf-16le':
      return {
        text: new TextDecoder('utf-16le').decode(bytes),
        encoding: 'utf-16le',
        fromBom: false,
      };
    case 'utf-16be':
      return {
        text: new TextDecoder('utf-16be').decode(bytes),
        encoding: 'utf-16be',
        fromBom: false,
      };
    case 'utf-8':
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', fromBom: false };
    case 'auto':
      try {
        return {
          text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
          encoding: 'utf-8',
          fromBom: false,
        };
      } catch {
        return {
          text: new TextDecoder('gb18030').decode(bytes),
          encoding: 'gb18030',
          fromBom: false,
        };
      }
  }
}
