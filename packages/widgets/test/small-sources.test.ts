import { afterAll, afterEach, expect, it } from 'vitest';
import { type Connector, Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { dataTable, mount } from './helpers';

/**
 * A page whose sources are all small CSVs draws its widgets from JS: this page's engine
 * counts every time its database is opened or asked something.
 */
let opened = 0;
let calls = 0;
const engine = new Engine(async () => {
  opened++;
  const connector = await WasmConnector.open();
  const counted: Connector = {
    kind: connector.kind,
    ...(connector.lost ? { lost: connector.lost } : {}),
    query: (sql, params) => (calls++, connector.query(sql, params)),
    registerFile: (name, bytes) => (calls++, connector.registerFile(name, bytes)),
    dropFile: (name) => (calls++, connector.dropFile(name)),
    insertArrow: (table, ipc, mode) => (calls++, connector.insertArrow(table, ipc, mode)),
    close: () => connector.close(),
  };
  return counted;
});
(globalThis as Record<symbol, unknown>)[Symbol.for('stratex.engine')] = engine;
await import('@stratex/widgets/define');
afterAll(() => engine.close());
afterEach(() => {
  document.body.querySelectorAll(':not(sx-data-source)').forEach((element) => element.remove());
});

const template = '/fixtures/template';
const evaluation = [
  ['销售额', '500万', '540万', '108%', '达标'],
  ['线索转化率', '15%', '12%', '80%', '未达标'],
  ['新客户数', '30', '28', '93%', '有风险'],
];

function source(name: string, src: string): void {
  const element = document.createElement('sx-data-source');
  element.setAttribute('name', name);
  element.setAttribute('src', src);
  document.body.append(element);
}

it('draws a scorecard, a treemap and a progress tracker without ever opening the database', async () => {
  source('evaluation_small', `${template}/evaluation.csv`);
  source('tasks_small', `${template}/progress.gbk.csv`);
  const [scorecard, treemap, tracker] = await Promise.all([
    mount('sx-scorecard', { source: 'evaluation_small', lang: 'zh-CN' }),
    mount('sx-target-treemap', {
      src: `${template}/region_targets.csv`,
      levels: '区域,产品线',
      lang: 'zh-CN',
    }),
    mount('sx-progress-tracker', { source: 'tasks_small', 'as-of': '2024-06-25', lang: 'zh-CN' }),
  ]);
  expect(dataTable(scorecard)).toEqual(evaluation);
  expect(dataTable(treemap).length).toBeGreaterThan(0);
  expect(dataTable(tracker).map((row) => row[0])).toContain('展会物料设计');
  expect(opened).toBe(0);
  expect(calls).toBe(0);
});

it('answers an author query over the same source from the database, loaded then', async () => {
  const scorecard = await mount('sx-scorecard', {
    query: 'SELECT * FROM evaluation_small WHERE 达成率 IS NOT NULL',
    lang: 'zh-CN',
  });
  expect(dataTable(scorecard)).toEqual(evaluation);
  expect(opened).toBe(1);
  expect(calls).toBeGreaterThan(0);
});
