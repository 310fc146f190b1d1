import { css } from 'lit';

export const scorecardStyles = css`
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 12px;
    margin-bottom: 8px;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  .overall {
    color: var(--_sx-muted);
  }
  .overall strong {
    color: var(--_sx-fg);
    font-size: 1.3em;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  [part~='row'] {
    display: grid;
    grid-template-columns: minmax(7em, 1.2fr) 4.5em minmax(8em, 2fr) auto;
    align-items: center;
    gap: 4px 12px;
    padding: 8px 0;
    border-top: 1px solid var(--_sx-border);
  }
  .dimension {
    font-weight: 600;
  }
  .figures,
  .no-rate {
    grid-column: 1 / -1;
    color: var(--_sx-muted);
    font-size: 0.9em;
  }
  .rate {
    font-size: 1.35em;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  svg[part='bullet'] {
    width: 100%;
    height: 14px;
    display: block;
  }
  .track {
    fill: var(--_sx-border);
  }
  .bar {
    fill: var(--_sx-status);
  }
  .marker {
    stroke: var(--_sx-fg);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .expected {
    stroke: var(--_sx-muted);
    stroke-width: 1.5;
    stroke-dasharray: 2 2;
    vector-effect: non-scaling-stroke;
  }
  .as-of {
    color: var(--_sx-muted);
    font-size: 0.85em;
  }
  [part~='status'] {
    color: var(--_sx-status);
    font-weight: 600;
    white-space: nowrap;
  }
  [data-status='on-track'] {
    --_sx-status: var(--_sx-good);
  }
  [data-status='at-risk'] {
    --_sx-status: var(--_sx-warn);
  }
  [data-status='off-track'] {
    --_sx-status: var(--_sx-bad);
  }
  [data-status='unknown'] {
    --_sx-status: var(--_sx-muted);
  }
  .notes {
    grid-column: 1 / -1;
    display: grid;
    gap: 2px;
    color: var(--_sx-muted);
    font-size: 0.9em;
  }
  .notes dt {
    display: inline;
    font-weight: 600;
  }
  .notes dd {
    display: inline;
    margin: 0;
  }
  :host([compact]) .notes {
    display: none;
  }
  .warning {
    color: var(--_sx-warn);
    font-size: 0.9em;
    margin-top: 8px;
  }
  @container (max-width: 420px) {
    [part~='row'] {
      grid-template-columns: 1fr auto;
    }
    svg[part='bullet'] {
      grid-column: 1 / -1;
    }
  }
  @media (forced-colors: active) {
    .bar {
      fill: Highlight;
    }
    .track {
      fill: GrayText;
    }
  }
`;
