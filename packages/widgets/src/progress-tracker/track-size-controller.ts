import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tick labels are this size relative to the widget's text (see the styles). */
const TICK_FONT_EM = 0.8;

/** What the track size controller needs from its widget. */
export interface TrackSizeHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
}

/**
 * The width of the time axis's track (rounded to 8 px, so small resizes do not redraw) and
 * the size of its tick labels, followed as the widget resizes: the ticks are spaced to fit.
 */
export class TrackSizeController implements ReactiveController {
  readonly #host: TrackSizeHost;
  #width = 600;
  #tickFontPx = 11.2;
  #resizer: ResizeObserver | undefined;
  #observed: Element | undefined;

  constructor(host: TrackSizeHost) {
    this.#host = host;
    host.addController(this);
  }

  get width(): number {
    return this.#width;
  }

  get tickFontPx(): number {
    return this.#tickFontPx;
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#resizer?.disconnect();
    this.#resizer = undefined;
    this.#observed = undefined;
  }

  hostUpdated(): void {
    const track = this.#host.renderRoot.querySelector('.axis .track');
    if (!track || track === this.#observed) return;
    this.#resizer ??= new ResizeObserver((entries) => {
      const entry = entries[0];
      if (!entry) return;
      let changed = false;
      const rounded = Math.round(entry.contentRect.width / 8) * 8;
      if (rounded > 0 && rounded !== this.#width) {
        this.#width = rounded;
        changed = true;
      }
      const fontPx = parseFloat(getComputedStyle(entry.target).fontSize) * TICK_FONT_EM;
      if (fontPx > 0 && fontPx !== this.#tickFontPx) {
        this.#tickFontPx = fontPx;
        changed = true;
      }
      if (changed) this.#host.requestUpdate();
    });
    if (this.#observed) this.#resizer.unobserve(this.#observed);
    this.#resizer.observe(track);
    this.#observed = track;
  }
}
