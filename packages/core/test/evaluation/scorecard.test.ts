import { describe, expect, it } from 'vitest';
import { buildScorecard, weightedOverall } from '@stratex/core';

const template = [
  {
    评估维度: '销售额',
    目标值: '500万元',
    实际值: '540万元',
    达成率: '108%',
    差异分析: '政策利好，重点客户超额完成',
    改进建议: '下阶段目标提高至550万元',
  },
  {
    评估维度: '线索转化率',
    目标值: '15%',
    实际值: '12%',
    达成率: '80%',
    差异分析: '直播话术未突出核心优势',
    改进建议: '优化话术，增加案例展示',
  },
  {
    评估维度: '新客户数',
    目标值: '30家',
    实际值: '28家',
    达成率: '93%',
    差异分析: '客户决策周期延长',
    改进建议: '推出试用活动',
  },
];

describe('buildScorecard', () => {
  it('scores the template’s evaluation table', () => {
    const card = buildScorecard(template);
    expect(card.rows.map((row) => [row.dimension, row.achievement.rate, row.status])).toEqual([
      ['销售额', 1.08, 'on-track'],
      ['线索转化率', 0.8, 'off-track'],
      ['新客户数', expect.closeTo(0.9333, 4), 'at-risk'],
    ]);
    expect(card.rows.map((row) => row.unit)).toEqual(['money', 'percent', 'count']);
    expect(card.rows[1]?.variance).toBe('直播话术未突出核心优势');
    expect(card.rows[2]?.suggestion).toBe('推出试用活动');
    expect(card.rows[0]?.statedRate).toBe(1.08);
    expect(card.rows.map((row) => row.sourceRow)).toEqual([1, 2, 3]);
    expect(card.overall).toBeCloseTo((1.08 + 0.8 + 28 / 30) / 3, 10);
    expect(card.unreadable).toEqual([]);
    expect(card.rows[1]?.statusReason).toBe('线索转化率 达成率 80%：实际 12%，目标 15%');
  });

  it('explains in English when asked', () => {
    const card = buildScorecard(template, { lang: 'en' });
    expect(card.rows[0]?.statusReason).toBe('销售额 at 108% of target: 5.4M against 5M');
  });

  it('weights the overall score and honours changed thresholds', () => {
    const weighted = template.map((row, i) => ({ ...row, 权重: ['50%', '30%', '20%'][i] ?? '' }));
    const card = buildScorecard(weighted, { thresholds: { onTrack: 0.9, atRisk: 0.75 } });
    expect(card.rows.map((row) => row.weight)).toEqual([0.5, 0.3, 0.2]);
    expect(card.overall).toBeCloseTo(0.5 * 1.08 + 0.3 * 0.8 + 0.2 * (28 / 30), 10);
    expect(card.rows.map((row) => row.status)).toEqual(['on-track', 'at-risk', 'on-track']);
  });

  it('counts unreadable cells instead of dropping them, and skips blank rows', () => {
    const card = buildScorecard([
      { dimension: 'revenue', target: '5,000,000', actual: 'TBD', weight: '' },
      { dimension: '', target: '', actual: null, weight: ' ' },
      {
        dimension: 'cost per lead',
        target: '200元',
        actual: '250',
        direction: 'lower',
        weight: 'x',
      },
      { dimension: 'visits', target: '0', actual: '12', weight: '-1' },
    ]);
    expect(card.rows.map((row) => row.sourceRow)).toEqual([1, 3, 4]);
    expect(card.rows[0]?.status).toBe('unknown');
    expect(card.rows[1]).toMatchObject({ unit: 'money', direction: 'lower', status: 'off-track' });
    expect(card.rows[1]?.achievement.rate).toBe(0.8);
    expect(card.rows[2]?.achievement.reason).toBe('zero-target');
    expect(card.unreadable).toEqual([
      { row: 1, column: 'actual', value: 'TBD', reason: expect.stringContaining('500万元') },
      { row: 3, column: 'weight', value: 'x', reason: expect.any(String) },
      { row: 4, column: 'weight', value: '-1', reason: '权重不能为负数' },
    ]);
    expect(card.overall).toBe(0.8);
  });

  it('gives a negative target or one that is not a number no rate, says why and leaves it out of the overall', () => {
    const card = buildScorecard(
      [
        { dimension: 'returns', target: '-100', actual: '50' },
        { dimension: 'visits', target: 'NaN', actual: '50' },
        { dimension: 'leads', target: '40', actual: '30' },
      ],
      { lang: 'en' },
    );
    expect(card.rows.map((row) => [row.achievement.rate, row.status, row.statusReason])).toEqual([
      [null, 'unknown', 'returns has a negative target, so no rate can be computed'],
      [null, 'unknown', 'visits has a target that is not a number, so no rate can be computed'],
      [0.75, 'off-track', expect.stringContaining('75%')],
    ]);
    expect(card.rows[0]?.achievement.gap).toBe(150);
    expect(card.overall).toBe(0.75);
  });

  it('reports missing columns and returns no rows', () => {
    const card = buildScorecard([{ 评估维度: '销售额', 目标值: '500万元' }]);
    expect(card.resolution.missing).toEqual(['actual']);
    expect(card.rows).toEqual([]);
    expect(card.overall).toBeNull();
  });

  it('follows column overrides', () => {
    const card = buildScorecard([{ 项目: '销售额', 计划: '500万', 完成: '540万' }], {
      overrides: { dimension: '项目', target: '计划', actual: '完成' },
    });
    expect(card.rows[0]?.achievement.rate).toBe(1.08);
  });
});

describe('weightedOverall', () => {
  it('leaves out rows without a rate and is null when none remain', () => {
    expect(
      weightedOverall([
        { rate: 1, weight: 1 },
        { rate: null, weight: 5 },
      ]),
    ).toBe(1);
    expect(weightedOverall([{ rate: null, weight: 1 }])).toBeNull();
    expect(weightedOverall([])).toBeNull();
  });
});
