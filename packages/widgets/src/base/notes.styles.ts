import { css } from 'lit';

/** Dated notes beside a figure, and the line that says how the notes source fared. */
export const notesStyles = css`
  .dated-notes {
    grid-column: 1 / -1;
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    display: grid;
    gap: 2px;
    font-size: 0.9em;
    color: var(--_sx-muted);
  }
  .dated-notes time {
    font-variant-numeric: tabular-nums;
    margin-inline-end: 0.4em;
  }
  .dated-notes .note-author {
    font-weight: 600;
    margin-inline-end: 0.4em;
  }
  .dated-notes .note-text {
    color: var(--_sx-fg);
    overflow-wrap: anywhere;
  }
  .dated-notes .notes-earlier {
    font-style: italic;
  }
  .notes-status.warning {
    color: var(--_sx-warn);
  }
  .notes-status small {
    display: block;
    color: var(--_sx-muted);
  }
`;
