import { afterAll, expect, it } from 'vitest';
import { browserParquetDecoder, Engine } from '@stratex/data';
import { WasmConnector } from '@stratex/data/wasm';
import { dataTable, mount, shadowText } from './helpers';

/**
 * Running out of memory without waiting minutes for 3 GiB: this page's engine is opened
 * with DuckDB's memory_limit at 48 MB (it is honoured in DuckDB-WASM) before any widget
 * asks for it, and a 2-million-row CSV (about 70 MB) is loaded.
 */
const engine = new Engine(() => WasmConnector.open(undefined, undefined, { memoryLimit: '48MB' }), {
  parquetDecoder: browserParquetDecoder,
});
(globalThis as Record<symbol, unknown>)[Symbol.for('stratex.engine')] = engine;
await import('@stratex/widgets/define');
afterAll(() => engine.close());

const pageErrors: string[] = [];
addEventListener('error', (event) => pageErrors.push(event.message));
addEventListener('unhandledrejection', (event) => pageErrors.push(String(event.reason)));

it('says the browser ran out of memory for the file, in Chinese, and the page keeps working', async () => {
  const [setting] = await engine.records("SELECT current_setting('memory_limit') AS m");
  expect(String(setting?.m)).toMatch(/^4\d\.\d MiB$/);

  const tooLarge = await mount('sx-target-treemap', {
    src: '/__faults/rows/too-large.csv?rows=2000000',
    levels: '区域',
    lang: 'zh-CN',
  });
  expect(tooLarge.state).toBe('error');
  expect(shadowText(tooLarge, '[data-state="error"] span')).toBe(
    '浏览器内存不足，无法载入这个文件：too-large.csv',
  );
  expect(shadowText(tooLarge, '[data-state="error"] small')).toMatch(/Out of Memory/);

  const small = await mount('sx-scorecard', {
    src: '/fixtures/template/evaluation.csv',
    lang: 'en',
  });
  expect(dataTable(small).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
  expect(engine.health.recoveries).toBe(0);
  expect(pageErrors).toEqual([]);
}, 120_000);
