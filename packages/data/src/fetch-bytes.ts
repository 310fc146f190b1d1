/** Progress of a load, for a progress bar: bytes read so far, and the total when the server said it. */
export interface LoadProgress {
  phase: 'fetch' | 'decode' | 'load';
  bytesRead: number;
  totalBytes: number | undefined;
  /** Rows in the table so far, for loads that insert in batches (Parquet row groups). */
  rowsLoaded?: number;
  totalRows?: number;
}

export type ProgressListener = (progress: LoadProgress) => void;

/** A load that failed, in words a business user understands. */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** The last part of a URL's path, which is how people recognise their file. */
export function fileLabel(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

/** Fetches a file as bytes, reporting progress as the body streams in. */
export async function fetchBytes(
  url: string,
  options: { signal?: AbortSignal; onProgress?: ProgressListener } = {},
): Promise<Uint8Array> {
  const label = fileLabel(url);
  let response: Response;
  try {
    response = await fetch(url, { signal: options.signal ?? null, credentials: 'same-origin' });
  } catch (cause) {
    throw new LoadError(`Could not reach ${label}.`, label, String(cause));
  }
  if (!response.ok) {
    throw new LoadError(
      `Could not load ${label}: the server answered ${response.status} ${response.statusText}.`.trim(),
      label,
    );
  }
  const declared = Number(response.headers.get('content-length'));
  const totalBytes = Number.isFinite(declared) && declared > 0 ? declared : undefined;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());

  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytesRead += value.byteLength;
    options.onProgress?.({ phase: 'fetch', bytesRead, totalBytes });
  }
  const bytes = new Uint8Array(bytesRead);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
