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
  /** The answers delivered, by the same keys. */
  readonly #delivered = new Map<string, DataResult>();

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
        if (this.#answers.get(key) !== answer) return;
        if (result.rows.length > this.keepRows) this.#answers.delete(key);
        else this.#delivered.set(key, result);
      },
      () => {
        if (this.#answers.get(key) === answer) this.#answers.delete(key);
      },
    );
    while (this.#answers.size > this.size) {
      const oldest = this.#answers.keys().next().value;
      if (oldest === undefined) break;
      this.#answers.delete(oldest);
      this.#delivered.delete(oldest);
    }
    return answer;
  }

  /** Each answer kept and delivered, with the request it answers (as asked, a plain object). */
  *delivered(): Generator<{ request: unknown; result: DataResult }> {
    for (const [key, result] of this.#delivered)
      if (this.#answers.has(key)) yield { request: JSON.parse(key) as unknown, result };
  }
}
