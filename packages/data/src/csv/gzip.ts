import { joinChunks, readCapped } from '../capped-read';
import { LoadError, loadError } from '../fetch-bytes';
import { tooLargeError } from '../size-limit';

/** True for bytes that start like a gzip file (`.csv.gz`). */
export function isGzip(bytes: Uint8Array, at = 0): boolean {
  return bytes[at] === 0x1f && bytes[at + 1] === 0x8b;
}

/**
 * Unpacks a gzip file in chunks, stopping as soon as it grows past `limit`. A file of several
 * members one after another (`cat a.gz b.gz`, BGZF) is read whole, member by member.
 */
export async function gunzipWithin(
  bytes: Uint8Array,
  limit: number,
  file: string,
): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw loadError('gzipUnsupported', { file });
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  let start = 0;
  for (const end of [...memberStarts(bytes, 1), bytes.byteLength]) {
    const member = await unpack(bytes.subarray(start, end), limit - total, file, total).catch(
      (cause: unknown) => {
        // A member's mark inside compressed data is no member's start: read on to the next.
        if (
          end < bytes.byteLength &&
          !(cause instanceof LoadError && cause.fault?.kind === 'too-large')
        )
          return undefined;
        throw cause;
      },
    );
    if (!member || !sizeMatches(bytes, end, member.byteLength)) continue;
    parts.push(member);
    total += member.byteLength;
    start = end;
  }
  if (start !== bytes.byteLength) throw loadError('gzipDamaged', { file });
  return joinChunks(parts, total);
}

async function unpack(
  member: Uint8Array,
  room: number,
  file: string,
  before: number,
): Promise<Uint8Array> {
  const stream = new Blob([member.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return await readCapped(stream, room, (read) =>
      tooLargeError(file, before + read, before + room, { csv: true, atLeast: true }),
    );
  } catch (cause) {
    if (cause instanceof LoadError) throw cause;
    throw loadError(
      'gzipDamaged',
      { file },
      cause instanceof Error ? cause.message : String(cause),
    );
  }
}

/** Where a further gzip member may begin: its mark, deflate, and no reserved flag. */
function* memberStarts(bytes: Uint8Array, from: number): Generator<number> {
  for (let at = bytes.indexOf(0x1f, from + 18); at >= 0; at = bytes.indexOf(0x1f, at + 1)) {
    if (at + 10 > bytes.byteLength) return;
    if (isGzip(bytes, at) && bytes[at + 2] === 8 && (bytes[at + 3]! & 0xe0) === 0) yield at;
  }
}

/** A member ends with its unpacked size (modulo 2³²): true when the bytes before `end` say `size`. */
function sizeMatches(bytes: Uint8Array, end: number, size: number): boolean {
  const stated = new DataView(bytes.buffer, bytes.byteOffset + end - 4, 4).getUint32(0, true);
  return stated === size % 2 ** 32;
}
