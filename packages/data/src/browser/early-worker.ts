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

/** A file the database reads whatever its size: Parquet or Arrow, by its name. */
const DATABASE_FILE = /\.(?:parquet|pq|arrows?|feather|ipc)(?:[?#]|$)/i;
/** Attributes of the elements that name a file to read. */
const FILE_ATTRIBUTES = ['src', 'tasks-src', 'budget-src'];

/**
 * Whether the page's markup already shows that it will query the database: an element of
 * the kit with SQL in its `query` attribute, or naming a Parquet or Arrow file. Such a page
 * starts the engine as the script runs; any other starts it on the first load or request
 * that needs it (a page of small CSVs never does: its widgets are answered in JS).
 */
export function markupNeedsEngine(root: ParentNode): boolean {
  const named = root.querySelectorAll(
    [
      '[query]',
      '[format="parquet"]',
      '[format="arrow"]',
      ...FILE_ATTRIBUTES.map((name) => `[${name}]`),
    ].join(', '),
  );
  return Array.from(named).some(
    (element) =>
      element.localName.startsWith('sx-') &&
      ((element.getAttribute('query') ?? '').trim() !== '' ||
        ['parquet', 'arrow'].includes(element.getAttribute('format') ?? '') ||
        FILE_ATTRIBUTES.some((name) => DATABASE_FILE.test(element.getAttribute(name) ?? ''))),
  );
}
