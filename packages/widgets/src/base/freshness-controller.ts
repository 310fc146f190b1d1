import type { DatabaseHealth, LiveSource } from '@stratex/data';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadedEngine } from './engine-link';

/** What the freshness controller needs from its widget. */
export interface FreshnessHost extends ReactiveControllerHost, HTMLElement {}

/**
 * How fresh a widget's rows are: it reads them again whenever one of the sources read
 * reloads (a refresh, or after a database restart), shows when the data on screen is older
 * than a file, says so while the query engine is being rebuilt after its worker died, and
 * reads the rows again once it is back when the engine's loss is what made them fail.
 */
export class FreshnessController implements ReactiveController {
  readonly #host: FreshnessHost;
  /** Reads the rows again, keeping the view on screen meanwhile. */
  readonly #reload: () => void;
  #staleSince: Date | undefined;
  #engineHealth: DatabaseHealth | undefined;
  /** The live sources the widget reads, and what stops listening to them. */
  #followed: readonly LiveSource[] = [];
  #following: AbortController | undefined;
  #stopWatchingHealth: (() => void) | undefined;
  /** True when the last load failed because the engine was lost or stuck. */
  failedWithEngine = false;

  constructor(host: FreshnessHost, reload: () => void) {
    this.#host = host;
    this.#reload = reload;
    host.addController(this);
  }

  /** When the last refresh of a source read failed; the data shown is from before it. */
  get staleSince(): Date | undefined {
    return this.#staleSince;
  }

  get engineHealth(): DatabaseHealth | undefined {
    return this.#engineHealth;
  }

  hostDisconnected(): void {
    this.#stopWatchingHealth?.();
    this.#stopWatchingHealth = undefined;
  }

  /** Follows the live sources read (those defined); a new set replaces the last. */
  follow(...candidates: (LiveSource | undefined)[]): void {
    const lives = candidates.filter((live): live is LiveSource => live !== undefined);
    if (
      lives.length === 0 ||
      (lives.length === this.#followed.length &&
        lives.every((live) => this.#followed.includes(live)))
    )
      return;
    this.#following?.abort();
    const following = new AbortController();
    const { signal } = following;
    this.#following = following;
    this.#followed = lives;
    const showStaleness = (): void => {
      const since = lives.flatMap((live) =>
        live.state === 'stale' && live.staleSince ? [live.staleSince.getTime()] : [],
      );
      const staleSince = since.length > 0 ? new Date(Math.min(...since)) : undefined;
      if (staleSince?.getTime() === this.#staleSince?.getTime()) return;
      this.#staleSince = staleSince;
      this.#host.requestUpdate();
    };
    for (const live of lives) {
      live.addEventListener(
        'load',
        () => {
          if (this.#host.isConnected) this.#reload();
        },
        { signal },
      );
      live.addEventListener('state', showStaleness, { signal });
    }
    showStaleness();
    this.watchHealth();
  }

  /** Follows the engine's health, once it has arrived. */
  watchHealth(): void {
    const engine = loadedEngine();
    if (this.#stopWatchingHealth || !engine) return;
    this.#showHealth(engine.health.health);
    this.#stopWatchingHealth = engine.onHealth((detail) => {
      this.#showHealth(detail.health);
      if (detail.health === 'ready' && this.failedWithEngine && this.#host.isConnected) {
        this.failedWithEngine = false;
        this.#reload();
      }
    });
  }

  #showHealth(health: DatabaseHealth): void {
    if (health === this.#engineHealth) return;
    this.#engineHealth = health;
    this.#host.requestUpdate();
  }
}
