/**
 * The drop-in script: registers every `sx-` element. The elements draw their frames from
 * this file alone; the engine's client and the widgets' scales and layouts are chunks
 * fetched in parallel from here, as the script runs. The database (its worker and wasm)
 * starts only for a page that needs it: at once when the markup asks for SQL or names a
 * Parquet or Arrow file, so that its start-up overlaps the page's own loading; otherwise on
 * the first load or request that needs it. Its wasm, worker and chunks are found next to
 * this file.
 */
import '@stratex/widgets/define';
import { markupNeedsEngine, startWorkerEarly } from '@stratex/data/early-worker';
import { loadDrawing, pageEngineLater } from '@stratex/widgets/early';

const engine = pageEngineLater();
if (markupNeedsEngine(document)) {
  // The database worker starts now; the engine's chunk, when it arrives, connects to it.
  startWorkerEarly();
  void engine.then((arrived) => arrived.warmUp());
  // The worker's client and Arrow: asked for now, so they do not wait for the engine's chunk.
  void import('@stratex/data/wasm');
}
void loadDrawing();

export * from '@stratex/widgets';

// The elements are defined above; a page script importing `pageEngine` from this file runs
// once the engine's chunk has arrived.
export const { pageEngine } = await import('@stratex/data');
