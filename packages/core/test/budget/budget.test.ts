import { describe, expect, it } from 'vitest';
import { allocateBudget, budgetFromStrategy, extractAmount, isContingency } from '@stratex/core';

const strategy = [
  {
    策略模块: '产品',
    具体动作: '提炼3个核心卖点',
    负责人: '产品经理',
    所需资源: '调研费2万元',
    时间节点: '6/15前',
  },
  {
    策略模块: '渠道',
    具体动作: '签约3家区域经销商',
    负责人: '渠道经理',
    所需资源: '返利预算15万元',
    时间节点: '7/30前',
  },
  {
    策略模块: '推广',
    具体动作: '开展5场线上行业直播',
    负责人: '市场专员',
    所需资源: '平台费用10万元',
    时间节点: '6-8月',
  },
];

describe('extractAmount', () => {
  it.each([
    ['调研费2万元', 20_000],
    ['返利预算15万元', 150_000],
    ['场地1万元+物料5,000元', 15_000],
    ['platform fee ¥100,000', 100_000],
    ['设计师1名', null],
    ['', null],
  ] as const)('%s → %s', (text, amount) => expect(extractAmount(text)).toBe(amount));
});

describe('budgetFromStrategy and allocateBudget', () => {
  it('splits the template’s resources by module and notes the missing contingency', () => {
    const { lines, unreadable } = budgetFromStrategy(strategy);
    expect(lines.map((line) => [line.module, line.planned])).toEqual([
      ['产品', 20_000],
      ['渠道', 150_000],
      ['推广', 100_000],
    ]);
    expect(unreadable).toEqual([]);
    const budget = allocateBudget(lines);
    expect(budget.total).toBe(270_000);
    expect(budget.modules.map((module) => module.share)).toEqual([
      expect.closeTo(0.0741, 4),
      expect.closeTo(0.5556, 4),
      expect.closeTo(0.3704, 4),
    ]);
    expect(budget.contingency).toEqual({
      amount: 0,
      share: 0,
      withinGuidance: false,
      message: '未预留预备金，建议预留 10–20%',
    });
  });

  it('accepts the design split of promotion 40 %, channel 30 %, training 10 %, contingency 20 %', () => {
    const budget = allocateBudget(
      [
        { module: 'promotion', planned: 400_000, spent: 250_000 },
        { module: 'channel', planned: 300_000, spent: 300_000 },
        { module: 'training', planned: 100_000 },
        { module: 'contingency', planned: 200_000 },
      ],
      { lang: 'en' },
    );
    expect(budget.modules.map((module) => module.share)).toEqual([0.4, 0.3, 0.1, 0.2]);
    expect(budget.contingency).toMatchObject({ share: 0.2, withinGuidance: true });
    expect(budget.contingency.message).toBe(
      'contingency is 20% of the budget, within the 10–20% guidance',
    );
    expect(budget.modules[0]).toMatchObject({ spendRate: 0.625, remaining: 150_000 });
    expect(budget.modules[2]).toMatchObject({ spent: null, spendRate: null });
    expect(budget.spent).toBe(550_000);
    expect(budget.spendRate).toBe(0.55);
  });

  it('flags a contingency above or below the guidance', () => {
    const lines = (reserve: number) => [
      { module: 'promotion', planned: 100 - reserve },
      { module: '预备金', planned: reserve },
    ];
    expect(allocateBudget(lines(5)).contingency).toMatchObject({
      withinGuidance: false,
      message: '预备金占 5%，低于建议的 10–20%',
    });
    expect(allocateBudget(lines(30), { lang: 'en' }).contingency.message).toBe(
      'contingency is 30% of the budget, above the 10–20% guidance',
    );
    expect(allocateBudget([]).contingency).toMatchObject({ share: null, withinGuidance: false });
  });

  it('prefers a budget column, fills merged module cells down and reports rows without an amount', () => {
    const { lines, unreadable } = budgetFromStrategy(
      [
        { module: 'promotion', action: 'livestreams', budget: '10万', spent: '4万' },
        { module: '', action: 'posters', budget: 'TBD', spent: '' },
      ],
      { lang: 'en' },
    );
    expect(lines).toEqual([
      { module: 'promotion', planned: 100_000, spent: 40_000, sourceRow: 1 },
      { module: 'promotion', planned: null, spent: null, sourceRow: 2 },
    ]);
    expect(unreadable).toEqual([
      { row: 2, column: 'budget', value: 'TBD', reason: 'no amount found (such as 2万元)' },
    ]);
  });

  it('recognises contingency modules', () => {
    expect(['预备金', '应急费用', 'Reserve', '机动'].every(isContingency)).toBe(true);
    expect(isContingency('推广')).toBe(false);
  });
});
