import { afterEach, describe, expect, it } from 'vitest';
import '@stratex/widgets/define';
import { dataTable, mount } from './helpers';

afterEach(() => {
  document.body.replaceChildren();
});

describe('two columns whose names differ only in case', () => {
  it('each draws its own treemap, under the name the load gave it or the one the file wrote', async () => {
    const source = document.createElement('sx-data-source');
    source.setAttribute('name', 'case_headers');
    source.setAttribute('src', '/fixtures/hostile/files/case-only-headers.csv');
    document.body.append(source);
    const measures = { source: 'case_headers', target: '目标值', actual: '实际值', lang: 'en' };
    const chinese = await mount('sx-target-treemap', { ...measures, levels: 'Region' });
    const english = await mount('sx-target-treemap', { ...measures, levels: 'REGION_2' });
    const names = (element: Element): string[] =>
      dataTable(element)
        .map((row) => row[0]!)
        .sort();
    // The header as the file spells it names the renamed column too.
    const asWritten = await mount('sx-target-treemap', { ...measures, levels: 'REGION' });
    const lower = await mount('sx-target-treemap', { ...measures, levels: 'region' });
    expect(names(chinese)).toEqual(['华东', '华北', '华南'].sort());
    expect(names(english)).toEqual(['East', 'North', 'South']);
    expect(names(asWritten)).toEqual(['East', 'North', 'South']);
    expect(names(lower)).toEqual(['e', 'n', 's']);
  });
});
