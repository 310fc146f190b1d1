import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLayout } from '../../../src/csv/layout';
import { isBlankField, readRecord } from '../../../src/csv/record';
import { fuzzRuns, fuzzSeed } from '../../../../../fixtures/fuzz/runs';

const runs = { numRuns: fuzzRuns(2000), ...fuzzSeed() };
const encoder = new TextEncoder();

/** Column names as exports have them: Chinese or English words, never numbers or dates. */
const headerName = fc
  .tuple(
    fc.constantFrom(
      '区域',
      '目标值',
      '实际值',
      '责任人',
      '完成时限',
      'region',
      'Target',
      'owner',
      '备注',
    ),
    fc.constantFrom('', '2', '（万元）', '_q3', ' 合计'),
  )
  .map(([word, tail]) => `${word}${tail}`);

/** Cell values as exports hold them; `write` quotes those that need it, as Excel does. */
const plainCell = fc.oneof(
  fc.constantFrom(
    '',
    '华东',
    '500万元',
    '1,500,000',
    '15%',
    '2024/6/1',
    '2024年6月10日',
    '90%（设计中）',
    '**',
    'n/a',
  ),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

interface Table {
  delimiter: string;
  header: string[];
  rows: string[][];
  titles: string[];
  blankLinesAbove: number;
  lineBreak: string;
}

const table: fc.Arbitrary<Table> = fc
  .record({
    delimiter: fc.constantFrom(',', '\t', ';', '|'),
    header: fc.uniqueArray(headerName, { minLength: 2, maxLength: 8 }),
    rowCount: fc.nat({ max: 30 }),
    titles: fc.array(fc.constantFrom('2024年第三季度销售目标', '单位：万元', 'Sales targets Q3'), {
      maxLength: 2,
    }),
    blankLinesAbove: fc.nat({ max: 3 }),
    lineBreak: fc.constantFrom('\r\n', '\n'),
    quoteSome: fc.boolean(),
  })
  .chain((shape) =>
    fc
      .array(
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: plainCell },
            // A value that holds the separator, a quote or a line break.
            {
              weight: shape.quoteSome ? 1 : 0,
              arbitrary: fc
                .tuple(plainCell, fc.constantFrom(shape.delimiter, '"', shape.lineBreak), plainCell)
                .map(([a, inner, b]) => `${a}${inner}${b}`),
            },
          ),
          { minLength: shape.header.length, maxLength: shape.header.length },
        ),
        { minLength: shape.rowCount, maxLength: shape.rowCount },
      )
      // A row whose every cell is empty is a blank row, which is skipped and counted as such.
      .map((rows) => rows.filter((row) => row.some((cell) => cell.trim() !== '')))
      .map((rows) => ({ ...shape, rows })),
  )
  // With no rows the titles would outnumber the table: exports have rows under their titles.
  .filter((t) => t.titles.length === 0 || t.rows.length >= t.titles.length + 1);

/** Quotes a value only when it must be, doubling its quotes, the way Excel saves CSV. */
const quoted = (value: string, delimiter: string): string =>
  value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const write = (t: Table): Uint8Array =>
  encoder.encode(
    [
      ...Array.from({ length: t.blankLinesAbove }, () => ''),
      ...t.titles,
      t.header.join(t.delimiter),
      ...t.rows.map((row) => row.map((cell) => quoted(cell, t.delimiter)).join(t.delimiter)),
    ].join(t.lineBreak) + t.lineBreak,
  );

/** The non-blank records from `offset` to the end, read the way the loader reads them. */
function recordsFrom(bytes: Uint8Array, offset: number, delimiter: number): number {
  let count = 0;
  while (offset < bytes.length) {
    const record = readRecord(bytes, offset, delimiter);
    if (!record.fields.every(isBlankField)) count++;
    offset = record.end;
  }
  return count;
}

describe('CSV header finder, fuzzed', () => {
  it('finds the separator and the header under titles and blank lines, and loses no row', () => {
    fc.assert(
      fc.property(table, (t) => {
        const bytes = write(t);
        const layout = findLayout(bytes);
        expect(layout).not.toBeNull();
        if (!layout) return;
        expect(String.fromCharCode(layout.delimiter)).toBe(t.delimiter);
        expect(layout.header).toEqual(t.header.map((name) => name.trim()));
        expect(layout.aboveHeader).toHaveLength(t.titles.length);
        expect(recordsFrom(bytes, layout.dataStart, layout.delimiter)).toBe(t.rows.length);
      }),
      runs,
    );
  });

  it('never throws on any bytes, and never starts the data past the end', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const layout = findLayout(bytes);
        if (layout) {
          expect(layout.dataStart).toBeLessThanOrEqual(bytes.length);
          expect(layout.width).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });
});

describe('CSV header finder: cases the fuzzing found', () => {
  it('a tab-separated file whose one row holds "1,500,000" across a quoted line break', () => {
    const bytes = encoder.encode(
      '完成时限2\t区域2\tTarget_q3\t目标值\towner2\tTarget\towner\n1,500,000\t\t\t\t"\n1,500,000"\t\t\n',
    );
    const layout = findLayout(bytes);
    expect(layout?.delimiter).toBe('\t'.charCodeAt(0));
    expect(layout?.header).toHaveLength(7);
    expect(recordsFrom(bytes, layout?.dataStart ?? 0, '\t'.charCodeAt(0))).toBe(1);
  });
});
