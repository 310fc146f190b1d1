import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@stratex/widgets/define';
import { SX_DATA_ERROR } from '../../src/base/events';
import { faultFile, publish } from '../fault-files';
import { dataTable, mount, shadowText } from '../helpers';

afterEach(() => document.body.replaceChildren());

type Widget = HTMLElement & { state: string; updateComplete: Promise<boolean> };

async function until(check: () => boolean, what: string, patienceMs = 30_000): Promise<void> {
  const deadline = Date.now() + patienceMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const part = (element: Element, name: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

describe('a load the reader cancels', () => {
  it('stops the download, says so, and loads again on request', async () => {
    const treemap = document.createElement('sx-target-treemap') as Widget;
    treemap.setAttribute('src', '/__faults/slow/cancelled.csv?seconds=4&rows=3000');
    treemap.setAttribute('lang', 'zh-CN');
    const errors: string[] = [];
    treemap.addEventListener(SX_DATA_ERROR, (event) =>
      errors.push((event as CustomEvent<{ message: string }>).detail.message),
    );
    document.body.append(treemap);

    await until(() => part(treemap, 'cancel-button') !== null, 'the cancel button');
    const loading = part(treemap, 'loading')!;
    expect(loading.dataset.phase).toBe('fetch');
    expect(loading.querySelector('progress')?.hasAttribute('value')).toBe(true);
    await userEvent.click(part(treemap, 'cancel-button')!);

    await until(() => treemap.state === 'error', 'the cancelled state');
    await treemap.updateComplete;
    expect(shadowText(treemap, '[part~="error"] span')).toBe('cancelled.csv 的加载已取消。');
    expect(errors).toEqual(['cancelled.csv 的加载已取消。']);

    await userEvent.click(part(treemap, 'resume-button')!);
    await until(() => treemap.state === 'loading' || treemap.state === 'ready', 'the new load');
    await until(() => treemap.state === 'ready', 'the rows', 60_000);
    await treemap.updateComplete;
    expect(treemap.shadowRoot?.querySelectorAll('g.tile').length).toBeGreaterThan(1);
  });

  it('keeps the last good figures when a refresh is cancelled, marked stale', async () => {
    const key = `cancel-refresh-${Date.now()}`;
    const evaluation = await (await fetch('/fixtures/template/evaluation.csv')).text();
    await publish(key, evaluation);
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', key);
    source.setAttribute('src', faultFile(key));
    document.body.append(source);
    const scorecard = await mount('sx-scorecard', { source: key, lang: 'en' });
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(source.cancel()).toBe(false);

    await publish(key, evaluation.replace('540万元', '600万元'));
    const live = source.liveSource!;
    live.addEventListener('progress', () => source.cancel(), { once: true });
    await expect(live.refresh()).rejects.toThrow('was cancelled');
    await scorecard.updateComplete;
    expect(source.getAttribute('state')).toBe('stale');
    expect(dataTable(scorecard).map((row) => row[3])).toEqual(['108%', '80%', '93%']);
    expect(shadowText(scorecard, '[part="notice"]')).toContain('could not be refreshed');
  });
});

describe('sx-data-source says how far its load has got', () => {
  it('fires sx-data-progress from the download to the engine, with the file’s size', async () => {
    const steps: { phase: string; bytesRead: number; totalBytes?: number }[] = [];
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', `progress-${Date.now()}`);
    source.setAttribute('src', '/__faults/slow/progress.csv?seconds=2&rows=2000');
    source.addEventListener('sx-data-progress', (event) =>
      steps.push((event as CustomEvent<(typeof steps)[number]>).detail),
    );
    const loaded = new Promise((resolve) => source.addEventListener('sx-data-load', resolve));
    document.body.append(source);
    await loaded;
    const phases = [...new Set(steps.map((step) => step.phase))];
    expect(phases[0]).toBe('fetch');
    expect(phases).toContain('load');
    const downloads = steps.filter((step) => step.phase === 'fetch');
    expect(downloads.length).toBeGreaterThan(2);
    const size = downloads[0]!.totalBytes!;
    expect(size).toBeGreaterThan(0);
    expect(downloads.at(-1)!.bytesRead).toBe(size);
    expect(downloads.map((step) => step.bytesRead)).toEqual(
      downloads.map((step) => step.bytesRead).sort((a, b) => a - b),
    );
  });
});
