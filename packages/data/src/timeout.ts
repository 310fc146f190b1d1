/** Raised when the engine does not answer in time; the engine is rebuilt after it. */
export class EngineTimeoutError extends Error {
  constructor(what: string, seconds: number) {
    super(`${what} did not finish within ${seconds} s.`);
    this.name = 'EngineTimeoutError';
  }
}

/** Rejects when `work` has not settled after `ms`; the work itself is not cancelled. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EngineTimeoutError(what, Math.round(ms / 1000))), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
