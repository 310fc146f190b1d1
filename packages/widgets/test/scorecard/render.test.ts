import { buildScorecard, parseCell, type CellRecord } from '@stratex/core';
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { message } from '../../src/base/lang';
import { renderScorecard, type ScorecardScene } from '../../src/scorecard/render';

// The template's evaluation table (效果评估表), its cells as the loader reads them.
const evaluation: CellRecord[] = [
  ['销售额', '500万元', '540万元', '政策利好，重点客户超额完成', '下期目标上调至550万元'],
  ['线索转化率', '15%', '12%', '直播话术未突出产品核心优势', '优化直播话术，增加客户案例'],
  ['新客户数', '30家', '28家', '客户决策周期延长', '提供免费试用'],
].map(([dimension, target, actual, variance, suggestion]) => ({
  评估维度: dimension ?? null,
  目标值: parseCell(target),
  实际值: parseCell(actual),
  差异分析: variance ?? null,
  改进建议: suggestion ?? null,
}));

function drawn(scene: Partial<ScorecardScene> = {}): HTMLElement {
  const host = document.createElement('div');
  const scorecard = buildScorecard(evaluation, { lang: 'zh-CN' });
  render(
    renderScorecard(scorecard, {
      lang: 'zh-CN',
      t: (key) => message('zh-CN', key),
      focusIndex: 0,
      isChosen: () => false,
      choose: () => undefined,
      onKeydown: () => undefined,
      ...scene,
    }),
    host,
  );
  return host;
}

describe('the scorecard’s view', () => {
  it('lists each dimension with its rate and figures, and the template’s rates in its table', () => {
    const host = drawn();
    const rows = Array.from(host.querySelectorAll('[part="data-table"] tbody tr'), (row) =>
      Array.from(row.children, (cell) => cell.textContent?.trim()),
    );
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ['销售额', '108%'],
      ['线索转化率', '80%'],
      ['新客户数', '93%'],
    ]);
    expect(rows[0]?.slice(1, 3)).toEqual(['500万', '540万']);
    const options = host.querySelectorAll('[role="option"]');
    expect(options).toHaveLength(3);
    expect(options[0]?.getAttribute('tabindex')).toBe('0');
    expect(options[1]?.querySelector('.notes')?.textContent).toContain('优化直播话术');
  });

  it('marks the chosen dimension and says which row was clicked', () => {
    const clicked: number[] = [];
    const host = drawn({
      isChosen: (row) => row.dimension === '新客户数',
      choose: (_row, index) => clicked.push(index),
      focusIndex: 2,
    });
    const options = Array.from(host.querySelectorAll<HTMLElement>('[role="option"]'));
    expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual([
      'false',
      'false',
      'true',
    ]);
    expect(options[2]?.getAttribute('part')).toBe('row selected');
    expect(options[2]?.getAttribute('tabindex')).toBe('0');
    options[1]?.click();
    expect(clicked).toEqual([1]);
  });
});
