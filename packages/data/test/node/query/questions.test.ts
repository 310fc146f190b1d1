import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../engine-helpers';
import { nativeEngine } from '@stratex/data/node';
import { duckdbDialect } from '../../../src/query/dialect';
import { planAggregate, planRows } from '../../../src/query/questions';
import { type SourceVersion, SourceVersions } from '../../../src/query/source-versions';

// A CSV in the database (its text table and typed twin) and records stored typed.
const engine = nativeEngine({ inMemoryCsvBytes: 0 });
let targets: SourceVersion;
let shops: SourceVersion;
beforeAll(async () => {
  await engine.defineSource('targets', {
    bytes: new TextEncoder().encode(
      '区域,目标值,人数\n华东,100,3\n华东,200,1\n华北,"1,200",4\n华北,待定,1\n华南,300,5\n华南,400,2\n',
    ),
    format: 'csv',
  }).ready;
  await loadRecords(engine, 'shops', [{ shop: '华东店', staff: 12 }]);
  const versions = new SourceVersions(engine, duckdbDialect, 64);
  [targets, shops] = await Promise.all([versions.of('targets'), versions.of('shops')]);
});
afterAll(() => engine.close());

describe('questions', () => {
  it("sum a CSV's clean numbers from its typed twin", async () => {
    const planned = await planAggregate(targets, {
      kind: 'aggregate',
      source: 'targets',
      groupBy: ['区域'],
      measures: [{ column: '人数', aggregate: 'sum', as: 'people' }],
    });
    expect(planned).toMatchObject({
      plan: 'sum-typed',
      columns: ['区域', 'people'],
      question: { kind: 'aggregate', plan: { table: 'sx_targets_typed' } },
    });
  });

  it('sum a column with unread cells as text, beside the twin that read the rest', async () => {
    const planned = await planAggregate(targets, {
      kind: 'aggregate',
      source: 'targets',
      groupBy: [],
      measures: [{ column: '目标值', aggregate: 'sum' }],
    });
    expect(planned).toMatchObject({
      plan: 'sum-rejects',
      question: { kind: 'text-sums', twin: 'sx_targets_typed', plan: { table: 'sx_targets' } },
    });
    await expect(
      planAggregate(targets, {
        kind: 'aggregate',
        source: 'targets',
        groupBy: [],
        measures: [{ column: '目标值', aggregate: 'min' }],
      }),
    ).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/"目标值"/) });
  });

  it('aggregate columns stored as numbers where they are', async () => {
    const planned = await planAggregate(shops, {
      kind: 'aggregate',
      source: 'shops',
      groupBy: ['shop'],
      measures: [{ column: 'staff', aggregate: 'max' }],
    });
    expect(planned).toMatchObject({
      plan: 'aggregate',
      question: { kind: 'aggregate', plan: { table: 'sx_shops' } },
    });
  });

  it('read rows as text, as values, or as cells from the twin or the column types', async () => {
    const rows = await planRows(targets, { kind: 'rows', source: 'targets', as: 'text' });
    expect(rows).toMatchObject({
      plan: 'rows',
      columns: ['区域', '目标值', '人数'],
      question: { kind: 'rows', table: 'sx_targets', text: true },
    });
    const twin = await planRows(targets, { kind: 'rows', source: 'targets', as: 'cells' });
    expect(twin).toMatchObject({ plan: 'rows-typed', question: { kind: 'twin-rows' } });
    const stored = await planRows(shops, { kind: 'rows', source: 'shops', as: 'cells' });
    expect(stored).toMatchObject({ plan: 'rows', question: { kind: 'stored-cells' } });
    await expect(
      planRows(shops, { kind: 'rows', source: 'shops', filter: { city: '上海' } }),
    ).rejects.toMatchObject({
      code: 'unknown-column',
      message: 'The source "shops" has no column "city".',
    });
  });
});
