import { readCapped } from '../capped-read';
import { fileLabel, LoadError, type ProgressListener } from '../fetch-bytes';
import { tooLargeError } from '../size-limit';

/** What the server said about the version we hold, to ask "has it changed?" next time. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  { changed: false } | { changed: true; bytes: Uint8Array; validators: Validators };

export interface FetchOptions {
  validators?: Validators;
  /** Refuse, before downloading, a body larger than this. */
  maxBytes?: number;
  /** The limit is the page's CSV limit: a body over it is refused in the CSV's words. */
  csv?: boolean;
  /** Give up when the server has not finished by then; nothing may hang on the network. */
  timeoutMs?: number;
  onProgress?: ProgressListener;
  /** Stops the download early (as well as the timeout). */
  signal?: AbortSignal;
}

/**
 * Fetches an export unless the server says it has not changed (ETag / Last-Modified,
 * answered with 304). The body streams in with progress; it is never stored by the browser cache.
 */
export async function fetchIfChanged(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const label = fileLabel(url);
  const headers = new Headers();
  if (options.validators?.etag) headers.set('if-none-match', options.validators.etag);
  if (options.validators?.lastModified)
    headers.set('if-modified-since', options.validators.lastModified);
  const deadline = AbortSignal.timeout(options.timeoutMs ?? 120_000);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal, cache: 'no-store', credentials: 'same-origin' });
  } catch (cause) {
    if (deadline.aborted) throw timedOut(label, options);
    throw new LoadError(`Could not reach ${label}.`, label, String(cause), { kind: 'unreachable' });
  }
  if (response.status === 304) return { changed: false };
  if (!response.ok) {
    throw new LoadError(
      `Could not load ${label}: the server answered ${response.status} ${response.statusText}.`.trim(),
      label,
      undefined,
      { kind: 'status', status: response.status },
    );
  }
  const declared = Number(response.headers.get('content-length'));
  const totalBytes = Number.isFinite(declared) && declared > 0 ? declared : undefined;
  const maxBytes = options.maxBytes ?? Infinity;
  if (totalBytes !== undefined && totalBytes > maxBytes) {
    void response.body?.cancel();
    throw tooLargeError(label, totalBytes, maxBytes, { csv: options.csv === true });
  }
  const validators: Validators = {};
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  try {
    return {
      changed: true,
      bytes: await readBody(response, label, totalBytes, maxBytes, options),
      validators,
    };
  } catch (cause) {
    if (deadline.aborted && !(cause instanceof LoadError && cause.fault?.kind === 'too-large'))
      throw timedOut(label, options);
    throw cause;
  }
}

function timedOut(label: string, options: FetchOptions): LoadError {
  const seconds = Math.round((options.timeoutMs ?? 120_000) / 1000);
  return new LoadError(
    `${label} did not arrive within ${seconds} s; the server is too slow or stopped sending.`,
    label,
    undefined,
    { kind: 'timed-out', seconds },
  );
}

async function readBody(
  response: Response,
  label: string,
  totalBytes: number | undefined,
  maxBytes: number,
  options: FetchOptions,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  try {
    return await readCapped(
      response.body,
      maxBytes,
      (bytesRead) =>
        tooLargeError(label, bytesRead, maxBytes, { csv: options.csv === true, atLeast: true }),
      (bytesRead) => options.onProgress?.({ phase: 'fetch', bytesRead, totalBytes }),
    );
  } catch (cause) {
    if (cause instanceof LoadError) throw cause;
    throw new LoadError(`The download of ${label} broke off.`, label, String(cause), {
      kind: 'broken-off',
    });
  }
}
