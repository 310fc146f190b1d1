import { loadRecords } from '../../engine-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@stratex/data';
import { nodeEngine } from '@stratex/data/node';

describe('page-author SQL on an engine without a parse tree (DuckDB-WASM)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = nodeEngine();
    await loadRecords(engine, 'kpis', [
      { metric: '销售额', actual: 44000 },
      { metric: '销售额', actual: 82100 },
      { metric: '直播线索', actual: 5 },
    ]);
  });
  afterAll(() => engine.close());

  it('answers queries asked at once, before the engine learnt it has no parse tree', async () => {
    const [totals, count] = await Promise.all([
      engine.readOnlyRecords(
        'SELECT metric, sum(actual)::INT AS total FROM kpis GROUP BY metric ORDER BY metric',
      ),
      engine.readOnlyRecords('SELECT count(*)::INT AS n FROM kpis'),
    ]);
    expect(totals).toEqual([
      { metric: '直播线索', total: 5 },
      { metric: '销售额', total: 126100 },
    ]);
    expect(count).toEqual([{ n: 3 }]);
  });
});
