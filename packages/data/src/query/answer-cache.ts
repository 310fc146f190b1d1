import type { DataResult } from './contract';

/** Answers with more rows than this are not kept once delivered. */
const KEEP_ROWS = 50_000;

/**
 * The answers of one source version, by request. An answer in flight is shared by every
 * request alike; once delivered it is kept, unless it failed or is large (the widget holds
 * it already); past `size` answers the least recently used goes first.
 */
export class AnswerCache {
  readonly #answers = new Map<string, Promise<DataResult>>();

  constructor(
    private readonly size: number,
    private readonly keepRows = KEEP_ROWS,
  ) {}

  /** The kept answer to `request` (marked `cached`), else the one `work` gives, kept. */
  answer(request: object, work: () => Promise<DataResult>): Promise<DataResult> {
    const key = JSON.stringify(request);
    const kept = this.#answers.get(key);
    if (kept) {
      // Most recently used last: the oldest answer is the first to go.
      this.#answers.delete(key);
      this.#answers.set(key, kept);
      return kept.then((result) => ({ ...result, cached: true }));
    }
    const answer = work();
    this.#answers.set(key, answer);
    answer.then(
      (result) => {
        if (result.rows.length > this.keepRows && this.#answers.get(key) === answer)
          this.#answers.delete(key);
      },
      () => {
        if (this.#answers.get(key) === answer) this.#answers.delete(key);
      },
    );
    while (this.#answers.size > this.size) {
      const oldest = this.#answers.keys().next().value;
      if (oldest === undefined) break;
      this.#answers.delete(oldest);
    }
    return answer;
  }
}
