import { afterEach, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { SX_DATA_LOAD } from '../../src/base/events';
import {
  SX_DATA_PROGRESS,
  type SxSourceLoadDetail,
  type SxSourceProgressDetail,
} from '../../src/data-source/data-source';
import type { SalesFigures } from '../../../../fixtures/parquet/sales-figures';
import { mount } from '../helpers';

// The generated sales facts at 50M rows, about 270 MB of Parquet, made by
// `npx tsx fixtures/generate.ts --rows 50000000 --formats parquet` (not committed, a few minutes)
// with native DuckDB's treemap figures beside it. Loading takes minutes on two cores, so the
// test runs by hand and is skipped when the file is absent.
const file = '/fixtures/generated/sales_50000000.parquet';
const figures = await fetch(file.replace(/\.parquet$/, '.figures.json')).then(
  async (answer) => (answer.ok ? ((await answer.json()) as SalesFigures) : undefined),
  () => undefined,
);
afterEach(() => document.body.replaceChildren());

/** A figure as the treemap holds it: a cell the engine read (`{ value }`) or a number. */
const figure = (cell: unknown): number =>
  cell !== null && typeof cell === 'object'
    ? Number((cell as { value: unknown }).value)
    : Number(cell);

it.skipIf(!figures)(
  'loads 50M rows of sales Parquet through sx-data-source and draws the treemap to native DuckDB’s figures',
  async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'sales-50m');
    source.setAttribute('src', file);
    // The columns the treemap reads, as a page author names them for a file this large.
    source.setAttribute('columns', 'region,product_line,amount,target_share');
    const loaded = new Promise<SxSourceLoadDetail>((resolve) =>
      source.addEventListener(SX_DATA_LOAD, (event) => resolve((event as CustomEvent).detail), {
        once: true,
      }),
    );
    const started = performance.now();
    const since = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    // When each phase began, and when the rows were all in: what the load is made of.
    const phases: string[] = [];
    source.addEventListener(SX_DATA_PROGRESS, (event) => {
      const { phase, rowsLoaded, totalRows } = (event as CustomEvent<SxSourceProgressDetail>)
        .detail;
      if (!phases.some((seen) => seen.startsWith(phase))) phases.push(`${phase} from ${since()}`);
      if (phase === 'load' && rowsLoaded !== undefined && rowsLoaded === totalRows)
        phases.push(`every row in at ${since()}`);
    });
    void loaded.then(() => phases.push(`loaded at ${since()}`));
    document.body.append(source);
    const treemap = await mount('sx-target-treemap', {
      source: 'sales-50m',
      levels: 'region,product_line',
      target: 'target_share',
      actual: 'amount',
      lang: 'en',
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `sales_50000000.parquet: treemap drawn ${seconds.toFixed(1)} s after the source was added (${phases.join(', ')})`,
    );
    expect(treemap.getAttribute('state') ?? (treemap as unknown as { state: string }).state).toBe(
      'ready',
    );
    expect((await loaded).rowCount).toBe(figures?.rows);
    const rows = (treemap as unknown as { rows: Record<string, unknown>[] }).rows;
    const drawn = rows
      .map((row) => ({
        region: String(row.region),
        product_line: String(row.product_line),
        amount: figure(row.amount),
        target: figure(row.target_share),
      }))
      .sort((a, b) =>
        `${a.region}/${a.product_line}`.localeCompare(`${b.region}/${b.product_line}`),
      );
    const wanted = [...(figures?.cells ?? [])].sort((a, b) =>
      `${a.region}/${a.product_line}`.localeCompare(`${b.region}/${b.product_line}`),
    );
    expect(drawn.map(({ region, product_line }) => `${region}/${product_line}`)).toEqual(
      wanted.map(({ region, product_line }) => `${region}/${product_line}`),
    );
    // The amounts are doubles: summed in another order than native DuckDB's exact fen, a
    // tile's figure may differ by rounding, never by more than n·ε of the sum (2.58 yuan seen
    // on 35,050,000,000 at 11M rows), while one row lost or misread moves it by its amount.
    drawn.forEach((cell, index) => {
      const { n, amount_fen, target_fen } = wanted[index]!;
      const rounding = (fen: number): number => n * Number.EPSILON * fen;
      expect(Math.abs(cell.amount * 100 - amount_fen)).toBeLessThanOrEqual(rounding(amount_fen));
      expect(Math.abs(cell.target * 100 - target_fen)).toBeLessThanOrEqual(rounding(target_fen));
    });
  },
  1_800_000,
);
