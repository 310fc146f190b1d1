import { type LoadError, loadError } from './fetch-bytes';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * The largest CSV a page takes by default: 128 MiB per GiB of device memory the browser
 * reports (it caps the report at 8), at most 1 GiB. The text is held several times on the
 * way in (bytes, decoded copy, the database's table), so this leaves the page room to live.
 */
export function defaultCsvByteLimit(): number {
  const memory = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  if (typeof memory !== 'number' || !(memory > 0)) return GIB;
  return Math.min(GIB, Math.max(64 * MIB, memory * 128 * MIB));
}

/** `1.4 GB`, `354 MB`, `12 KB`: a size as people read it. */
export function sizeText(bytes: number): string {
  if (bytes >= GIB) return `${trimZero((bytes / GIB).toFixed(1))} GB`;
  if (bytes >= MIB) return `${Math.round(bytes / MIB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

export interface TooLarge {
  /** Over the CSV limit (a file of another format is over the page's file limit). */
  csv?: boolean;
  /** `bytes` is how much had arrived when reading stopped, not the whole file's size. */
  atLeast?: boolean;
}

/** The one failure for a file the page cannot hold, as the catalogue says it. */
export function tooLargeError(
  file: string,
  bytes: number,
  limit: number,
  { csv = false, atLeast = false }: TooLarge = {},
): LoadError {
  const code = csv ? (atLeast ? 'csvTooLargeAtLeast' : 'csvTooLarge') : 'fileTooLarge';
  return loadError(
    code,
    { file, size: sizeText(bytes), limit: sizeText(limit) },
    `${bytes} bytes; limit ${limit} bytes`,
    { kind: 'too-large' },
  );
}

/** Throws the CSV size failure when `bytes` is over `limit`. */
export function checkCsvSize(file: string, bytes: number, limit: number): void {
  if (bytes > limit) throw tooLargeError(file, bytes, limit, { csv: true });
}
