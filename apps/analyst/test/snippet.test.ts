import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedSnippet, exportUrl } from '../src/snippet';
import { type ColumnInfo, drawnWidgets, guessMapping, sourceNameFor } from '../src/widget-roles';

const headersOf = (name: string): string[] =>
  readFileSync(new URL(`../../../fixtures/template/${name}`, import.meta.url), 'utf8')
    .split(/\r?\n/, 1)[0]!
    .split(',');

const asColumns = (headers: string[], numbers: string[]): ColumnInfo[] =>
  headers.map((name) =>
    numbers.includes(name) ? { name, kind: 'number', unit: 'money' } : { name, kind: 'text' },
  );

describe('column roles for the four widgets', () => {
  it('maps the template evaluation to the scorecard and leaves the other widgets out', () => {
    const headers = headersOf('evaluation.csv');
    const mapping = guessMapping(asColumns(headers, []));
    expect(mapping.scorecard.columns).toMatchObject({
      dimension: '评估维度',
      target: '目标值',
      actual: '实际值',
    });
    expect(drawnWidgets(mapping, 'evaluation', 'zh-CN')).toEqual([
      {
        kind: 'scorecard',
        tag: 'sx-scorecard',
        attributes: [
          ['source', 'evaluation'],
          ['dimension-column', '评估维度'],
          ['target-column', '目标值'],
          ['actual-column', '实际值'],
          ['lang', 'zh-CN'],
        ],
      },
    ]);
  });

  it('takes the text columns of a target split as the treemap levels, top first', () => {
    const headers = headersOf('region_targets.csv');
    const mapping = guessMapping(asColumns(headers, ['目标值', '实际值']));
    expect(mapping.treemap.levels).toEqual(['区域', '产品线', '客户类型']);
    expect(mapping.treemap.included).toBe(true);
    expect(drawnWidgets(mapping, 'regions', 'en').map((widget) => widget.tag)).toEqual([
      'sx-target-treemap',
    ]);
  });

  it('maps the progress table with every required role', () => {
    const mapping = guessMapping(asColumns(headersOf('progress.csv'), []));
    expect(mapping.progress.columns).toMatchObject({
      task: '任务名称',
      planned_start: '计划开始时间',
      planned_end: '计划结束时间',
      progress: '实际进度（%/完成状态）',
    });
    expect(mapping.progress.included).toBe(true);
  });
  it('shows a daily KPI series as variance alerts only', () => {
    const headers = headersOf('kpi_daily_2024q3.csv');
    const mapping = guessMapping(asColumns(headers, ['实际值', '目标值']));
    expect(drawnWidgets(mapping, 'kpis', 'zh-CN').map((widget) => widget.tag)).toEqual([
      'sx-variance-alerts',
    ]);
  });
});

describe('the embed snippet', () => {
  it('escapes attribute values so that a header cannot open a tag', () => {
    const snippet = embedSnippet({
      scriptUrl: '/stratex/stratex.js',
      sources: [{ name: 'x', src: exportUrl('/exports', 'a "b".csv'), encoding: 'gbk' }],
      widgets: [{ tag: 'sx-scorecard', attributes: [['target-column', '"><script>1</script>']] }],
    });
    expect(snippet).toContain('src="/exports/a%20%22b%22.csv" encoding="gbk"');
    expect(snippet).toContain('target-column="&quot;&gt;&lt;script&gt;1&lt;/script&gt;"');
    expect(snippet).not.toContain('<script>1');
  });

  it('names sources as SQL can say them, each once', () => {
    const taken = new Set<string>();
    const names = ['evaluation.gbk.csv', '2024 销售.csv', 'evaluation-gbk.csv'].map((file) => {
      const name = sourceNameFor(file, taken);
      taken.add(name);
      return name;
    });
    expect(names).toEqual(['evaluation_gbk', 't_2024_销售', 'evaluation_gbk_2']);
  });
});
