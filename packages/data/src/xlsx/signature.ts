// Recognising a workbook needs no workbook reader: the page's first chunk keeps this only.

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** True for a zip archive (an `.xlsx` is one), or an OLE file (an `.xls`, or an encrypted `.xlsx`). */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

/** True for bytes that start like a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

/** True for an OLE compound file: an Excel 97–2003 workbook, or an encrypted `.xlsx`. */
export function isOleFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE);
}
