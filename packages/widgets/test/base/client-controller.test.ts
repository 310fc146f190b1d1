import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '@stratex/core';
import { Engine, type LoadedTable } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { ClientController } from '../../src/base/client-controller';
import { wholeRowsClient } from '../../src/base/row-cells';
import type { Selection } from '../../src/base/selection';
import { breakdownClient } from '../../src/target-treemap/request';

// A widget's reading of the template's daily KPI export, with a real engine, as the page's
// selection changes: what it asks, and when it must ask again.
const engine = new Engine(() => WasmConnector.open());
afterAll(() => engine.close());

async function kpiExport(): Promise<{ name: string; table: LoadedTable }> {
  const url = new URL('/fixtures/template/kpi_daily_2024q3.csv', document.baseURI).href;
  const { name } = engine.fileSource(url);
  return { name, table: await engine.sources.get(name) };
}

describe('a widget reading its source as a client', () => {
  it('sums by the metric in the engine, filtering there on a column the sums lack', async () => {
    const { name, table } = await kpiExport();
    let chosen: Selection | null = null;
    let inputs: unknown[] = ['a'];
    const controller = new ClientController({
      client: (source) => breakdownClient(source, { levels: ['指标'], target: '目标值' }),
      engine: () => engine,
      table: () => table,
      foreignSelection: () => chosen,
      inputs: () => inputs,
    });
    expect(controller.asksAgain).toBe(false);
    const whole = await controller.read(name, table);
    expect(whole.scope).toEqual({ carries: ['指标'], complete: true });
    expect(controller.asksAgain).toBe(false);
    // A choice of a metric is applied to the sums in the page: nothing to ask.
    chosen = { 指标: '销售额' };
    expect(controller.asksAgain).toBe(false);
    // A choice of a unit is not in the sums: the engine must filter.
    chosen = { 单位: '%' };
    expect(controller.asksAgain).toBe(true);
    const rates = await controller.read(name, table);
    expect(controller.asksAgain).toBe(false);
    expect(rates.rows.map((row) => cellText(row['指标'] ?? null))).toEqual(['线索转化率']);
    expect(whole.rows.length).toBeGreaterThan(rates.rows.length);
    // Another input (a role given another column) is another request.
    inputs = ['b'];
    expect(controller.asksAgain).toBe(true);
    controller.forget();
    expect(controller.asksAgain).toBe(false);
  });

  it('reads whole rows with the chosen column too, and applies the choice in the page', async () => {
    const { name, table } = await kpiExport();
    const chosen: Selection = { 日期: '2024/7/1' };
    const controller = new ClientController({
      client: (source, loaded) => wholeRowsClient(engine, source, loaded, ['指标', '实际值']),
      engine: () => engine,
      table: () => table,
      foreignSelection: () => chosen,
      inputs: () => [],
    });
    const read = await controller.read(name, table);
    expect(read.scope.carries).toContain('日期');
    expect(read.columns).toContain('日期');
    // Every row came: the page applies the choice.
    expect(read.rows.length).toBe(table.rowCount);
    expect(controller.asksAgain).toBe(false);
  });
});
