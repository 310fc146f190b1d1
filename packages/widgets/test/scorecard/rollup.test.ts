import { afterAll, describe, expect, it } from 'vitest';
import { type CellRecord, cellText } from '@stratex/core';
import { Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { askFor, engineFilter } from '../../src/base/client';
import { type KpiRollup, kpiRollupClient, rolledOverrides } from '../../src/scorecard/rollup';

// The scorecard's rollup of the template's daily KPI export, asked of a real engine.
const engine = new Engine(() => WasmConnector.open());
afterAll(() => engine.close());

async function kpiExport(): Promise<{
  name: string;
  table: Awaited<ReturnType<Engine['sources']['get']>>;
}> {
  const url = new URL('/fixtures/template/kpi_daily_2024q3.csv', document.baseURI).href;
  const { name } = engine.fileSource(url);
  return { name, table: await engine.sources.get(name) };
}

/** The export's own figures for `metric`: its actuals summed, by plain arithmetic. */
async function summed(metric: string): Promise<number> {
  const text = await (await fetch('/fixtures/template/kpi_daily_2024q3.csv')).text();
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((row) => row[1] === metric)
    .reduce((total, row) => total + Number(row[2]), 0);
}

describe('the scorecard rolling a daily KPI export up to date', () => {
  it('asks a row per metric and reads back each metric to date', async () => {
    const { name, table } = await kpiExport();
    let heard: { rows: CellRecord[]; rollup: KpiRollup } | undefined;
    const client = kpiRollupClient(name, table, {}, 'zh-CN', (rows, rollup) => {
      heard = { rows, rollup };
    });
    expect(client.carries).toEqual(['指标']);
    const answer = await askFor(engine.coordinator, client, {});
    const rows = client.shape(answer);
    expect(heard?.rows).toBe(rows);
    expect(heard?.rollup.resolution.columns.metric).toBe('指标');
    const metrics = rows.map((row) => cellText(row['指标'] ?? null));
    expect(metrics).toContain('销售额');
    const sales = rows.find((row) => cellText(row['指标'] ?? null) === '销售额');
    const actual = sales?.['实际值'];
    expect(actual && typeof actual === 'object' && actual.kind === 'number' && actual.value).toBe(
      await summed('销售额'),
    );
    expect(rolledOverrides(heard!.rollup.resolution)).toEqual({
      dimension: '指标',
      target: '目标值',
      actual: '实际值',
    });
  });

  it('applies a choice of a metric in the page, and sends a choice on another column to the engine', async () => {
    const { name, table } = await kpiExport();
    const client = kpiRollupClient(name, table, {}, 'zh-CN', () => undefined);
    expect(engineFilter(table.columns, client, { 指标: '销售额' })).toEqual({});
    expect(engineFilter(table.columns, client, { 单位: '元', 指标: '销售额' })).toEqual({
      单位: '元',
    });
    const answer = await askFor(engine.coordinator, client, { 单位: '%' });
    const metrics = client.shape(answer).map((row) => cellText(row['指标'] ?? null));
    expect(metrics).toEqual(['线索转化率']);
  });

  it('asks one row when the export lacks its target column, for the view to say so', async () => {
    const { name, table } = await kpiExport();
    let heard: KpiRollup | undefined;
    const withoutTarget = { ...table, columns: table.columns.filter((c) => c !== '目标值') };
    const client = kpiRollupClient(name, withoutTarget, {}, 'zh-CN', (_rows, rollup) => {
      heard = rollup;
    });
    expect(client.request({})).toEqual({ kind: 'rows', source: name, limit: 1 });
    client.shape(await askFor(engine.coordinator, client, {}));
    expect(heard?.resolution.columns.target).toBeUndefined();
    expect(heard?.unreadable).toEqual([]);
  });
});
