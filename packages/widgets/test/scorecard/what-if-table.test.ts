import type { TargetOverrideSet } from '@stratex/core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '@stratex/widgets/define';
import { pageTargetOverrides } from '../../src/base/target-overrides';
import type { SxScorecard } from '../../src/scorecard/scorecard';
import { dataTable, mount, shadowText } from '../helpers';

/**
 * A what-if edit redraws the scorecard's picture at once; its hidden data table catches up
 * once the edits pause, in one drawing for several quick edits, and then holds every figure
 * the picture shows. Saving the table as CSV, or a table on screen, never waits.
 */
const SOURCE = 'what_if_table';
const REGIONS = ['华东', '华南', '西南'];

afterEach(() => {
  pageTargetOverrides().publish(SOURCE, null, null);
  document.body.replaceChildren();
});

async function scorecard(attributes: Record<string, string> = {}): Promise<SxScorecard> {
  const csv = [
    '区域,日期,目标值,实际值,权重',
    '华东,2024-08-15,150万,90万,0.5',
    '华南,2024-08-15,100万,60万,0.3',
    '西南,2024-08-15,50万,30万,0.2',
  ].join('\n');
  const source = document.createElement('sx-data-source');
  source.setAttribute('name', SOURCE);
  source.setAttribute('src', URL.createObjectURL(new Blob([csv], { type: 'text/csv' })));
  document.body.append(source);
  return mount('sx-scorecard', {
    source: SOURCE,
    lang: 'zh-CN',
    'dimension-column': '区域',
    ...attributes,
  });
}

/** What a treemap in what-if mode publishes: 华东's target set to `after` (in yuan), the others as given. */
function publishTargets(after: readonly number[]): void {
  const before = [1_500_000, 1_000_000, 500_000];
  const set: TargetOverrideSet = {
    column: '目标值',
    levels: ['区域'],
    overrides: REGIONS.map((region, at) => ({
      match: { 区域: region },
      before: before[at] ?? 0,
      after: after[at] ?? 0,
    })),
  };
  pageTargetOverrides().publish(SOURCE, set, null);
}

/** The targets the picture's rows show, by region. */
function pictureTargets(element: SxScorecard): string[] {
  return Array.from(
    element.shadowRoot?.querySelectorAll('[part~="row"] .figures') ?? [],
    (figures) => figures.textContent?.match(/目标值?\s*([\d.]+万)/)?.[1] ?? '',
  );
}

const tableTargets = (element: SxScorecard): string[] =>
  dataTable(element).map((row) => row[1] ?? '');

const table = (element: SxScorecard): HTMLTableElement | null | undefined =>
  element.shadowRoot?.querySelector('table[part="data-table"]');

describe('the scorecard’s data table after what-if edits', () => {
  it('draws the picture at once and the table, marked busy meanwhile, once the edits pause', async () => {
    const element = await scorecard();
    expect(tableTargets(element)).toEqual(['150万', '100万', '50万']);
    const overall = shadowText(element, '.overall');
    publishTargets([2_000_000, 666_666.67, 333_333.33]);
    await element.updateComplete;
    expect(pictureTargets(element)).toEqual(['200万', '66.67万', '33.33万']);
    expect(shadowText(element, '.overall')).not.toBe(overall);
    expect(table(element)?.getAttribute('aria-busy')).toBe('true');
    await element.tableComplete;
    expect(tableTargets(element)).toEqual(['200万', '66.67万', '33.33万']);
    expect(dataTable(element).map((row) => row[3])).toEqual(['45%', '90%', '90%']);
    expect(table(element)?.hasAttribute('aria-busy')).toBe(false);
    // As a screen reader is given it: the table's cells in Chromium's accessibility tree.
    expect(await commands.accessibleRowHeaders()).toEqual(expect.arrayContaining(REGIONS));
  });

  it('catches up with several quick edits in one drawing, with the last edit’s figures', async () => {
    const element = await scorecard();
    const drawings: number[] = [];
    const observer = new MutationObserver((records) => drawings.push(records.length));
    const body = table(element);
    if (!body) throw new Error('no data table');
    observer.observe(body, { subtree: true, characterData: true, childList: true });
    for (const after of [
      [1_600_000, 933_333.33, 466_666.67],
      [1_800_000, 800_000, 400_000],
      [1_200_000, 1_200_000, 600_000],
    ]) {
      publishTargets(after);
      await element.updateComplete;
    }
    expect(pictureTargets(element)).toEqual(['120万', '120万', '60万']);
    await element.tableComplete;
    await Promise.resolve();
    observer.disconnect();
    expect(drawings).toHaveLength(1);
    expect(tableTargets(element)).toEqual(['120万', '120万', '60万']);
  });

  it('saves the edited figures as CSV at once, and a table on screen follows every edit at once', async () => {
    const element = await scorecard();
    publishTargets([2_000_000, 666_666.67, 333_333.33]);
    await element.updateComplete;
    expect(element.toCsv().split('\r\n')[1]).toBe('华东,200万,90万,45%,未达标');
    expect(tableTargets(element)).toEqual(['200万', '66.67万', '33.33万']);

    const shown = await mount('sx-scorecard', {
      source: SOURCE,
      lang: 'zh-CN',
      'dimension-column': '区域',
      'show-table': '',
    });
    publishTargets([1_200_000, 1_200_000, 600_000]);
    await shown.updateComplete;
    expect(tableTargets(shown)).toEqual(['120万', '120万', '60万']);
    expect(table(shown)?.hasAttribute('aria-busy')).toBe(false);
  });
});
