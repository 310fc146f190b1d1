import { css } from 'lit';

export const varianceAlertsStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 4px 12px;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  .as-of {
    color: var(--_sx-muted);
    font-size: 0.9em;
  }
  [part='summary'] {
    margin: 4px 0 8px;
    font-weight: 600;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='alert'] {
    display: grid;
    grid-template-columns: 7.5em minmax(0, 1fr) minmax(90px, 240px) 6.5em;
    grid-template-areas: 'badge main trend figure';
    align-items: center;
    gap: 6px 14px;
    padding: 10px 8px;
    border-top: 1px solid var(--_sx-border);
    border-inline-start: 4px solid var(--_sx-status);
    cursor: pointer;
  }
  [part~='alert']:focus-visible {
    outline: 2px solid var(--_sx-accent);
    outline-offset: -2px;
  }
  [part~='alert'][aria-selected='true'] {
    background: color-mix(in srgb, var(--_sx-accent) 10%, transparent);
  }
  [data-severity='critical'] {
    --_sx-status: var(--_sx-bad);
  }
  [data-severity='warning'] {
    --_sx-status: var(--_sx-warn);
  }
  [data-severity='on-track'] {
    --_sx-status: var(--_sx-good);
  }
  [data-severity='unknown'] {
    --_sx-status: var(--_sx-muted);
  }
  .badge {
    grid-area: badge;
    color: var(--_sx-status);
    font-weight: 600;
    white-space: nowrap;
  }
  .icon {
    display: inline-grid;
    place-items: center;
    width: 1.4em;
    height: 1.4em;
    margin-inline-end: 4px;
    border-radius: 50%;
    border: 1.5px solid currentColor;
    font-size: 0.85em;
    line-height: 1;
  }
  .main {
    grid-area: main;
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .kind {
    color: var(--_sx-muted);
    font-size: 0.85em;
    margin-inline-end: 6px;
  }
  .reason {
    color: var(--_sx-muted);
    font-size: 0.92em;
    overflow-wrap: anywhere;
  }
  .trend {
    grid-area: trend;
  }
  svg[part='sparkline'] {
    display: block;
    width: 100%;
    height: 40px;
    overflow: visible;
  }
  .pace,
  .actual,
  .now {
    fill: none;
    vector-effect: non-scaling-stroke;
  }
  .pace {
    stroke: var(--_sx-muted);
    stroke-width: 1.25;
    stroke-dasharray: 4 3;
  }
  .actual {
    stroke: var(--_sx-accent);
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .now {
    stroke: var(--_sx-status);
    stroke-width: 7;
    stroke-linecap: round;
  }
  .figure {
    grid-area: figure;
    display: grid;
    justify-items: end;
    text-align: end;
  }
  .figure strong {
    font-size: 1.3em;
    font-variant-numeric: tabular-nums;
  }
  .figure small {
    color: var(--_sx-muted);
  }
  .more {
    margin-top: 8px;
    font: inherit;
    color: var(--_sx-accent);
    background: none;
    border: 1px solid var(--_sx-border);
    border-radius: var(--_sx-radius);
    padding: 4px 12px;
    cursor: pointer;
  }
  .more:focus-visible {
    outline: 2px solid var(--_sx-accent);
    outline-offset: 2px;
  }
  .note,
  .warning {
    margin: 8px 0 0;
    font-size: 0.9em;
  }
  .note {
    color: var(--_sx-muted);
  }
  .warning {
    color: var(--_sx-warn);
  }
  @container (max-width: 560px) {
    [part~='alert'] {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'badge figure'
        'main main'
        'trend trend';
    }
    svg[part='sparkline'] {
      height: 32px;
    }
  }
  @media (forced-colors: active) {
    [part~='alert'] {
      border-inline-start-color: CanvasText;
    }
    [part~='alert'][aria-selected='true'] {
      outline: 2px solid Highlight;
    }
    .badge,
    .warning {
      color: CanvasText;
    }
    .actual {
      stroke: Highlight;
    }
    .pace {
      stroke: GrayText;
    }
    .now {
      stroke: CanvasText;
    }
  }
`;
