// The load through Stratex's engine: a named source from a URL, format by extension.
import { browserParquetDecoder, Engine, WasmConnector } from '@stratex/data';

const engine = new Engine(() => WasmConnector.open(), { parquetDecoder: browserParquetDecoder });

async function ready(): Promise<void> {
  await engine.connector();
  await browserParquetDecoder();
}

async function load(url: string): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const loaded = await engine.defineSource(`facts_${Date.now()}`, { url }).ready;
  return { ms: performance.now() - start, rows: loaded.rowCount };
}

Object.assign(window, { benchReady: ready(), benchLoad: load });
