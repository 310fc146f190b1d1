/** GBK's two-byte characters by code point, read off the browser's own GBK decoder once. */
let gbkTable: Map<number, number> | undefined;

function table(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const decoder = new TextDecoder('gbk');
  const found = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const point = text.codePointAt(0);
      if (text.length === 1 && point !== undefined && point !== 0xfffd && !found.has(point)) {
        found.set(point, (lead << 8) | trail);
      }
    }
  }
  gbkTable = found;
  return found;
}

/**
 * Text as GBK bytes, as Chinese Excel writes a CSV: ASCII as it is, every other character by
 * GBK's two-byte code. A character GBK has no code for is written `?` and counted.
 */
export function encodeGbk(text: string): { bytes: Uint8Array; unwritable: number } {
  const codes = table();
  const bytes = new Uint8Array(text.length * 2);
  let length = 0;
  let unwritable = 0;
  for (const character of text) {
    const point = character.codePointAt(0) ?? 0;
    if (point < 0x80) {
      bytes[length++] = point;
      continue;
    }
    const code = codes.get(point);
    if (code === undefined) {
      bytes[length++] = 0x3f;
      unwritable++;
    } else {
      bytes[length++] = code >> 8;
      bytes[length++] = code & 0xff;
    }
  }
  return { bytes: bytes.slice(0, length), unwritable };
}
