import { css } from 'lit';

/**
 * Every widget on paper: black on white, no frame, and none of what only works on a screen
 * (export buttons, filters, the hover card). Listed last in a widget's styles, so it wins.
 */
export const printStyles = css`
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    [part='base'] {
      border: none;
    }
    [part='toolbar'],
    .filters,
    .tooltip {
      display: none;
    }
  }
`;
