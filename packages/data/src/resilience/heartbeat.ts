/**
 * Notices, within about two seconds, that the database's worker is gone — instead of at the
 * call deadline, minutes later. The worker's boot script (duckdb-boot.worker.js) answers the
 * first message of this kind itself, before DuckDB sees any message.
 */
export const HEARTBEAT_MESSAGE = 'stratex-heartbeat';

export interface HeartbeatOptions {
  /** How often an idle worker is asked whether it is alive. */
  intervalMs?: number;
  /** Silence of an idle worker after which it is taken for dead. */
  silenceMs?: number;
}

interface LockManagerLike {
  request(name: string, options: { signal: AbortSignal }, grant: () => unknown): Promise<unknown>;
}

/**
 * Two witnesses watch one worker. A Web Lock the worker takes at once and holds for its
 * whole life: the browser releases it the moment the worker ends — killed, crashed or out of
 * memory — even in the middle of a long query, and the page, queued for the same lock, is
 * told at once. And a ping every `intervalMs`, answered from the worker's own thread: when
 * no call is running, `silenceMs` without an answer means the worker is dead or wedged.
 * (A worker running a query cannot answer pings; then only the lock speaks. Web Locks exist
 * only on secure pages — https or localhost; elsewhere a dead worker is noticed while idle.)
 */
export class Heartbeat {
  readonly lost: Promise<Error>;
  /**
   * Settles once the page waits on the worker's lifetime lock, so that from then on the
   * worker's end is heard at once, busy or not (at once where there are no Web Locks).
   */
  readonly watching: Promise<void>;
  #declare!: (reason: Error) => void;
  #watch!: () => void;
  #running = 0;
  /** Silence counts only from a worker that has answered once (a foreign worker never does). */
  #answered = false;
  /** When the ping still unanswered was sent (timers of a hidden tab fire rarely: silence is
   * counted from the ping, not from the last answer). */
  #pingSentAt: number | undefined;
  readonly #stop = new AbortController();
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #port: MessagePort;

  constructor(worker: Worker, options: HeartbeatOptions = {}) {
    const intervalMs = options.intervalMs ?? 500;
    const silenceMs = options.silenceMs ?? 1_500;
    this.lost = new Promise((resolve) => (this.#declare = resolve));
    this.watching = new Promise((resolve) => (this.#watch = resolve));
    const channel = new MessageChannel();
    this.#port = channel.port1;
    const lock = `stratex-worker-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    this.#port.onmessage = (event: MessageEvent) => {
      this.#pingSentAt = undefined;
      this.#answered = true;
      if (event.data === 'held' && locks) {
        this.#awaitRelease(locks, lock);
        this.#watch();
      }
    };
    if (!locks) this.#watch();
    worker.postMessage({ type: HEARTBEAT_MESSAGE, lock: locks ? lock : undefined }, [
      channel.port2,
    ]);
    this.#timer = setInterval(() => {
      if (this.#running > 0) return;
      const now = performance.now();
      if (this.#pingSentAt === undefined) {
        this.#pingSentAt = now;
        this.#port.postMessage('ping');
        return;
      }
      const silent = now - this.#pingSentAt;
      if (this.#answered && silent > silenceMs) {
        this.#end(
          new Error(`the database worker stopped answering (${Math.round(silent)} ms silent)`),
        );
      }
    }, intervalMs);
  }

  /** Marks a call to the worker as running until `work` settles (a busy worker is silent). */
  during<T>(work: Promise<T>): Promise<T> {
    this.#running++;
    return work.finally(() => {
      this.#running--;
      // A ping sent before the call may have waited behind it: ask again.
      this.#pingSentAt = undefined;
    });
  }

  /** Stops watching (before the worker is closed on purpose). */
  stop(): void {
    clearInterval(this.#timer);
    this.#stop.abort();
    this.#port.close();
  }

  #awaitRelease(locks: LockManagerLike, lock: string): void {
    locks
      .request(lock, { signal: this.#stop.signal }, () =>
        this.#end(new Error('the database worker ended')),
      )
      .catch(() => undefined);
  }

  #end(reason: Error): void {
    if (this.#stop.signal.aborted) return;
    this.stop();
    this.#declare(reason);
  }
}
