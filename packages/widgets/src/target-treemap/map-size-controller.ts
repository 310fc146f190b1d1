import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the map size controller needs from its widget. */
export interface MapSizeHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The width the map is drawn at, followed as its frame resizes (0 until it has been measured). */
export class MapSizeController implements ReactiveController {
  readonly #host: MapSizeHost;
  #width = 0;
  #observed: Element | undefined;
  readonly #resize = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    // Applied on the next frame: redrawing inside the observer's callback would loop.
    requestAnimationFrame(() => {
      if (width > 0 && width !== this.#width) {
        this.#width = width;
        this.#host.requestUpdate();
      }
    });
  });

  constructor(host: MapSizeHost) {
    this.#host = host;
    host.addController(this);
  }

  get width(): number {
    return this.#width;
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
    this.#observed = undefined;
  }

  hostUpdated(): void {
    const frame = this.#host.renderRoot.querySelector('.map-frame') ?? undefined;
    if (frame === this.#observed) return;
    if (this.#observed) this.#resize.unobserve(this.#observed);
    if (frame) this.#resize.observe(frame);
    this.#observed = frame;
  }
}
