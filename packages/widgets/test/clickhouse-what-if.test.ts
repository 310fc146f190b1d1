import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { pageEngine } from '@stratex/data';
import '@stratex/widgets/define';
import { pageTargetOverrides } from '../src/base/target-overrides';
import type { SxTargetTreemap } from '../src/target-treemap/target-treemap';
import { clusterForPage, defineSource, drawn, tileNamed } from './clickhouse-page';
import { dataTable, mount, shadowText } from './helpers';

// The what-if's new targets saved from a treemap whose source stays on a two-shard ClickHouse
// cluster: the server sums the target per region and product line, the file holds those
// sums beside the edited ones, and loading the file again gives the figures the edit showed.
const shards = await clusterForPage('whatIf');
// Above the size a widget reads whole: the treemap's figures are summed by the server.
const ROWS = 100_000;
const TABLE = 'sx_what_if_facts';

/** Focuses a tile, types its target times `factor` (the difference from its siblings) and sends it; answers the new target. */
async function scaleTarget(
  element: SxTargetTreemap,
  tile: string,
  factor: number,
): Promise<number> {
  tileNamed(element, tile).focus();
  await drawn(element);
  const root = element.shadowRoot as ShadowRoot;
  const input = root.querySelector<HTMLInputElement>('input[name="target"]');
  if (!input) throw new Error('no target input');
  const target = Math.round(Number(input.value) * factor);
  input.value = String(target);
  root.querySelector<HTMLFormElement>('form.what-if-edit')?.requestSubmit();
  await drawn(element);
  return target;
}

/** Each row's level values and target, as the treemap's data table shows them. */
const targets = (element: Element): Record<string, string> =>
  Object.fromEntries(dataTable(element).map((row) => [row[0] ?? '', row[1] ?? '']));

/** The CSV lines of a file, after its byte-order mark (which must be there). */
async function csvLines(file: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);
}

const fen = (text: string | undefined): number => Math.round(Number(text) * 100);

describe.skipIf(shards.length === 0)('what-if targets saved from a ClickHouse source', () => {
  let treemap: SxTargetTreemap;
  /** The same rows as Parquet, read by the page's DuckDB, to check the server's sums by. */
  let parquet: string;

  beforeAll(async () => {
    parquet = await commands.clickhouseFactsAndParquet(ROWS, TABLE, 'whatIf');
    defineSource('ch_plan', {
      engine: 'clickhouse',
      url: shards[0] ?? '',
      table: TABLE,
      user: 'stratex_reader',
    });
    defineSource('duck_plan', { src: parquet });
    treemap = await mount('sx-target-treemap', {
      source: 'ch_plan',
      lang: 'zh-CN',
      levels: 'region,product_line',
      target: 'target_share',
      actual: 'amount',
      'what-if': '',
    });
    treemap.style.width = '640px';
    await drawn(treemap, 5);
  }, 300_000);

  afterAll(async () => {
    pageTargetOverrides().publish('ch_plan', null, null);
    document.body.replaceChildren();
    await commands.clickhouseCluster('stop', 'whatIf');
  });

  it('says in the panel that the file holds a row per region and product line', () => {
    expect(treemap.state).toBe('ready');
    expect(shadowText(treemap, '.what-if-leaf-export')).toContain('region、product_line');
    expect(shadowText(treemap, '.what-if-leaf-export')).toContain('UTF-8 带 BOM');
  });

  it('saves the server’s sums per leaf beside the edited targets, and the file loaded again gives the edited figures', async () => {
    const planned = targets(treemap);
    const region = Object.keys(planned)[0] ?? '';
    const target = await scaleTarget(treemap, region, 1.25);
    expect(shadowText(treemap, '[part="what-if-refusal"]')).toBe('');
    const edited = targets(treemap);
    expect(edited[region]).not.toBe(planned[region]);

    const lines = await csvLines(await treemap.whatIfFile());
    expect(lines[0]).toBe('region,product_line,target_share（调整前）,target_share');
    const rows = lines.slice(1).map((line) => line.split(','));
    // The same rows as Parquet, summed by DuckDB: one line per leaf, its planned target to the fen.
    const { rows: sums } = await pageEngine().coordinator.request({
      kind: 'author',
      sql: `SELECT region, product_line, CAST(SUM(target_share) AS VARCHAR) AS target
            FROM duck_plan GROUP BY region, product_line ORDER BY region, product_line`,
    });
    expect(rows.length).toBe(sums.length);
    expect(rows.length).toBeLessThan(ROWS / 100);
    const byLeaf = new Map(rows.map((row) => [`${row[0]}/${row[1]}`, row]));
    for (const sum of sums) {
      const row = byLeaf.get(`${String(sum.region)}/${String(sum.product_line)}`);
      expect(fen(row?.[2])).toBe(fen(String(sum.target)));
    }
    // The region's leaves hold its new target; the others gave it up, and the total is kept.
    const total = (column: number, only?: string): number =>
      rows
        .filter((row) => only === undefined || row[0] === only)
        .reduce((sum, row) => sum + fen(row[column]), 0);
    expect(total(3, region)).toBe(target * 100);
    expect(total(3)).toBe(total(2));

    const url = URL.createObjectURL(await treemap.whatIfFile());
    const again = await mount('sx-target-treemap', {
      src: url,
      lang: 'zh-CN',
      levels: 'region,product_line',
      target: 'target_share',
    });
    expect(targets(again)).toEqual(edited);
    URL.revokeObjectURL(url);
    again.remove();
  });
});
