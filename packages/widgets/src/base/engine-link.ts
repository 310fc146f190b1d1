import type { Engine } from '@stratex/data';

/**
 * The page's query engine as the elements reach it. Its client, loaders and Arrow come in a
 * chunk of their own, fetched in parallel with the page: `pageEngineLater()` starts that
 * fetch (once) and starts the engine; `loadedEngine()` is the engine once it has arrived.
 */
let engine: Engine | undefined;
let arriving: Promise<Engine> | undefined;

export function pageEngineLater(): Promise<Engine> {
  arriving ??= import('@stratex/data').then(({ pageEngine }) => (engine = pageEngine()));
  return arriving;
}

export function loadedEngine(): Engine | undefined {
  return engine;
}
