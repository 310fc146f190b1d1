import { describe, expect, it } from 'vitest';
import { findLayout } from '../../../src/csv/layout';
import { scanRows, type ScannedRows } from '../../../src/csv/scan';
import { HONEST_CASES } from './honest-cases';

const encoder = new TextEncoder();

function scan(text: string): ScannedRows {
  const bytes = encoder.encode(text);
  const layout = findLayout(bytes);
  if (!layout) throw new Error('no layout');
  return scanRows(bytes, { ...layout, header: layout.headerBytes }, 'test.csv');
}

const textOf = (file: string): string =>
  HONEST_CASES.find((entry) => entry.file === file)?.text ?? '';

describe('scanRows', () => {
  it('leaves out copies of the header that head pages of rows, by line', () => {
    const scanned = scan(textOf('report-pages.csv'));
    expect(scanned.rows).toBe(6);
    expect(scanned.skipped.repeatedHeader).toBe(2);
    expect(scanned.headerCopyLines).toEqual([4, 7]);
    expect(scanned.headerCopiesKept).toBe(0);
  });

  it('keeps lines equal to the header as rows when they do not recur like page headers', () => {
    const scanned = scan(textOf('header-copies-as-data.csv'));
    expect(scanned.rows).toBe(4);
    expect(scanned.skipped.repeatedHeader).toBe(0);
    expect(scanned.headerCopiesKept).toBe(2);
  });

  it('keeps a copy of the header that comes right under it', () => {
    const scanned = scan('name,city\nname,city\nAnn,Paris\n');
    expect(scanned.rows).toBe(2);
    expect(scanned.headerCopiesKept).toBe(1);
  });

  it('counts the stray opening quotes it read as text, with their lines', () => {
    const scanned = scan(textOf('stray-opening-quote.csv'));
    expect(scanned.rows).toBe(4);
    expect(scanned.strayQuotes).toBe(1);
    expect(scanned.strayQuoteLines).toEqual([2]);
  });
});
