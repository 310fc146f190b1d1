import { loadArrow, loadRecords } from '../engine-helpers';
import { readFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SourceLoadDetail } from '@stratex/data';
import { nativeEngine } from '@stratex/data/node';
import { serveVersionedFile, type VersionedFile } from './versioned-server';

const engine = nativeEngine();
const parquet = (name: string): Buffer =>
  readFileSync(new URL(`../../../../fixtures/parquet/${name}`, import.meta.url));
let server: VersionedFile;

beforeAll(async () => {
  server = await serveVersionedFile(parquet('evaluation.zstd.parquet'));
});
afterAll(async () => {
  server.close();
  await engine.close();
});

describe('sources defined by script', () => {
  it('loads records and Arrow tables as named sources', async () => {
    await loadRecords(engine, 'kpi', [
      { metric: '销售额', actual: 540, on_track: true },
      { metric: '线索转化率', actual: 12, on_track: false },
    ]);
    expect(await engine.readOnlyRecords('SELECT metric FROM kpi WHERE on_track')).toEqual([
      { metric: '销售额' },
    ]);
    await loadArrow(
      engine,
      'budget',
      tableFromArrays({ module: ['推广', '渠道'], share: [0.4, 0.3] }),
    );
    expect(await engine.records('SELECT sum(share) AS s FROM sx_budget')).toEqual([{ s: 0.7 }]);
  });

  it('runs a query only once the sources it names have loaded, whatever case it names them in', async () => {
    // Not awaited: the query below is sent while the Parquet file is still loading.
    engine.defineSource('Slow_Evaluation', { bytes: parquet('evaluation.zstd.parquet') });
    const rows = await engine.readOnlyRecords('SELECT count(*)::INT AS n FROM slow_evaluation');
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('waits for a source the page declares before any script defines it', async () => {
    const answer = engine.readOnlyRecords('SELECT sum(share) AS s FROM later', [], ['later']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await loadRecords(engine, 'later', [{ share: 0.25 }, { share: 0.5 }]);
    expect(await answer).toEqual([{ s: 0.75 }]);
  });

  it('answers for a source defined after a wait for it timed out', async () => {
    await expect(engine.sources.get('tardy', 20)).rejects.toThrow(/No data source named "tardy"/);
    // Not awaited: the query is sent while the source is loading, and waits for that load.
    const source = engine.defineSource('tardy', { records: [{ share: 0.5 }, { share: 0.25 }] });
    expect(await engine.readOnlyRecords('SELECT sum(share) AS s FROM tardy')).toEqual([
      { s: 0.75 },
    ]);
    await expect(engine.sources.get('tardy')).resolves.toBe(source.loaded);
  });

  it('makes record keys that differ only in case unique as a CSV header is, and says so', async () => {
    const loaded = await loadRecords(engine, 'case_keys', [
      { Region: '华东', REGION: 'East', actual: 160 },
      { Region: '华南', REGION: 'South', actual: 90 },
    ]);
    expect(loaded.columns).toEqual(['Region', 'REGION_2', 'actual']);
    expect(loaded.notes?.join(' ')).toContain('made unique: REGION → REGION_2');
    expect(
      await engine.readOnlyRecords('SELECT "Region", "REGION_2" FROM case_keys ORDER BY actual'),
    ).toEqual([
      { Region: '华南', REGION_2: 'South' },
      { Region: '华东', REGION_2: 'East' },
    ]);
  });

  it('keeps the newer rows when a source is replaced while its first load is under way', async () => {
    // The first definition loads many rows, the second a few: the second is done first, and
    // the first, replaced meanwhile, must neither publish its rows nor meet the second's.
    const many = Array.from({ length: 60_000 }, (_, index) => ({ region: `old ${index}`, n: 1 }));
    const first = engine.defineSource('swapped', { records: many });
    const second = engine.defineSource('swapped', {
      records: [
        { region: '华东', n: 2 },
        { region: '华南', n: 3 },
      ],
    });
    await Promise.allSettled([first.ready, second.ready]);
    expect((await second.ready).rowCount).toBe(2);
    // Whoever waited for the first load (a widget that asked early) gets the second's.
    expect(await first.ready).toBe(await second.ready);
    expect(await engine.readOnlyRecords('SELECT region, n FROM swapped ORDER BY region')).toEqual([
      { region: '华东', n: 2 },
      { region: '华南', n: 3 },
    ]);
    const leftovers = await engine.records(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'sx_swapped%'",
    );
    expect(leftovers).toEqual([{ table_name: 'sx_swapped' }]);
  });

  it('recognises Arrow IPC bytes, file or stream, by their signature', async () => {
    const table = tableFromArrays({ region: ['华东', '华南'], actual: [1.5, 1.2] });
    for (const layout of ['file', 'stream'] as const) {
      const source = engine.defineSource(`arrow_${layout}`, { bytes: tableToIPC(table, layout) });
      const loaded = await source.ready;
      expect(loaded).toMatchObject({
        rowCount: 2,
        columns: ['region', 'actual'],
        encoding: 'arrow',
      });
    }
  });

  it('refreshes only when the file changed, swaps atomically, and keeps stale data on failure', async () => {
    const source = engine.defineSource('targets', { url: `${server.origin}/targets.parquet` });
    const loads: SourceLoadDetail[] = [];
    source.addEventListener('load', (event) =>
      loads.push((event as CustomEvent<SourceLoadDetail>).detail),
    );
    await source.ready;
    expect(server.fullResponses).toBe(1);

    await source.refresh();
    expect(server.fullResponses).toBe(1);
    expect(loads).toHaveLength(1);

    server.body = parquet('sales_sample.snappy.parquet');
    server.version = 2;
    const refreshed = await source.refresh();
    expect(refreshed.rowCount).toBe(5000);
    expect(loads.at(-1)).toMatchObject({ refreshed: true, source: 'targets' });
    expect(await engine.readOnlyRecords('SELECT count(*)::INT AS n FROM targets')).toEqual([
      { n: 5000 },
    ]);

    server.broken = true;
    await expect(source.refresh()).rejects.toThrow(/server answered 500/);
    expect(source.state).toBe('stale');
    expect(source.staleSince).toBeInstanceOf(Date);
    expect(await engine.records('SELECT count(*)::INT AS n FROM sx_targets')).toEqual([
      { n: 5000 },
    ]);

    server.broken = false;
    await source.refresh();
    expect(source.state).toBe('ready');
    expect(source.staleSince).toBeUndefined();
  });

  it('gives those who ask for its name each later load: a first load tried again, a refresh', async () => {
    server.body = parquet('evaluation.zstd.parquet');
    server.version = 3;
    server.broken = true;
    const source = engine.defineSource('retried', { url: `${server.origin}/retried.parquet` });
    await expect(engine.sources.get('retried')).rejects.toThrow(/server answered 500/);
    server.broken = false;
    const loaded = await source.refresh();
    expect(await engine.sources.get('retried')).toBe(loaded);

    server.body = parquet('sales_sample.snappy.parquet');
    server.version = 4;
    const refreshed = await source.refresh();
    expect(refreshed.rowCount).toBe(5000);
    expect(await engine.sources.get('retried')).toBe(refreshed);
  });

  it('fails fast, before downloading, on a file too large for the page', async () => {
    const small = nativeEngine({ maxFileBytes: 10 });
    try {
      const source = small.defineSource('big', { url: `${server.origin}/targets.parquet` });
      await expect(source.ready).rejects.toThrow(/too large to open in a browser/);
    } finally {
      await small.close();
    }
  });
});
