import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCsv, scanPrepared } from '../../../src/csv/prepare';
import { fuzzRuns, fuzzSeed } from '../../../../../fixtures/fuzz/runs';

const runs = { numRuns: fuzzRuns(500), ...fuzzSeed() };
const encoder = new TextEncoder();

/** Cells without quotes, separators or line breaks, so that each line is one record. */
const cell = fc.oneof(
  fc.constantFrom('', '华东', 'East', '150万元', '1,500', '15%', '2024-06-01', '30', 'n/a', '区域'),
  fc.integer({ min: 0, max: 999 }).map(String),
);

/** A file as exports come: maybe titles, a header, rows (some ragged, blank or equal to the header). */
const file = fc
  .record({
    titles: fc.array(
      fc.constantFrom('2024年第三季度销售目标', 'Report,Sales', 'Currency,CNY', '单位：万元', ''),
      { maxLength: 4 },
    ),
    header: fc.uniqueArray(fc.constantFrom('区域', '目标值', '实际值', 'owner', 'date', '备注'), {
      minLength: 2,
      maxLength: 5,
    }),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 25 }),
    copies: fc.array(fc.nat({ max: 25 }), { maxLength: 3 }),
  })
  .map(({ titles, header, rows, copies }) => {
    const lines = rows.map((row) => row.join(','));
    for (const at of copies) lines.splice(Math.min(at, lines.length), 0, header.join(','));
    return [...titles, header.join(','), ...lines];
  });

describe('prepareCsv and scanPrepared', () => {
  it('account for every line that holds a value: header, row, title, header copy or reject', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (lines) => {
        const bytes = encoder.encode(`${lines.join('\n')}\n`);
        const request = { table: 't', file: 'f.csv', encoding: 'auto' as const, maxBytes: 1e9 };
        const prepared = await prepareCsv(bytes, request).catch(() => undefined);
        const filled = lines.filter((line) => line.replaceAll(',', '').trim() !== '').length;
        if (!prepared) {
          expect(filled).toBe(0);
          return;
        }
        const scanned = scanPrepared(prepared, 'f.csv');
        const { skipped } = scanned;
        const header = prepared.layout.header ? 1 : 0;
        expect(
          header +
            scanned.rows +
            scanned.rejectedRows +
            skipped.aboveHeader +
            skipped.repeatedHeader,
        ).toBe(filled);
      }),
      runs,
    );
  });
});
