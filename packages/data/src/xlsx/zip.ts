import { joinChunks } from '../capped-read';
import { type LoadError, loadError } from '../fetch-bytes';
import { tooLargeError } from '../size-limit';

/** A file inside a zip archive, as its central directory lists it. */
interface ZipEntry {
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The files of a zip archive, read through its central directory and unpacked with the
 * platform's own `DecompressionStream('deflate-raw')` (the browser's, and Node's). A file
 * whose directory or entries are missing or cut short is damaged (`xlsxDamaged`).
 */
export class ZipArchive {
  readonly #entries: Map<string, ZipEntry>;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    this.#entries = readDirectory(bytes, file);
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  names(): string[] {
    return [...this.#entries.keys()];
  }

  /** True when an entry is encrypted with the zip format's own password scheme. */
  anyEncrypted(): boolean {
    return [...this.#entries.values()].some((entry) => entry.encrypted);
  }

  /** The unpacked size an entry's directory record gives (a hint: the bytes decide). */
  size(name: string): number | undefined {
    return this.#entries.get(name)?.size;
  }

  /** An entry's bytes, unpacked, refused once they pass `limit`; undefined when it is absent. */
  async read(name: string, limit: number): Promise<Uint8Array | undefined> {
    const chunks: Uint8Array[] = [];
    const read = await this.readInChunks(name, limit, (chunk) => chunks.push(chunk));
    return read === undefined ? undefined : joinChunks(chunks, read);
  }

  /**
   * Unpacks an entry piece by piece, handing each to `onChunk` as it comes (none is kept
   * here), refused once more than `limit` bytes have come; the bytes read, or undefined
   * when the entry is absent.
   */
  async readInChunks(
    name: string,
    limit: number,
    onChunk: (chunk: Uint8Array) => void,
  ): Promise<number | undefined> {
    const entry = this.#entries.get(name);
    if (!entry) return undefined;
    const { file } = this;
    const packed = this.#packed(name, entry);
    const over = (read: number): Error =>
      tooLargeError(file, read, limit, { csv: true, atLeast: true });
    if (entry.method === STORED) {
      if (packed.byteLength > limit) throw over(packed.byteLength);
      onChunk(packed);
      return packed.byteLength;
    }
    if (entry.method !== DEFLATED) {
      throw damagedWorkbook(file, `${name} uses compression method ${entry.method}`);
    }
    const reader = new Blob([packed.slice()])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    let bytesRead = 0;
    try {
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (cause) {
          throw damagedWorkbook(file, cause instanceof Error ? cause.message : String(cause));
        }
        if (next.done) return bytesRead;
        bytesRead += next.value.byteLength;
        if (bytesRead > limit) throw over(bytesRead);
        onChunk(next.value);
      }
    } catch (failure) {
      await reader.cancel().catch(() => undefined);
      throw failure;
    }
  }

  /** An entry's packed bytes, found through its local header. */
  #packed(name: string, entry: ZipEntry): Uint8Array {
    const { bytes, file } = this;
    const view = dataView(bytes);
    const at = entry.headerOffset;
    if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) {
      throw damagedWorkbook(file, `no local header for ${name}`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.byteLength) throw damagedWorkbook(file, `${name} is cut short`);
    return bytes.subarray(start, end);
  }
}

/** The workbook's bytes are damaged or cut short (`why` is kept as the detail). */
export function damagedWorkbook(file: string, why: string): LoadError {
  return loadError('xlsxDamaged', { file }, why, { kind: 'damaged' });
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The central directory, found from the end-of-directory record in the archive's last bytes. */
function readDirectory(bytes: Uint8Array, file: string): Map<string, ZipEntry> {
  const view = dataView(bytes);
  const damaged = (why: string): LoadError => damagedWorkbook(file, why);
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 65_557); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw damaged('central directory cut short');
    }
    const nameLength = view.getUint16(at + 28, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/\\/g, '/'), {
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}
