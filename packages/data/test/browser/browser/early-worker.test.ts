import { describe, expect, it } from 'vitest';
import { markupNeedsEngine } from '../../../src/browser/early-worker';

/** A page's body of `html`, as the drop-in script finds it when it runs. */
function page(html: string): HTMLElement {
  const body = document.createElement('div');
  body.innerHTML = html;
  return body;
}

describe('whether the markup shows the page will need the database', () => {
  it('does for SQL in a query attribute, a Parquet or Arrow file, or such a format', () => {
    expect(
      markupNeedsEngine(page('<sx-scorecard query="SELECT * FROM kpis"></sx-scorecard>')),
    ).toBe(true);
    expect(
      markupNeedsEngine(
        page('<sx-data-source name="s" src="/x/sales.parquet?v=2"></sx-data-source>'),
      ),
    ).toBe(true);
    expect(
      markupNeedsEngine(page('<sx-target-treemap src="facts.arrow"></sx-target-treemap>')),
    ).toBe(true);
    expect(
      markupNeedsEngine(page('<sx-data-source src="/export" format="parquet"></sx-data-source>')),
    ).toBe(true);
    expect(
      markupNeedsEngine(
        page('<sx-variance-alerts tasks-src="tasks.PARQUET"></sx-variance-alerts>'),
      ),
    ).toBe(true);
  });

  it('does not for CSV or workbook files, an empty query, or elements outside the kit', () => {
    expect(
      markupNeedsEngine(
        page(
          '<sx-data-source name="s" src="evaluation.csv"></sx-data-source>' +
            '<sx-scorecard source="s" query=" "></sx-scorecard>' +
            '<sx-target-treemap src="regions.xlsx"></sx-target-treemap>' +
            '<my-chart query="SELECT 1" src="a.parquet"></my-chart><p>本周</p>',
        ),
      ),
    ).toBe(false);
    expect(markupNeedsEngine(page(''))).toBe(false);
  });
});
