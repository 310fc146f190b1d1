import { describe, expect, it } from 'vitest';
import { lintTarget, lintTargets } from '@stratex/core';

const targets = [
  {
    目标维度: '整体销售',
    具体指标: '销售额',
    目标值: '500万元',
    完成时限: '2024 Q3',
    责任人: '**',
    '备注（关键动作）': '聚焦行业客户',
  },
  {
    目标维度: '区域',
    具体指标: '华东区销售额',
    目标值: '150万元',
    完成时限: '2024 Q3',
    责任人: '**',
    '备注（关键动作）': '新增2家经销商',
  },
  {
    目标维度: '客户',
    具体指标: '新签约客户数',
    目标值: '30家',
    完成时限: '2024 Q3',
    责任人: '**',
    '备注（关键动作）': '每周拜访10家',
  },
  {
    目标维度: '推广',
    具体指标: '线索转化率',
    目标值: '15%',
    完成时限: '2024 Q3',
    责任人: '赵六',
    '备注（关键动作）': '优化落地页',
  },
];

describe('lintTargets', () => {
  it('passes the template’s targets', () => {
    const result = lintTargets(targets);
    expect(result.issues).toEqual([]);
    expect(result.checked).toBe(4);
  });

  it('names the letter each weak target fails', () => {
    const result = lintTargets(
      [
        { ...targets[0], 具体指标: '', 目标值: '尽量提升', 完成时限: '尽快', 责任人: '' },
        { ...targets[1], 目标维度: ' ' },
        { 目标维度: '', 具体指标: '', 目标值: '', 完成时限: '', 责任人: '' },
      ],
      { lang: 'en' },
    );
    expect(result.checked).toBe(2);
    expect(result.issues.map((issue) => [issue.row, issue.letter, issue.field])).toEqual([
      [1, 'S', 'metric'],
      [1, 'M', 'target'],
      [1, 'A', 'owner'],
      [1, 'T', 'deadline'],
      [2, 'R', 'dimension'],
    ]);
    expect(result.issues[3]?.message).toBe('no readable deadline (T: time-bound)');
  });

  it('fails every row on a column the table does not have', () => {
    const result = lintTargets([
      { metric: 'revenue', target: '5M', deadline: '2024-09-30', dimension: 'overall' },
    ]);
    expect(result.resolution.columns.owner).toBeUndefined();
    expect(result.issues.map((issue) => issue.letter)).toEqual(['A']);
  });
});

describe('lintTarget', () => {
  it('accepts a date or a period as the deadline', () => {
    const base = { dimension: 'overall', metric: 'revenue', target: '500万', owner: 'Li' };
    expect(lintTarget({ ...base, deadline: '2024年9月30日' })).toEqual([]);
    expect(lintTarget({ ...base, deadline: '2024年第三季度' })).toEqual([]);
    expect(lintTarget({ ...base, deadline: '2023-02-29' }, 'zh-CN')).toEqual([
      { letter: 'T', field: 'deadline', message: '没有可识别的完成时限（T 有时限）' },
    ]);
  });
});
