import { afterAll } from 'vitest';
import { commands } from 'vitest/browser';
import { allowForeignOrigins, denyForeignOrigins } from '../../data/test/browser/setup/no-egress';
import { SX_DATA_ERROR, SX_DATA_LOAD } from '../src/base/events';
import type { SxTargetTreemap } from '../src/target-treemap/target-treemap';

/**
 * What the widgets' tests on a ClickHouse cluster share: a cluster of the file's own, whose
 * address (and any other `alsoAllowed`) the page author names; none when the server is not
 * installed.
 */
export async function clusterForPage(
  name: 'widgets' | 'alerts' | 'whatIf',
  ...alsoAllowed: string[]
): Promise<string[]> {
  const shards = await commands.clickhouseCluster('start', name);
  await allowForeignOrigins(...shards, ...alsoAllowed);
  afterAll(denyForeignOrigins);
  return shards;
}

/** The next load or failure of a widget. */
export const nextLoadOrError = (element: Element): Promise<'load' | 'error'> =>
  new Promise((resolve) => {
    const done = (kind: 'load' | 'error') => () => {
      element.removeEventListener(SX_DATA_LOAD, onLoad);
      element.removeEventListener(SX_DATA_ERROR, onError);
      resolve(kind);
    };
    const onLoad = done('load');
    const onError = done('error');
    element.addEventListener(SX_DATA_LOAD, onLoad);
    element.addEventListener(SX_DATA_ERROR, onError);
  });

/** Waits `frames` animation frames, each followed by the widget's update. */
export async function drawn(
  element: { updateComplete: Promise<unknown> },
  frames = 3,
): Promise<void> {
  for (let i = 0; i < frames; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await element.updateComplete;
  }
}

/** Adds an `sx-data-source` with these attributes to the page. */
export function defineSource(name: string, attributes: Record<string, string>): void {
  const element = document.createElement('sx-data-source');
  for (const [key, value] of Object.entries({ name, ...attributes }))
    element.setAttribute(key, value);
  document.body.append(element);
}

/** The treemap's tile labelled `name`. */
export function tileNamed(element: SxTargetTreemap, name: string): SVGGElement {
  const root = element.shadowRoot;
  const label = Array.from(root?.querySelectorAll<SVGGElement>('g.label') ?? []).find(
    (g) => g.querySelector('.name')?.textContent === name,
  );
  const tile = Array.from(root?.querySelectorAll<SVGGElement>('g.tile') ?? []).find(
    (g) => g.dataset.index === label?.dataset.index,
  );
  if (!tile) throw new Error(`no tile named ${name}`);
  return tile;
}
