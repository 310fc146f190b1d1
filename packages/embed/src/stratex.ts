/**
 * The drop-in script: registers every `sx-` element and starts the query engine at once,
 * so that its start-up overlaps the page's own loading. The elements draw their frames
 * from this file alone; the engine's client (with Arrow and the loaders) and the widgets'
 * scales and layouts are chunks fetched in parallel from here, as the script runs. Its
 * wasm, worker and chunks are found next to this file.
 */
import '@stratex/widgets/define';
import { startWorkerEarly } from '@stratex/data/early-worker';
import { loadDrawing, pageEngineLater } from '@stratex/widgets/early';

// The database worker starts now; the engine's chunk, when it arrives, connects to it.
startWorkerEarly();
void pageEngineLater().then((engine) => engine.warmUp());
// The worker's client and Arrow: asked for now, so they do not wait for the engine's chunk.
void import('@stratex/data/wasm');
void loadDrawing();

export * from '@stratex/widgets';

// The elements are defined above; a page script importing `pageEngine` from this file runs
// once the engine's chunk has arrived.
export const { pageEngine } = await import('@stratex/data');
