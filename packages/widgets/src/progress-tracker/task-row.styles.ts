import { css } from 'lit';

/** A task row: its head (label, bar, status), the open detail, and the colour of each state. */
export const taskRowStyles = css`
  .tasks {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='row'] {
    border-top: 1px solid var(--_sx-border);
  }
  .head {
    padding: 6px 4px;
    border-radius: 4px;
    cursor: pointer;
  }
  .head:hover {
    background: color-mix(in srgb, var(--_sx-accent) 6%, transparent);
  }
  .head:focus-visible {
    outline-offset: -2px;
  }
  [part~='selected'] > .head {
    background: color-mix(in srgb, var(--_sx-accent) 12%, transparent);
    box-shadow: inset 3px 0 0 var(--_sx-accent);
  }
  .label {
    display: grid;
    min-width: 0;
  }
  .task {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .owner {
    color: var(--_sx-muted);
    font-size: 0.85em;
  }
  svg[part='bar'] {
    display: block;
    width: 100%;
    height: 24px;
    overflow: visible;
  }
  .grid {
    stroke: var(--_sx-border);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .plan {
    fill: color-mix(in srgb, var(--_sx-status) 14%, var(--_sx-bg));
    stroke: var(--_sx-status);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .done {
    fill: var(--_sx-status);
  }
  .late {
    fill: var(--_sx-bad);
    opacity: 0.55;
  }
  .expected {
    stroke: var(--_sx-fg);
    stroke-width: 2.5;
    vector-effect: non-scaling-stroke;
  }
  .as-of {
    stroke: var(--_sx-accent);
    stroke-width: 1.5;
    stroke-dasharray: 3 3;
    vector-effect: non-scaling-stroke;
  }
  .figures {
    display: grid;
    justify-items: end;
    text-align: end;
  }
  [part='status'] {
    color: color-mix(in srgb, var(--_sx-status) 80%, var(--_sx-fg));
    font-weight: 600;
    white-space: nowrap;
  }
  .icon {
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    background: var(--_sx-status);
    color: var(--_sx-bg);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1;
  }
  .numbers {
    color: var(--_sx-muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .detail {
    padding: 2px 8px 10px;
    font-size: 0.9em;
    color: var(--_sx-muted);
  }
  .detail[hidden] {
    display: none;
  }
  .reason {
    margin: 0 0 4px;
    color: var(--_sx-fg);
  }
  dl {
    display: grid;
    gap: 2px;
    margin: 0;
  }
  dt {
    display: inline;
    font-weight: 600;
  }
  dd {
    display: inline;
    margin: 0;
    color: var(--_sx-fg);
  }
  [data-state='overdue'] {
    --_sx-status: var(--_sx-bad);
  }
  [data-state='lagging'] {
    --_sx-status: var(--_sx-warn);
  }
  [data-state='on-track'] {
    --_sx-status: var(--_sx-accent);
  }
  [data-state='done'] {
    --_sx-status: var(--_sx-good);
  }
  [data-state='not-started'],
  [data-state='unknown'] {
    --_sx-status: var(--_sx-muted);
  }
  .states [data-state] .icon {
    font-size: 0.7em;
  }
  @media (forced-colors: active) {
    .plan {
      fill: Canvas;
      stroke: CanvasText;
    }
    .done {
      fill: Highlight;
    }
    .late {
      fill: Mark;
      opacity: 1;
    }
    .expected,
    .grid {
      stroke: CanvasText;
    }
    .as-of {
      stroke: LinkText;
    }
    .icon {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
    [part~='selected'] > .head {
      outline: 2px solid Highlight;
    }
  }
`;
