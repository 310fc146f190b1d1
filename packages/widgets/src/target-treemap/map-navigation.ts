import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Selection } from '../base/selection';
import { tileForKey } from './layout';
import type { DrawnTile, MapEvents } from './map';
import { selectionOf } from './view';

/** What moving about the map needs from its widget. */
export interface MapNavigationHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface MapNavigationOptions {
  /** The tile chosen in this widget, if any. */
  own(): Selection | null;
  /** Chooses (or, chosen again, clears) a tile. */
  select(selection: Selection | null): void;
}

/**
 * Moving about the map: the level drilled into, the tile with the keyboard's focus and the
 * one under the pointer. Click or Enter on a tile chooses it and drills into it; Escape or
 * Backspace goes back up (focusing the tile that was drilled into), then clears the choice.
 */
export class MapNavigation implements ReactiveController {
  readonly #host: MapNavigationHost;
  readonly #options: MapNavigationOptions;
  /** The keys of the tiles drilled into, top first. */
  #path: string[] = [];
  #focusKey: string | undefined;
  #hoverKey: string | undefined;
  #focusInMap = false;
  #refocus = false;
  /** The tiles on screen, and the level columns they were drawn for. */
  drawn: DrawnTile[] = [];
  levels: readonly string[] | undefined;

  constructor(host: MapNavigationHost, options: MapNavigationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get path(): string[] {
    return this.#path;
  }

  /** Drills to `path` (a linked view), or back to the top with `[]`. */
  set path(path: readonly string[]) {
    this.#path = [...path];
    this.#host.requestUpdate();
  }

  /** The tile that has (or, once drawn, gets) the keyboard's focus: the one asked for, else the first. */
  get focusKey(): string | undefined {
    return this.drawn.some((tile) => tile.box.key === this.#focusKey)
      ? this.#focusKey
      : this.drawn[0]?.box.key;
  }

  /** The tile whose figures the tooltip shows: under the pointer, else focused by keyboard. */
  get tooltipKey(): string | undefined {
    return this.#hoverKey ?? (this.#focusInMap ? this.focusKey : undefined);
  }

  hostUpdated(): void {
    if (!this.#refocus) return;
    this.#refocus = false;
    queueMicrotask(() =>
      this.#host.renderRoot.querySelector<SVGGElement>('g.tile[tabindex="0"]')?.focus(),
    );
  }

  readonly events: MapEvents = {
    activate: (index) => this.#activate(index),
    hover: (index) => this.#set(() => (this.#hoverKey = this.#keyAt(index))),
    focus: (index, event) =>
      this.#set(() => {
        this.#focusKey = this.#keyAt(index);
        this.#focusInMap = (event.target as Element).matches(':focus-visible');
      }),
    blur: (event) => {
      const next = event.relatedTarget as Element | null;
      if (!next?.closest?.('g.tile')) this.#set(() => (this.#focusInMap = false));
    },
    keydown: (event) => this.#onKey(event),
  };

  /** Back to the level `depth` steps from the top, focusing the tile that was drilled into. */
  goTo(depth: number): void {
    if (depth >= this.#path.length) return;
    this.#set(() => {
      this.#focusKey = this.#path[depth];
      this.#path = this.#path.slice(0, depth);
      this.#hoverKey = undefined;
      this.#refocus = true;
    });
  }

  #keyAt(index: number | null): string | undefined {
    return index === null ? undefined : this.drawn[index]?.box.key;
  }

  #set(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  #activate(index: number): void {
    const tile = this.drawn[index];
    if (!tile || !this.levels) return;
    const node = tile.box.item.node;
    this.#options.select(selectionOf(node, this.levels));
    this.#set(() => {
      this.#focusKey = node.key;
      if (this.#options.own() && node.children.length > 0) {
        this.#path = node.path;
        this.#focusKey = undefined;
        this.#hoverKey = undefined;
      }
      this.#refocus = true;
    });
  }

  #onKey(event: KeyboardEvent): void {
    const boxes = this.drawn.map((tile) => tile.box);
    const index = Math.max(
      0,
      boxes.findIndex((box) => box.key === this.#focusKey),
    );
    const next = tileForKey(event.key, boxes, index);
    if (next !== undefined) {
      this.#set(() => {
        this.#focusKey = boxes[next]?.key;
        this.#refocus = true;
      });
    } else if (event.key === 'Enter' || event.key === ' ') this.#activate(index);
    else if (event.key === 'Escape' || event.key === 'Backspace') {
      if (this.#path.length > 0) this.goTo(this.#path.length - 1);
      else if (this.#options.own()) this.#options.select(null);
      else return;
    } else return;
    event.preventDefault();
  }
}
