import type { Status } from '@stratex/core';
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { styleProps } from '../base/style-props';
import type { Tile } from './breakdown';
import { legendStops, SCORE_STOPS, type ScorePalette } from './colour';
import type { TileFigures } from './figures';
import { baselines, LABEL_PADDING, type LabelPlan, type TileBox } from './layout';

/** A tile ready to draw: where, in what colour, with what words. */
export interface DrawnTile {
  box: TileBox<Tile>;
  figures: TileFigures;
  status: Status;
  fill: string;
  darkText: boolean;
  label: LabelPlan;
  figureLine: string;
  detailLine: string;
  description: string;
  drillable: boolean;
  selected: boolean;
  dimmed: boolean;
  warning: string | null;
}

export interface MapEvents {
  activate(index: number): void;
  hover(index: number | null): void;
  focus(index: number, event: FocusEvent): void;
  blur(event: FocusEvent): void;
  keydown(event: KeyboardEvent): void;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The treemap: one focusable group per tile, labels only where they fit. */
export function tileMap(
  tiles: readonly DrawnTile[],
  size: { width: number; height: number },
  focusIndex: number,
  label: string,
  events: MapEvents,
): TemplateResult {
  return html`<svg
    part="map"
    viewBox="0 0 ${size.width} ${size.height}"
    width=${size.width}
    height=${size.height}
    role="group"
    tabindex="-1"
    aria-label=${label}
    @keydown=${events.keydown}
    @focusout=${events.blur}
    @pointerleave=${() => events.hover(null)}
  >
    ${tiles.map((tile, index) => drawTile(tile, index, index === focusIndex, events))}
    <g class="labels" aria-hidden="true">${tiles.map((tile, index) => drawLabel(tile, index))}</g>
  </svg>`;
}

function drawTile(
  tile: DrawnTile,
  index: number,
  focusable: boolean,
  events: MapEvents,
): SVGTemplateResult {
  const { box } = tile;
  const x = round(box.x);
  const y = round(box.y);
  return svg`<g
    class="tile"
    part="tile"
    data-index=${index}
    data-status=${tile.status}
    ?data-selected=${tile.selected}
    ?data-dimmed=${tile.dimmed}
    role="button"
    tabindex=${focusable ? 0 : -1}
    aria-label=${tile.description}
    aria-pressed=${tile.selected ? 'true' : 'false'}
    @click=${() => events.activate(index)}
    @pointerenter=${() => events.hover(index)}
    @focus=${(event: FocusEvent) => events.focus(index, event)}
  >
    <rect class="frame" x=${x} y=${y} width=${round(box.width)} height=${round(box.height)} fill=${tile.fill}></rect>
    <rect class="ring" x=${x + 2.5} y=${y + 2.5} width=${Math.max(0, round(box.width - 5))} height=${Math.max(0, round(box.height - 5))}></rect>
  </g>`;
}

/** A tile's words, drawn above every tile so that no neighbour covers them; screen readers use the tile's label. */
function drawLabel(tile: DrawnTile, index: number): SVGTemplateResult | typeof nothing {
  const { box, label } = tile;
  if (!label.name) return nothing;
  const x = round(box.x + LABEL_PADDING);
  const [nameY, figureY, detailY] = baselines(label.size).map((line) => round(box.y + line));
  return svg`<g
    class="label ${tile.darkText ? 'ink-dark' : 'ink-light'}"
    data-index=${index}
    ?data-dimmed=${tile.dimmed}
  >
    <text class="name" x=${x} y=${nameY} font-size=${label.size.name}>${label.name}</text>
    ${label.figure ? svg`<text class="figure" x=${x} y=${figureY} font-size=${label.size.figure}>${tile.figureLine}</text>` : nothing}
    ${label.detail ? svg`<text class="detail" x=${x} y=${detailY} font-size=${label.size.detail}>${tile.detailLine}</text>` : nothing}
  </g>`;
}

/** The tooltip of one tile, placed beside it and kept inside the map. */
export function tooltip(
  tile: DrawnTile | undefined,
  size: { width: number; height: number },
  headings: readonly string[],
  values: readonly string[],
  notes: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  if (!tile) return html`<div class="tooltip" id="tooltip" role="tooltip" hidden></div>`;
  const { box } = tile;
  const width = Math.min(240, size.width - 8);
  const centreX = box.x + box.width / 2;
  const below = box.y + box.height / 2 < size.height / 2;
  const left = Math.max(4, Math.min(size.width - width - 4, centreX - width / 2));
  // Beside the tile's label, never over it: under the label block, or above the tile.
  const top = below ? box.y + Math.min(box.height, 72) + 4 : box.y - 4;
  return html`<div
    class="tooltip ${below ? 'below' : 'above'}"
    id="tooltip"
    role="tooltip"
    part="tooltip"
    ${styleProps({ left: `${Math.round(left)}px`, top: `${Math.round(top)}px`, width: `${width}px` })}
  >
    <strong>${tile.figures.name}</strong>
    <dl>
      ${headings.map(
        (heading, i) =>
          html`<div>
            <dt>${heading}</dt>
            <dd>${values[i] ?? ''}</dd>
          </div>`,
      )}
    </dl>
    ${tile.warning ? html`<p class="tile-warning">⚠ ${tile.warning}</p>` : nothing} ${notes}
  </div>`;
}

/** The colour key: the diverging scale from behind plan to ahead of it, 100 % in the middle. */
export function legend(
  palette: ScorePalette,
  caption: string,
  low: string,
  high: string,
  format: (score: number) => string,
): TemplateResult {
  const stops = legendStops(palette);
  return html`<div class="legend" part="legend">
    <span class="legend-caption">${caption}</span>
    <span class="legend-end">${low}</span>
    <svg class="legend-bar" viewBox="0 0 100 18" preserveAspectRatio="none" aria-hidden="true">
      <defs>
        <linearGradient id="sx-score-gradient">
          ${stops.map((stop) => svg`<stop offset=${stop.offset} stop-color=${stop.colour}></stop>`)}
        </linearGradient>
      </defs>
      <rect x="0" y="0" width="100" height="10" fill="url(#sx-score-gradient)"></rect>
    </svg>
    <span class="legend-end">${high}</span>
    <span class="legend-ticks" aria-hidden="true">
      ${SCORE_STOPS.map((stop) => html`<span>${format(stop)}</span>`)}
    </span>
  </div>`;
}
