import { bundledAssets, workerUrl } from './bundled-assets';
import { startWorker } from './trusted-worker';

/** Where the worker waits; `page-engine.ts` takes it from there (kept apart so this file stays in stratex.js). */
const earlyKey = Symbol.for('stratex.early-worker');
const engineKey = Symbol.for('stratex.engine');
type PageGlobal = typeof globalThis & { [earlyKey]?: Worker; [engineKey]?: unknown };

/**
 * Starts the page's database worker as the script runs, before the engine's chunk has
 * arrived; the engine's first connection takes it. Nothing is started when the page already
 * has an engine or a waiting worker (a second copy of the script). A worker the page refuses
 * (Trusted Types) is left for the engine to start, and to say why it cannot.
 */
export function startWorkerEarly(): void {
  const page = globalThis as PageGlobal;
  if (page[earlyKey] || page[engineKey]) return;
  try {
    page[earlyKey] = startWorker(workerUrl(bundledAssets));
  } catch {
    // The engine meets the same refusal when it connects, and says it in the widgets.
  }
}
