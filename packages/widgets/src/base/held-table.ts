import { css, html, type TemplateResult } from 'lit';

/**
 * The accessible data table of a long list (10,000 tasks), where the page draws it only as it
 * can afford to: the table is whole in the DOM from the first drawing, but its bodies of rows
 * (`tableRows`) are held undrawn (`content-visibility: auto` on a box outside the view) and let
 * go one by one when the page is idle, each joining the accessibility tree as it is laid out.
 * Laid out at once, 10,000 rows of text took seconds before the list could show. With
 * `show-table` it is an ordinary part of the widget.
 */
export function heldTable(table: TemplateResult): TemplateResult {
  return html`<div class="table-hold">${table}</div>`;
}

export const heldTableStyles = css`
  :host(:not([show-table])) .table-hold {
    position: absolute;
    inset-block-start: -100000px;
    inset-inline-start: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  /* A body of rows can be held only as a block of its own; contained, one let go leaves the
     others as they were drawn. */
  :host(:not([show-table])) .table-hold table,
  :host(:not([show-table])) .table-hold tbody {
    display: block;
  }
  :host(:not([show-table])) .table-hold tbody {
    contain: content;
  }
  :host(:not([show-table])) .table-hold tbody.held {
    content-visibility: auto;
  }
  @media print {
    :host(:not([show-table])) .table-hold {
      display: none;
    }
  }
`;
