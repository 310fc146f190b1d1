import { css } from 'lit';

export const targetTreemapStyles = css`
  /* Blue–orange, not red–green: behind plan is orange, ahead is blue, on plan is neutral. */
  :host {
    --_sx-achievement-far-behind: var(--sx-achievement-far-behind, #b35806);
    --_sx-achievement-behind: var(--sx-achievement-behind, #f1a340);
    --_sx-achievement-on-plan: var(--sx-achievement-on-plan, #e6e6e6);
    --_sx-achievement-ahead: var(--sx-achievement-ahead, #67a9cf);
    --_sx-achievement-far-ahead: var(--sx-achievement-far-ahead, #2166ac);
    --_sx-achievement-unknown: var(--sx-achievement-unknown, #c9ced6);
  }
  :host(:state(dark)) {
    --_sx-achievement-far-behind: var(--sx-achievement-far-behind, #b35806);
    --_sx-achievement-behind: var(--sx-achievement-behind, #93591f);
    --_sx-achievement-on-plan: var(--sx-achievement-on-plan, #474e5c);
    --_sx-achievement-ahead: var(--sx-achievement-ahead, #3f7fae);
    --_sx-achievement-far-ahead: var(--sx-achievement-far-ahead, #2f69b3);
    --_sx-achievement-unknown: var(--sx-achievement-unknown, #3a404c);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 4px 16px;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    margin: 0;
    color: var(--_sx-muted);
    font-variant-numeric: tabular-nums;
  }
  .summary strong {
    color: var(--_sx-fg);
  }
  .status {
    font-weight: 600;
    color: var(--_sx-fg);
  }
  nav[part='breadcrumb'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
    margin: 8px 0;
  }
  nav ol {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav li + li::before {
    content: '›';
    padding: 0 6px;
    color: var(--_sx-muted);
  }
  nav li[aria-current] {
    font-weight: 600;
  }
  nav button {
    font: inherit;
    color: var(--_sx-accent);
    background: none;
    border: none;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  nav button:focus-visible {
    outline: 2px solid var(--_sx-fg);
    outline-offset: 2px;
  }
  .level {
    color: var(--_sx-muted);
    font-size: 0.9em;
  }
  .warnings {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    color: var(--_sx-warn);
    font-size: 0.9em;
  }
  .map-frame {
    position: relative;
  }
  svg[part='map'] {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .tile {
    cursor: pointer;
    outline: none;
  }
  .frame {
    stroke: var(--_sx-bg);
    stroke-width: 2;
  }
  .tile[data-dimmed] .frame {
    fill-opacity: 0.4;
  }
  .ring {
    fill: none;
    stroke: none;
    pointer-events: none;
  }
  .tile[data-selected] .ring {
    stroke: var(--_sx-fg);
    stroke-width: 2;
    stroke-dasharray: 6 3;
  }
  .tile:focus-visible .ring {
    stroke: var(--_sx-fg);
    stroke-width: 3;
    stroke-dasharray: none;
  }
  .labels {
    pointer-events: none;
    font-family: var(--_sx-font);
  }
  .label[data-dimmed] {
    opacity: 0.55;
  }
  .name {
    font-weight: 600;
  }
  .figure {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .detail {
    font-variant-numeric: tabular-nums;
  }
  .ink-dark text {
    fill: #1d2433;
  }
  .ink-light text {
    fill: #ffffff;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    box-sizing: border-box;
    padding: 8px 10px;
    border: 1px solid var(--_sx-border);
    border-radius: 6px;
    background: var(--_sx-bg);
    color: var(--_sx-fg);
    box-shadow: 0 4px 14px rgb(0 0 0 / 18%);
    font-size: 0.85em;
    pointer-events: none;
  }
  .tooltip.above {
    transform: translateY(-100%);
  }
  .tooltip dl {
    display: grid;
    gap: 1px;
    margin: 4px 0 0;
  }
  .tooltip dl div {
    display: flex;
    justify-content: space-between;
    gap: 12px;
  }
  .tooltip dt {
    color: var(--_sx-muted);
  }
  .tooltip dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .tile-warning {
    margin: 4px 0 0;
    color: var(--_sx-warn);
  }
  .legend {
    display: grid;
    grid-template-columns: auto auto minmax(80px, 220px) auto;
    justify-content: start;
    align-items: center;
    gap: 2px 8px;
    margin-top: 10px;
    color: var(--_sx-muted);
    font-size: 0.8em;
  }
  .legend-caption {
    color: var(--_sx-fg);
  }
  .legend-bar {
    width: 100%;
    height: 10px;
    display: block;
  }
  .legend-ticks {
    grid-column: 3;
    display: flex;
    justify-content: space-between;
    font-variant-numeric: tabular-nums;
  }
  @container (max-width: 420px) {
    .legend {
      grid-template-columns: auto minmax(60px, 1fr) auto;
      justify-content: stretch;
    }
    .legend-caption {
      grid-column: 1 / -1;
    }
    .legend-ticks {
      grid-column: 2;
    }
  }
  @media (forced-colors: active) {
    .frame {
      fill: Canvas;
      stroke: CanvasText;
      stroke-width: 1;
    }
    .labels text {
      fill: CanvasText;
    }
    .tile[data-selected] .ring,
    .tile:focus-visible .ring {
      stroke: Highlight;
    }
    .legend-bar {
      display: none;
    }
  }
`;
