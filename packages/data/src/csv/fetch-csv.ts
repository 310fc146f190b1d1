import type { LoadError, ProgressListener } from '../fetch-bytes';
import { fetchBytes } from '../refresh/conditional-fetch';
import { tooLargeError } from './size-limit';

/**
 * Fetches a CSV, giving up as soon as the server's stated size, or the bytes received,
 * pass `limit`: a file the page cannot hold fails before it is downloaded in full.
 */
export async function fetchCsvWithin(
  url: string,
  file: string,
  limit: number,
  options: { signal?: AbortSignal; onProgress?: ProgressListener } = {},
): Promise<Uint8Array> {
  const abort = new AbortController();
  const forward = (): void => abort.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  let tooLarge: LoadError | undefined;
  try {
    return await fetchBytes(url, {
      signal: abort.signal,
      onProgress: (progress) => {
        if (progress.totalBytes !== undefined && progress.totalBytes > limit) {
          tooLarge = tooLargeError(file, progress.totalBytes, limit);
        } else if (progress.bytesRead > limit) {
          tooLarge = tooLargeError(file, progress.bytesRead, limit, true);
        }
        if (tooLarge) abort.abort(tooLarge);
        else options.onProgress?.(progress);
      },
    });
  } catch (cause) {
    throw tooLarge ?? cause;
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}
