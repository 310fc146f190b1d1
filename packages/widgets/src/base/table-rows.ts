import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/** One row of a data table: its cells as text, the first a row header, and its attributes. */
export interface TableRow {
  readonly cells: readonly string[];
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Rows per body of a long table: each body is held, and let go, as one. */
const ROWS_PER_BODY = 200;
/** Marks a body the page does not draw yet (see `held-table.ts`). */
const HELD = 'held';

type IdleWait = (next: () => void) => void;
const idle: IdleWait =
  typeof requestIdleCallback === 'function'
    ? (next) => requestIdleCallback(next, { timeout: 250 })
    : (next) => setTimeout(next, 16);

/**
 * Fills a `<table>` with bodies of rows of text cells, straight into the DOM: a data table of
 * every row of a long list (10,000 tasks) is built in a few tens of milliseconds where a
 * template per row takes a second. A long table comes in bodies of 200 rows, held undrawn
 * (`held`) and let go one at a time when the page is idle, so its first drawing costs nothing
 * and laying out 10,000 rows never stops the page for long; each body joins the page's
 * accessibility tree as it is let go. The rows are rebuilt only when a cell or an attribute
 * has changed.
 */
class TableRows extends Directive {
  #drawn: readonly TableRow[] | undefined;
  #bodies: HTMLTableSectionElement[] = [];
  /** Counts rebuilds, so that a body of an earlier build is not let go after it was replaced. */
  #build = 0;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('tableRows goes on a <table>.');
  }

  render(_rows: readonly TableRow[]): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [rows]: [readonly TableRow[]]): typeof noChange {
    if (this.#drawn && sameRows(this.#drawn, rows)) return noChange;
    this.#drawn = rows;
    const table = part.element;
    const document = table.ownerDocument;
    for (const body of this.#bodies) body.remove();
    const held = rows.length > ROWS_PER_BODY;
    const bodies: HTMLTableSectionElement[] = [];
    for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_BODY) {
      const body = document.createElement('tbody');
      if (held) body.classList.add(HELD);
      for (const row of rows.slice(start, start + ROWS_PER_BODY))
        body.append(tableRow(document, row));
      bodies.push(body);
    }
    table.append(...bodies);
    this.#bodies = bodies;
    const build = ++this.#build;
    if (held) this.#letGo(build, 0);
    return noChange;
  }

  #letGo(build: number, at: number): void {
    idle(() => {
      const body = this.#bodies[at];
      if (build !== this.#build || !body) return;
      body.classList.remove(HELD);
      this.#letGo(build, at + 1);
    });
  }
}

function tableRow(document: Document, row: TableRow): HTMLTableRowElement {
  const line = document.createElement('tr');
  for (const [name, value] of Object.entries(row.attributes ?? {})) line.setAttribute(name, value);
  row.cells.forEach((text, at) => {
    const cell = document.createElement(at === 0 ? 'th' : 'td');
    if (at === 0) cell.setAttribute('scope', 'row');
    cell.textContent = text;
    line.append(cell);
  });
  return line;
}

function sameRows(drawn: readonly TableRow[], rows: readonly TableRow[]): boolean {
  if (drawn === rows) return true;
  if (drawn.length !== rows.length) return false;
  return rows.every((row, at) => {
    const before = drawn[at];
    if (!before || before.cells.length !== row.cells.length) return false;
    if (!row.cells.every((text, column) => before.cells[column] === text)) return false;
    const names = Object.keys(row.attributes ?? {});
    const beforeNames = Object.keys(before.attributes ?? {});
    return (
      names.length === beforeNames.length &&
      names.every((name) => before.attributes?.[name] === row.attributes?.[name])
    );
  });
}

/**
 * `<table ${tableRows(rows)}>…</table>`: the rows as text after the table's caption and head,
 * the first cell of each a row header.
 */
export const tableRows = directive(TableRows);
