/**
 * Work done only while no request is being answered (building the pre-aggregates that the
 * requests so far make likely), one step at a time. A request pre-empts it: no step starts
 * while one is being answered, and a step waiting for its turn gives way to a request asked
 * in the same turn. After each step, and once the last request settles, the next is taken.
 */
export class BackgroundBuilds {
  /** Requests being answered. */
  #busy = 0;
  #waiting = false;
  /** The step running, if any. */
  #building: Promise<void> | undefined;
  /** Callers of `prepared`, told once nothing is left to build. */
  #prepared: (() => void)[] = [];

  /** `next` starts the next step and resolves when it is done; undefined when none is left. */
  constructor(private readonly next: () => Promise<void> | undefined) {}

  /** Answers `answer` in the foreground: the background waits until it settles. */
  async foreground<T>(answer: Promise<T>): Promise<T> {
    this.#busy++;
    try {
      return await answer;
    } finally {
      if (--this.#busy === 0) this.#whenIdle();
    }
  }

  /** Resolves once nothing is left to build and no request is being answered. */
  prepared(): Promise<void> {
    return new Promise((resolve) => {
      this.#prepared.push(resolve);
      this.#whenIdle();
    });
  }

  #whenIdle(): void {
    if (this.#waiting || this.#building) return;
    this.#waiting = true;
    // The turn's own requests come first: they may want what a build would take.
    setTimeout(() => {
      this.#waiting = false;
      // The last request to settle calls again.
      if (this.#busy > 0) return;
      const step = this.next();
      if (!step) {
        for (const resolve of this.#prepared.splice(0)) resolve();
        return;
      }
      this.#building = step
        .catch(() => undefined)
        .finally(() => {
          this.#building = undefined;
          this.#whenIdle();
        });
    }, 0);
  }
}
