import { css } from 'lit';

export const progressTrackerStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 4px 12px;
    margin-bottom: 8px;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  .as-of-day {
    color: var(--_sx-muted);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    margin-bottom: 10px;
  }
  .states {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .states button,
  select {
    font: inherit;
    font-size: 0.9em;
    color: var(--_sx-fg);
    background: var(--_sx-bg);
    border: 1px solid var(--_sx-border);
    cursor: pointer;
  }
  .states button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 10px;
    border-radius: 999px;
  }
  .states button[aria-pressed='true'] {
    border-color: var(--_sx-accent);
    box-shadow: inset 0 0 0 1px var(--_sx-accent);
    background: color-mix(in srgb, var(--_sx-accent) 12%, var(--_sx-bg));
  }
  .count {
    font-variant-numeric: tabular-nums;
    color: var(--_sx-muted);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_sx-muted);
    font-size: 0.9em;
  }
  select {
    padding: 2px 4px;
    border-radius: 4px;
  }
  .axis-row,
  .head {
    display: grid;
    grid-template-columns: minmax(7em, 13em) minmax(0, 1fr) 9em;
    column-gap: 12px;
    align-items: center;
  }
  .axis-row {
    padding: 0 4px;
  }
  .axis {
    position: relative;
    height: 1.6em;
  }
  .track {
    position: absolute;
    inset: 0;
  }
  .tick,
  .as-of-mark {
    position: absolute;
    bottom: 3px;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  .tick {
    font-size: 0.8em;
    color: var(--_sx-muted);
  }
  .tick[data-align='start'] {
    transform: none;
  }
  .tick[data-align='end'] {
    transform: translateX(-100%);
  }
  .tick[data-unit='year'] {
    color: var(--_sx-fg);
    font-weight: 600;
  }
  .as-of-mark {
    bottom: -5px;
    font-size: 0.6em;
    color: var(--_sx-accent);
  }
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
    color: var(--_sx-status);
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
  .no-match {
    color: var(--_sx-muted);
    padding: 12px 4px;
    margin: 0;
  }
  .warning {
    color: var(--_sx-warn);
    font-size: 0.9em;
    margin-top: 8px;
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
  @container (max-width: 560px) {
    .axis-row,
    .head {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .axis-row > span {
      display: none;
    }
    .axis {
      grid-column: 1 / -1;
    }
    svg[part='bar'] {
      grid-column: 1 / -1;
      grid-row: 2;
      margin-top: 4px;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    [part='base'] {
      border: none;
    }
    .filters {
      display: none;
    }
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
    .states button[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
    [part~='selected'] > .head {
      outline: 2px solid Highlight;
    }
  }
`;
