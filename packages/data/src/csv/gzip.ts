import { LoadError, loadError } from '../fetch-bytes';
import { tooLargeError } from './size-limit';

/** True for bytes that start like a gzip file (`.csv.gz`). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Unpacks a gzip file in chunks, stopping as soon as it grows past `limit`. */
export async function gunzipWithin(
  bytes: Uint8Array,
  limit: number,
  file: string,
): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw loadError('gzipUnsupported', { file });
  }
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw tooLargeError(file, total, limit, true);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof LoadError) throw cause;
    throw loadError(
      'gzipDamaged',
      { file },
      cause instanceof Error ? cause.message : String(cause),
    );
  }
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
