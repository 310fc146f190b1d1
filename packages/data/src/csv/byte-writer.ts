/** Bytes appended in order into one growing buffer. */
export class ByteWriter {
  #buffer: Uint8Array;
  #length = 0;

  constructor(expectedBytes: number) {
    this.#buffer = new Uint8Array(Math.max(1024, expectedBytes));
  }

  get length(): number {
    return this.#length;
  }

  #reserve(more: number): void {
    const needed = this.#length + more;
    if (needed <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, Math.ceil(this.#buffer.length * 1.5)));
    grown.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = grown;
  }

  byte(value: number): void {
    this.#reserve(1);
    this.#buffer[this.#length++] = value;
  }

  bytes(source: Uint8Array, start = 0, end = source.length): void {
    this.#reserve(end - start);
    if (end - start < 256) {
      const buffer = this.#buffer;
      let at = this.#length;
      for (let k = start; k < end; k++) buffer[at++] = source[k] as number;
    } else {
      this.#buffer.set(source.subarray(start, end), this.#length);
    }
    this.#length += end - start;
  }

  /** A whole number (0 or more) as ASCII digits. */
  digits(value: number): void {
    let width = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) width++;
    this.#reserve(width);
    let rest = value;
    for (let k = this.#length + width - 1; k >= this.#length; k--) {
      this.#buffer[k] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.#length += width;
  }

  /** The bytes written so far (a view, not a copy). */
  result(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }
}
