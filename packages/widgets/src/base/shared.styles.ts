import { css } from 'lit';

/** Tokens, states and the visually hidden data table, shared by every widget. */
export const sharedStyles = css`
  :host {
    --_sx-bg: var(--sx-background, #ffffff);
    --_sx-fg: var(--sx-foreground, #1d2433);
    --_sx-muted: var(--sx-muted, #5b6474);
    --_sx-border: var(--sx-border, #d9dee7);
    --_sx-accent: var(--sx-accent, #2458c6);
    --_sx-good: var(--sx-good, #00785a);
    --_sx-warn: var(--sx-warn, #a86200);
    --_sx-bad: var(--sx-bad, #c0262d);
    --_sx-radius: var(--sx-radius, 8px);
    color-scheme: light;
    --_sx-font: var(
      --sx-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      'Noto Sans CJK SC',
      'Microsoft YaHei',
      sans-serif
    );
    display: block;
    box-sizing: border-box;
    color: var(--_sx-fg);
    background: var(--_sx-bg);
    font-family: var(--_sx-font);
    font-size: var(--sx-font-size, 14px);
    line-height: 1.4;
    container-type: inline-size;
  }
  :host(:state(dark)) {
    color-scheme: dark;
    --_sx-bg: var(--sx-background, #151a23);
    --_sx-fg: var(--sx-foreground, #e8ecf3);
    --_sx-muted: var(--sx-muted, #a3adbd);
    --_sx-border: var(--sx-border, #323a48);
    --_sx-accent: var(--sx-accent, #7aa5ff);
    --_sx-good: var(--sx-good, #3fc1a0);
    --_sx-warn: var(--sx-warn, #f0a841);
    --_sx-bad: var(--sx-bad, #ff6b6b);
  }
  [part='base'] {
    border: 1px solid var(--_sx-border);
    border-radius: var(--_sx-radius);
    padding: 12px 16px;
  }
  [part='base'] {
    position: relative;
  }
  [part='toolbar'] {
    display: flex;
    justify-content: flex-end;
    gap: 4px;
    margin-block-start: 8px;
  }
  [part~='export-button'],
  [part~='cancel-button'],
  [part~='resume-button'] {
    font: inherit;
    font-size: 0.8em;
    padding: 2px 8px;
    color: var(--_sx-muted);
    background: var(--_sx-bg);
    border: 1px solid var(--_sx-border);
    border-radius: 4px;
    cursor: pointer;
  }
  [part~='export-button']:hover,
  [part~='cancel-button']:hover,
  [part~='resume-button']:hover {
    color: var(--_sx-fg);
  }
  [part~='cancel-button'],
  [part~='resume-button'] {
    justify-self: start;
  }
  [part~='drill-through'] {
    display: block;
    margin-block-start: 8px;
    font: inherit;
    font-size: 0.85em;
    padding: 2px 8px;
    color: var(--_sx-accent);
    background: var(--_sx-bg);
    border: 1px solid var(--_sx-border);
    border-radius: 4px;
    cursor: pointer;
  }
  /* Its words are its name, drawn from it: they do not join the widget's own text. */
  [part~='drill-through']::before {
    content: attr(data-label);
  }
  :focus-visible {
    outline: 2px solid var(--_sx-accent);
    outline-offset: 2px;
  }
  .notice {
    color: var(--_sx-warn);
    font-size: 0.9em;
    margin-block-end: 8px;
  }
  .notice p {
    margin: 0;
  }
  .state {
    display: grid;
    gap: 8px;
    padding: 16px 0;
    color: var(--_sx-muted);
  }
  .state[data-state='error'] {
    color: var(--_sx-bad);
  }
  .state strong {
    color: var(--_sx-fg);
  }
  progress {
    width: 100%;
    height: 6px;
    accent-color: var(--_sx-accent);
  }
  .visually-hidden,
  :host(:not([show-table])) [part='data-table'] {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    table-layout: fixed;
  }
  /* Firefox draws a table's caption outside the table's own box, so the clip above misses it. */
  .visually-hidden caption,
  :host(:not([show-table])) [part='data-table'] caption {
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  table[part='data-table'] {
    border-collapse: collapse;
    margin-top: 12px;
  }
  table[part='data-table'] th,
  table[part='data-table'] td {
    border: 1px solid var(--_sx-border);
    padding: 4px 8px;
    text-align: start;
  }
  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
  }
`;
