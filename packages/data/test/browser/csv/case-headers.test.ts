import { loadCsvUrl } from '../../engine-helpers';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';

const engine = new Engine(() => WasmConnector.open());
afterAll(() => engine.close());

describe('a CSV whose headers differ only in case, in DuckDB-WASM', () => {
  it('keeps every column under a unique name, says so in the notes, and reads each one', async () => {
    const loaded = await loadCsvUrl(
      engine,
      'case_headers',
      '/fixtures/hostile/files/case-only-headers.csv',
    );
    expect(loaded.columns).toEqual(['Region', 'REGION_2', 'region_3', '目标值', '实际值']);
    expect(loaded.notes?.join(' ')).toContain('made unique: REGION → REGION_2, region → region_3');
    const rows = await engine.records(
      `SELECT "Region", "REGION_2", "region_3", "实际值" FROM "${loaded.typedTable}" ORDER BY "实际值"`,
    );
    expect(rows).toEqual([
      { Region: '华南', REGION_2: 'South', region_3: 's', 实际值: 90 },
      { Region: '华北', REGION_2: 'North', region_3: 'n', 实际值: 100 },
      { Region: '华东', REGION_2: 'East', region_3: 'e', 实际值: 160 },
    ]);
  });
});
