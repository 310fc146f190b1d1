import { describe, expect, it } from 'vitest';
import { markupNeedsEngine } from '../../../src/browser/early-worker';

type Markup = readonly [tag: string, attributes: Record<string, string>, text?: string];

/** A page's body holding these elements, as the drop-in script finds it when it runs. */
function page(...elements: Markup[]): HTMLElement {
  const body = document.createElement('div');
  for (const [tag, attributes, text] of elements) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text) element.textContent = text;
    body.append(element);
  }
  return body;
}

describe('whether the markup shows the page will need the database', () => {
  it('does for SQL in a query attribute, a Parquet or Arrow file, or such a format', () => {
    expect(markupNeedsEngine(page(['sx-scorecard', { query: 'SELECT * FROM kpis' }]))).toBe(true);
    expect(
      markupNeedsEngine(page(['sx-data-source', { name: 's', src: '/x/sales.parquet?v=2' }])),
    ).toBe(true);
    expect(markupNeedsEngine(page(['sx-target-treemap', { src: 'facts.arrow' }]))).toBe(true);
    expect(markupNeedsEngine(page(['sx-data-source', { src: '/export', format: 'parquet' }]))).toBe(
      true,
    );
    expect(markupNeedsEngine(page(['sx-variance-alerts', { 'tasks-src': 'tasks.PARQUET' }]))).toBe(
      true,
    );
  });

  it('does not for CSV or workbook files, an empty query, or elements outside the kit', () => {
    expect(
      markupNeedsEngine(
        page(
          ['sx-data-source', { name: 's', src: 'evaluation.csv' }],
          ['sx-scorecard', { source: 's', query: ' ' }],
          ['sx-target-treemap', { src: 'regions.xlsx' }],
          ['my-chart', { query: 'SELECT 1', src: 'a.parquet' }],
          ['p', {}, '本周'],
        ),
      ),
    ).toBe(false);
    expect(markupNeedsEngine(page())).toBe(false);
  });
});
