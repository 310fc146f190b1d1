import { afterEach, describe, expect, it } from 'vitest';
import { pageEngine } from '@stratex/data';
import '@stratex/widgets/define';
import { dataTable, mount } from './helpers';

/**
 * Money to the fen: 25,000 takings of about 1,798.40 yuan (enough rows that the widgets ask
 * for sums, not rows) that add up to exactly 44,960,000.00, whose plain floating-point sum is
 * 44,959,999.99999066 (44,959,999.999991 at the six decimals the widgets ask for). The treemap
 * and the scorecard get the exact sum whether the page answers in JS (a small file) or
 * DuckDB-WASM does (a file past the in-memory limit).
 */
const COUNT = 25_000;
const TOTAL = 44_960_000;
const FEN_STEPS = [1, 2, -3, 7, -7];
const takings = Array.from(
  { length: COUNT },
  (_, at) => (179_840 + (FEN_STEPS[at % FEN_STEPS.length] ?? 0)) / 100,
);
const floatSum = takings.reduce((sum, value) => sum + value, 0);
/** A note wide enough to take the file past the in-memory limit (1 MiB). */
const WIDE = 'x'.repeat(50);

function csv(lines: readonly string[], wide: boolean): Uint8Array {
  const padded = wide ? lines.map((line, at) => `${line},${at === 0 ? '备注' : WIDE}`) : lines;
  return new TextEncoder().encode(`${padded.join('\n')}\n`);
}

/** The treemap's table: one region's days, money written `112,400.01`-style. */
const salesCsv = (wide: boolean): Uint8Array =>
  csv(
    [
      '区域,产品线,目标值,实际值',
      ...takings.map(
        (value) =>
          `华东,传感器,"1,798.40","${value.toLocaleString('en', { minimumFractionDigits: 2 })}"`,
      ),
    ],
    wide,
  );

/** The scorecard's evaluation rows: a row per sale, money in 元. */
const evaluationCsv = (wide: boolean): Uint8Array =>
  csv(
    ['评估维度,目标值,实际值', ...takings.map((value) => `销售额,1798.40元,${value.toFixed(2)}元`)],
    wide,
  );

let sources = 0;
async function source(bytes: Uint8Array): Promise<string> {
  const name = `money_${++sources}`;
  await pageEngine().defineSource(name, { bytes, format: 'csv', label: `${name}.csv` }).ready;
  return name;
}

type Figures = { rows: Record<string, unknown>[] };
const figure = (cell: unknown): number =>
  cell !== null && typeof cell === 'object'
    ? Number((cell as { value: unknown }).value)
    : Number(cell);

afterEach(() => document.body.replaceChildren());

describe.each([
  ['in JS (a small file)', false],
  ['by DuckDB-WASM (past the in-memory limit)', true],
])('money sums exact to the fen, %s', (_, wide) => {
  it('the fixture drifts when summed as plain floats', () => {
    expect(Math.round(floatSum * 1e6) / 1e6).toBe(44_959_999.999991);
    expect(salesCsv(wide).length > 1_048_576).toBe(wide);
  });

  it('the treemap rolls the region up to exactly 44,960,000', async () => {
    const name = await source(salesCsv(wide));
    const treemap = await mount('sx-target-treemap', {
      source: name,
      lang: 'zh-CN',
      levels: '区域',
    });
    const rows = (treemap as unknown as Figures).rows;
    expect(rows).toHaveLength(1);
    expect(figure(rows[0]?.['实际值'])).toBe(TOTAL);
    expect(figure(rows[0]?.['目标值'])).toBe(TOTAL);
    expect(dataTable(treemap)[0]?.slice(0, 4)).toEqual(['华东', '4496万', '4496万', '100%']);
  }, 120_000);

  it('the scorecard sums the sales to exactly 44,960,000', async () => {
    const name = await source(evaluationCsv(wide));
    const scorecard = await mount('sx-scorecard', { source: name, lang: 'zh-CN' });
    const rows = (scorecard as unknown as Figures).rows;
    expect(rows.map((row) => figure(row['实际值']))).toEqual([TOTAL]);
    expect(rows.map((row) => figure(row['目标值']))).toEqual([TOTAL]);
  }, 120_000);
});
