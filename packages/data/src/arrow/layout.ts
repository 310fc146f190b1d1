// Recognising Arrow IPC bytes needs no Arrow library: the page's first chunk keeps this, not Arrow.

const FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const STREAM_CONTINUATION = [0xff, 0xff, 0xff, 0xff];

/** Which Arrow IPC layout `bytes` use, if any. */
export function arrowLayout(bytes: Uint8Array): 'file' | 'stream' | undefined {
  if (FILE_MAGIC.every((byte, index) => bytes[index] === byte)) return 'file';
  if (STREAM_CONTINUATION.every((byte, index) => bytes[index] === byte)) return 'stream';
  return undefined;
}
