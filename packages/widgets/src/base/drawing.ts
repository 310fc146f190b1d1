/**
 * Scales, layouts and shapes (d3) come in a chunk of their own, fetched while the data
 * loads: a widget's frame never needs them, its view always does. `loadDrawing()` starts
 * the fetch (once); `drawing()` hands the kit to code that runs after it has arrived.
 */
import type * as Kit from './drawing-kit';

export type DrawingKit = typeof Kit;

let kit: DrawingKit | undefined;
let loading: Promise<DrawingKit> | undefined;

export function loadDrawing(): Promise<DrawingKit> {
  loading ??= import('./drawing-kit').then((loaded) => (kit = loaded));
  return loading;
}

export function drawing(): DrawingKit {
  if (!kit) throw new Error('The drawing kit is used before loadDrawing() has settled.');
  return kit;
}
