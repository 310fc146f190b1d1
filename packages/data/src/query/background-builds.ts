/** Asked between the steps of a build's statement: a promise to wait for, or undefined to go on. */
export type Pause = () => Promise<void> | undefined;

/**
 * Work done only while no request is being answered (building the pre-aggregates that the
 * requests so far make likely), one step at a time. A request pre-empts it: no step starts
 * while one is being answered, a step waiting for its turn gives way to a request asked in
 * the same turn, and a step already running is handed `pause`, which holds its statement
 * between slices until the requests have settled. After each step, and once the last
 * request settles, the next is taken.
 */
export class BackgroundBuilds {
  /** Requests being answered. */
  #busy = 0;
  #waiting = false;
  /** The step running, if any. */
  #building: Promise<void> | undefined;
  /** Callers of `prepared`, told once nothing is left to build. */
  #prepared: (() => void)[] = [];
  /** While requests are being answered: settles once the last of them has. */
  #answering: { settled: Promise<void>; settle: () => void } | undefined;

  /**
   * `next` starts the next step and resolves when it is done; undefined when none is left.
   * Its statements wait on `pause` between their slices.
   */
  constructor(private readonly next: (pause: Pause) => Promise<void> | undefined) {}

  readonly #pause: Pause = () => this.#answering?.settled;

  /** Answers `answer` in the foreground: the background waits until it settles. */
  async foreground<T>(answer: Promise<T>): Promise<T> {
    if (this.#busy++ === 0) {
      let settle!: () => void;
      const settled = new Promise<void>((resolve) => (settle = resolve));
      this.#answering = { settled, settle };
    }
    try {
      return await answer;
    } finally {
      if (--this.#busy === 0) {
        this.#answering?.settle();
        this.#answering = undefined;
        this.#whenIdle();
      }
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
      const step = this.next(this.#pause);
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
