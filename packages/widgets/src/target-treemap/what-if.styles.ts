import { css } from 'lit';

/** The what-if panel below the map. */
export const whatIfStyles = css`
  .what-if {
    margin-top: 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px dashed var(--_sx-border);
    border-radius: 6px;
  }
  .what-if h3 {
    margin: 0 0 0.25rem;
    font-size: 0.95rem;
  }
  .what-if-note,
  .what-if-none,
  .what-if-reserve {
    margin: 0.25rem 0;
    color: var(--_sx-muted);
    font-size: 0.85rem;
  }
  .what-if-edit {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .what-if-edit fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  .what-if-edit legend {
    font-size: 0.85rem;
    color: var(--_sx-muted);
  }
  .what-if input[type='text'] {
    display: block;
    width: 10rem;
    font: inherit;
    padding: 0.2rem 0.4rem;
    color: var(--_sx-fg);
    background: var(--_sx-bg);
    border: 1px solid var(--_sx-border);
    border-radius: 4px;
  }
  .what-if button {
    font: inherit;
    font-size: 0.85rem;
    padding: 0.2rem 0.6rem;
    color: var(--_sx-fg);
    background: transparent;
    border: 1px solid var(--_sx-border);
    border-radius: 4px;
    cursor: pointer;
  }
  .what-if button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .what-if :focus-visible {
    outline: 2px solid var(--_sx-fg);
    outline-offset: 2px;
  }
  .what-if-actions {
    display: flex;
    gap: 0.5rem;
    margin: 0.25rem 0;
  }
  .what-if-refusal {
    margin: 0.25rem 0;
    color: var(--_sx-warn);
    font-size: 0.9rem;
  }
  .what-if-refusal:empty {
    display: none;
  }
  .what-if-changes {
    border-collapse: collapse;
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
  }
  .what-if-changes caption {
    text-align: start;
    font-weight: 600;
  }
  .what-if-changes th,
  .what-if-changes td {
    padding: 0.1rem 0.75rem 0.1rem 0;
    text-align: start;
    font-weight: normal;
  }
  @media print {
    .what-if-edit,
    .what-if-actions {
      display: none;
    }
  }
`;
