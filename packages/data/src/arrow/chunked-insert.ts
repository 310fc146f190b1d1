import { joinArrowStreams } from './join-streams';

/** Inserts one Arrow IPC stream into the table, as its first part or appended to it. */
export type StreamInsert = (stream: Uint8Array, append: boolean) => Promise<void>;

/**
 * Gathers Arrow IPC streams of one schema, in order, into chunks of at most `chunkBytes` (a
 * stream larger than that is a chunk alone) and inserts each chunk as one stream where the
 * streams can be joined. One insert runs at a time and the next chunk is gathered meanwhile:
 * the database's worker inserts while the page decodes.
 */
export class ChunkedInsert {
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #inserted = 0;
  #inserting: Promise<void> = Promise.resolve();

  constructor(
    private readonly insert: StreamInsert,
    private readonly chunkBytes: number,
  ) {}

  /** How many streams were handed to the database so far (a chunk that cannot be joined counts each). */
  get messages(): number {
    return this.#inserted;
  }

  async add(stream: Uint8Array): Promise<void> {
    if (this.#pending.length > 0 && this.#pendingBytes + stream.byteLength > this.chunkBytes) {
      await this.#send();
    }
    this.#pending.push(stream);
    this.#pendingBytes += stream.byteLength;
  }

  /** Sends what is gathered and waits until every chunk is in. */
  async finish(): Promise<void> {
    await this.#send();
    await this.#inserting;
  }

  /** Drops what is gathered and waits for an insert under way, whatever its outcome. */
  async abandon(): Promise<void> {
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#inserting.catch(() => undefined);
  }

  async #send(): Promise<void> {
    const streams = this.#pending;
    if (streams.length === 0) return;
    this.#pending = [];
    this.#pendingBytes = 0;
    // The chunk before must be in first: rows keep the file's order, and a failure stops here.
    await this.#inserting;
    const joined = streams.length > 1 ? joinArrowStreams(streams) : streams[0];
    const parts = joined ? [joined] : streams;
    this.#inserting = (async (): Promise<void> => {
      for (const part of parts) await this.insert(part, this.#inserted++ > 0);
    })();
    // Awaited by the next send or by finish; until then its failure is not unhandled.
    this.#inserting.catch(() => undefined);
  }
}
