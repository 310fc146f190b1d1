import { SX_DATA_ERROR, SX_DATA_LOAD } from '../src/base/events';

/** Mounts an element, waits until it has loaded (or failed) and rendered. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  setup?: (element: HTMLElementTagNameMap[K]) => void,
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  setup?.(element);
  const settled = new Promise<void>((resolve) => {
    element.addEventListener(SX_DATA_LOAD, () => resolve(), { once: true });
    element.addEventListener(SX_DATA_ERROR, () => resolve(), { once: true });
  });
  document.body.append(element);
  await settled;
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

/** The cells of a widget's accessible data table, as text. */
export function dataTable(element: Element): string[][] {
  const rows = element.shadowRoot?.querySelectorAll('[part="data-table"] tbody tr') ?? [];
  return Array.from(rows, (row) =>
    Array.from(row.children, (cell) => cell.textContent?.trim() ?? ''),
  );
}

export function shadowText(element: Element, selector: string): string {
  return (
    element.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}
