import { css } from 'lit';

export const drillPanelStyles = css`
  :host {
    --_sx-bg: var(--sx-background, #ffffff);
    --_sx-fg: var(--sx-foreground, #1d2433);
    --_sx-muted: var(--sx-muted, #5b6474);
    --_sx-border: var(--sx-border, #d9dee7);
    --_sx-accent: var(--sx-accent, #2458c6);
    --_sx-warn: var(--sx-warn, #a86200);
    font-family: var(
      --sx-font,
      system-ui,
      'Segoe UI',
      'Noto Sans CJK SC',
      'Microsoft YaHei',
      sans-serif
    );
    font-size: var(--sx-font-size, 14px);
  }
  dialog {
    color: var(--_sx-fg);
    background: var(--_sx-bg);
    border: 1px solid var(--_sx-border);
    border-radius: var(--sx-radius, 8px);
    max-width: min(96vw, 1100px);
    max-height: 90vh;
    padding: 16px 20px;
    line-height: 1.4;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  h2 {
    font-size: 1.15em;
    margin: 0 0 6px;
  }
  .facts,
  .note {
    margin: 2px 0;
    color: var(--_sx-muted);
  }
  .note.warn {
    color: var(--_sx-warn);
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 18px;
    margin: 8px 0;
    padding: 0;
    list-style: none;
    font-weight: 600;
  }
  .scroll {
    overflow: auto;
    max-height: 55vh;
    border: 1px solid var(--_sx-border);
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding: 4px 6px;
    color: var(--_sx-muted);
  }
  th,
  td {
    border-bottom: 1px solid var(--_sx-border);
    padding: 4px 8px;
    text-align: start;
    vertical-align: top;
  }
  /* A cell as written keeps its line breaks and spaces; the template's own do not show. */
  .written {
    white-space: pre-wrap;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_sx-bg);
  }
  .read {
    display: block;
    color: var(--_sx-muted);
    font-size: 0.9em;
  }
  .left-out {
    margin: 6px 0;
    padding-inline-start: 18px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 12px;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_sx-border);
    border-radius: 6px;
    padding: 4px 12px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_sx-accent);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_sx-bg: var(--sx-background, #151a23);
      --_sx-fg: var(--sx-foreground, #e8ecf3);
      --_sx-muted: var(--sx-muted, #a3adbd);
      --_sx-border: var(--sx-border, #323a48);
      --_sx-accent: var(--sx-accent, #7aa5ff);
    }
  }
  :host([theme='dark']) {
    --_sx-bg: var(--sx-background, #151a23);
    --_sx-fg: var(--sx-foreground, #e8ecf3);
    --_sx-muted: var(--sx-muted, #a3adbd);
    --_sx-border: var(--sx-border, #323a48);
    --_sx-accent: var(--sx-accent, #7aa5ff);
  }
  @media (forced-colors: active) {
    dialog {
      border: 1px solid CanvasText;
    }
  }
`;
