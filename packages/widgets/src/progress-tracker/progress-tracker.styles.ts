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
  .no-match {
    color: var(--_sx-muted);
    padding: 12px 4px;
    margin: 0;
  }
  .partial {
    color: var(--_sx-muted);
    font-size: 0.9em;
    margin: 0 0 8px;
  }
  .warning {
    color: var(--_sx-warn);
    font-size: 0.9em;
    margin-top: 8px;
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
  @media (forced-colors: active) {
    .states button[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
